"""Template tags for pages of other apps that show events (organisation and network pages)."""

from __future__ import annotations

from typing import Any

from django import template

from events import access
from events.models import Event, EventQuerySet
from networks.models import Network
from organisations.models import Organisation

register = template.Library()

INCLUDE_LIMIT = 5


@register.simple_tag
def organisation_events(organisation: Organisation) -> EventQuerySet:
    """The upcoming public events the organisation organises or co-organises (for its directory
    page)."""
    return (
        Event.objects.public()
        .upcoming()
        .organised_by(organisation)
        .for_listing()
        .order_by("starts_at", "pk")[:INCLUDE_LIMIT]
    )


@register.simple_tag(takes_context=True)
def network_events(context: dict[str, Any], network: Network) -> EventQuerySet:
    """The network's upcoming meetings the viewer may see (members-only ones for members)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    events = (
        access.visible_events(user, Event.objects.published()) if user else Event.objects.public()
    )
    return (
        events.upcoming()
        .organised_by(network)
        .for_listing()
        .order_by("starts_at", "pk")[:INCLUDE_LIMIT]
    )
