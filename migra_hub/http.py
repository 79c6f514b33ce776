"""Request types for views, so that type checkers know what the middleware guarantees."""

from __future__ import annotations

from django.http import HttpRequest

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind ``login_required``: ``request.user`` is a real account."""

    user: User
