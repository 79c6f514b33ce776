"""Template tags for pages of other apps that show events (organisation and network pages)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django import template

from events import access
from events.models import (
    Event,
    EventQuerySet,
    EventResult,
    EventResultFile,
    ProgrammePart,
    Speaker,
)
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


def _viewer_events(context: dict[str, Any]) -> EventQuerySet:
    """Published events the viewer of the page may see (members-only ones for members)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return (
        access.visible_events(user, Event.objects.published()) if user else Event.objects.public()
    )


@register.simple_tag(takes_context=True)
def network_events(context: dict[str, Any], network: Network) -> EventQuerySet:
    """The network's upcoming meetings the viewer may see (members-only ones for members)."""
    return (
        _viewer_events(context)
        .upcoming()
        .organised_by(network)
        .for_listing()
        .order_by("starts_at", "pk")[:INCLUDE_LIMIT]
    )


@dataclass(frozen=True)
class Programme:
    """What the event page shows of the programme: parts, speakers and published results."""

    parts: list[ProgrammePart]
    speakers: list[Speaker]
    result: EventResult | None
    result_files: list[EventResultFile]


@register.simple_tag
def event_programme(event: Event) -> Programme:
    """The schedule with each part's speakers, the speakers and the results of an event, in a
    fixed number of queries however long the programme is."""
    parts = list(event.programme_parts.for_schedule())
    speakers = list(event.speakers.select_related("organisation").prefetch_related("parts"))
    by_part: dict[int, list[Speaker]] = defaultdict(list)
    for speaker in speakers:
        for part in speaker.parts.all():
            by_part[part.pk].append(speaker)
    for part in parts:
        part.speaker_list = by_part[part.pk]  # type: ignore[attr-defined]
    # Results exist only after the event: no query for the events still to come.
    result = EventResult.objects.published().filter(event=event).first() if event.is_past else None
    result_files = list(result.files.all()) if result else []
    return Programme(parts=parts, speakers=speakers, result=result, result_files=result_files)


@register.simple_tag(takes_context=True)
def network_results(context: dict[str, Any], network: Network) -> list[Event]:
    """The network's past events with published results the viewer may see, newest first."""
    return list(
        _viewer_events(context)
        .organised_by(network)
        .filter(result__published_at__isnull=False)
        .order_by("-starts_at", "-pk")[:INCLUDE_LIMIT]
    )
