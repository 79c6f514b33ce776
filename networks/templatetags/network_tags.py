from __future__ import annotations

from django import template

from networks.models import Network, NetworkMembership
from organisations.models import Organisation

register = template.Library()


@register.simple_tag
def organisation_networks(organisation: Organisation) -> list[NetworkMembership]:
    """The organisation's active memberships in networks everyone may see (one query)."""
    return list(
        organisation.network_memberships.active()
        .exclude(network__phase=Network.Phase.PREPARATION)
        .select_related("network")
        .order_by("network__name")
    )
