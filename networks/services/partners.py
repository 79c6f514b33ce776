"""Partners of a network that are not migrant organisations (``NetworkPartner``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.models import User
from networks import access
from networks.models import Network, NetworkPartner


@transaction.atomic
def partner_add(
    *, network: Network, user: User, name: str, kind: str, website: str = "", contact_role: str = ""
) -> NetworkPartner:
    if not access.can_curate(user, network):
        raise PermissionDenied
    partner = NetworkPartner(
        network=network,
        name=name,
        kind=NetworkPartner.Kind(kind),
        website=website,
        contact_role=contact_role,
    )
    partner.full_clean()
    partner.save()
    return partner


@transaction.atomic
def partner_remove(*, partner: NetworkPartner, user: User) -> None:
    if not access.can_curate(user, partner.network):
        raise PermissionDenied
    partner.delete()
