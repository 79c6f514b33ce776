"""Template tags for pages of other apps that show funding calls (a network's page)."""

from __future__ import annotations

from django import template

from funding.models import FundingCall, FundingCallQuerySet
from networks.models import Network

register = template.Library()

INCLUDE_LIMIT = 5


@register.simple_tag
def network_funding_calls(network: Network) -> FundingCallQuerySet:
    """The network's open calls, the nearest deadline first."""
    return (
        FundingCall.objects.open()
        .filter(network=network)
        .for_listing()
        .by_deadline()[:INCLUDE_LIMIT]
    )
