"""Who must use a second factor: everyone who sees other people's personal data.

Those are site administrators (``is_staff``/``is_superuser``) and whoever holds a role that
another app registered with the privacy registry (district staff, staff named for city-wide
networks). A recovery code alone does not count: it is the fallback of a factor, not one.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

from accounts.models import User
from accounts.privacy import staff_roles

SECOND_FACTORS = ("totp", "webauthn")


def needs_second_factor(user: User) -> bool:
    """Sees other people's personal data but has not set up a second factor yet (one query)."""
    from allauth.mfa.models import Authenticator

    sees_personal_data = reduce(
        or_, [Q(is_staff=True), Q(is_superuser=True), *(Q(role()) for role in staff_roles)]
    )
    has_second_factor = Exists(
        Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTORS)
    )
    return (
        User.objects.filter(pk=user.pk)
        .filter(sees_personal_data)
        .exclude(has_second_factor)
        .exists()
    )
