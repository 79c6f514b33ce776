"""The signed token in a digest's unsubscribe link: it names the person, so that the link works
without logging in, and nobody can make one for somebody else without the site's secret."""

from __future__ import annotations

from django.core import signing

from accounts.models import User

SALT = "following.unsubscribe"


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=SALT)


def user_for_token(token: str) -> User | None:
    """The active account the token was made for, or None for a tampered or foreign token."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return User.objects.filter(pk=pk, is_active=True).first()
