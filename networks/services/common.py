"""What the services of networks, memberships and notes share."""

from __future__ import annotations


class NetworkError(Exception):
    """A change that is not possible in the current state; the message is for the user."""
