"""Which events are open data: public ones (published or cancelled, visible to everyone) that
are not organised by an unpublished organisation, whose name must not spread through feeds."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from events.models import Event, EventQuerySet
from organisations.models import Organisation


def open_events(organisations: QuerySet[Organisation] | None = None) -> EventQuerySet:
    """Public events of districts, networks and these organisations (default: the published)."""
    if organisations is None:
        organisations = Organisation.objects.published()
    return Event.objects.public().filter(
        Q(organiser_organisation__isnull=True)
        | Q(organiser_organisation__in=organisations.values("pk"))
    )


def is_open_event(event: Event) -> bool:
    """The same test for one event (its organiser is usually loaded already)."""
    if event.status not in (Event.Status.PUBLISHED, Event.Status.CANCELLED):
        return False
    if event.visibility != Event.Visibility.PUBLIC:
        return False
    organisation = event.organiser_organisation
    return organisation is None or organisation.is_public
