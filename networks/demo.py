"""Fictional demo data for this app (extended by its issue)."""

from __future__ import annotations

from migra_hub.demo import DemoLogins


def seed(logins: DemoLogins) -> None:
    """Nothing to add yet."""
