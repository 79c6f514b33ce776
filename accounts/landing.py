"""Where a person lands after logging in when no page asked for them (no ``?next=``).

A higher app registers its page for the people it is for, in its ``AppConfig.ready`` (the staff
workspace for reviewers); everyone else goes to ``LOGIN_REDIRECT_URL``. Accounts knows neither
the roles nor the pages.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from accounts.models import User

Landing = tuple[Callable[[User], bool], str]

landings: list[Landing] = []


def register_landing(applies: Callable[[User], bool], url_name: str) -> None:
    """After logging in, people for whom ``applies(user)`` is true land on ``url_name``."""
    if (applies, url_name) not in landings:
        landings.append((applies, url_name))


def landing_url(user: User) -> str | None:
    for applies, url_name in landings:
        if applies(user):
            return reverse(url_name)
    return None
