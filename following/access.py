"""What a person may follow. Every view asks here, never decides itself.

Only what everyone may see can be followed: published organisations, networks that are not
being set up, every district and the exchange. Anything else is a 404, as on its own page, so
that following never reveals that a private thing exists.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from following.models import Follow, Target, target_fields
from networks.models import Network
from organisations.access import AnyUser
from organisations.models import District, Organisation


def followable(kind: str, key: str) -> Target:
    """The thing of ``kind`` named by ``key`` (a slug, a district's number, nothing for the
    exchange), or 404 if nobody but its members may see it."""
    if kind == Follow.Kind.ORGANISATION:
        return get_object_or_404(Organisation.objects.published(), slug=key)
    if kind == Follow.Kind.NETWORK:
        return get_object_or_404(Network.objects.public(), slug=key)
    if kind == Follow.Kind.DISTRICT and key.isdigit():
        return get_object_or_404(District, pk=int(key))
    if kind == Follow.Kind.EXCHANGE and not key:
        return None
    raise Http404


def own_follows(user: User, kind: str, key: str) -> QuerySet[Follow]:
    """The person's follows of the thing named by ``kind`` and ``key``, visible or not: one
    can always stop following something, even after it left the public pages."""
    follows = Follow.objects.filter(user=user, kind=kind)
    if kind == Follow.Kind.ORGANISATION:
        return follows.filter(organisation__slug=key)
    if kind == Follow.Kind.NETWORK:
        return follows.filter(network__slug=key)
    if kind == Follow.Kind.DISTRICT and key.isdigit():
        return follows.filter(district_id=int(key))
    if kind == Follow.Kind.EXCHANGE:
        return follows
    return Follow.objects.none()


def is_following(user: AnyUser, target: Target) -> bool:
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(user=user, **target_fields(target)).exists()
