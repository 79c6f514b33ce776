"""What is open data: published organisations and their offers, with everything the HSDS API
reads in a fixed number of queries; and public events (published or cancelled, visible to
everyone) that are not organised by an unpublished organisation, whose name must not spread
through feeds; and the rows of each table of the exports."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from events.models import Event, EventQuerySet
from networks.models import Network, NetworkMembership
from organisations.models import District, Offer, Organisation


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


def public_organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.published()
        .select_related("kind")
        .prefetch_related("kind__translations")
    )


def public_organisations_in_full() -> QuerySet[Organisation]:
    return public_organisations().prefetch_related(
        Prefetch("districts", queryset=District.objects.select_related("city")),
        "languages",
        "counselling_languages",
        "topics__translations",
        "target_groups__translations",
        Prefetch("offers", queryset=offers_in_full_of_an_organisation()),
    )


def offers_in_full_of_an_organisation() -> QuerySet[Offer]:
    return (
        Offer.objects.select_related("kind")
        .prefetch_related(
            "kind__translations", "topics__translations", "target_groups__translations", "languages"
        )
        .order_by("title", "pk")
    )


def public_offers() -> QuerySet[Offer]:
    return (
        Offer.objects.public()
        .select_related("organisation", "organisation__kind", "kind")
        .prefetch_related("organisation__kind__translations", "kind__translations")
    )


def public_offers_in_full() -> QuerySet[Offer]:
    return public_offers().prefetch_related(
        "topics__translations",
        "target_groups__translations",
        "languages",
        Prefetch("organisation__districts", queryset=District.objects.select_related("city")),
    )


# --- The rows of the open-data exports (opendata.export_tables) -------------------------------


def organisations_for_export(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return (
        organisations.select_related("kind")
        .prefetch_related(
            "kind__translations",
            Prefetch("districts", queryset=District.objects.select_related("city")),
            "languages",
            "counselling_languages",
            "topics__translations",
            "target_groups__translations",
        )
        .order_by("name", "pk")
    )


def offers_of(organisations: QuerySet[Organisation]) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(organisation__in=organisations.values("pk"))
        .select_related("organisation", "kind")
        .prefetch_related(
            "kind__translations",
            "topics__translations",
            "target_groups__translations",
            "languages",
        )
        .order_by("organisation__name", "title", "pk")
    )


def network_memberships_of(organisations: QuerySet[Organisation]) -> QuerySet[NetworkMembership]:
    return (
        NetworkMembership.objects.active()
        .filter(organisation__in=organisations.values("pk"), network__in=Network.objects.public())
        .select_related("network", "network__district", "organisation")
        .order_by("network__name", "organisation__name", "pk")
    )


def events_of(organisations: QuerySet[Organisation]) -> EventQuerySet:
    """Upcoming public events organised by a district, a network or one of these organisations
    (an event of an organisation that is not exported is left out too)."""
    return (
        open_events(organisations)
        .upcoming()
        .with_organisers()
        .select_related("organiser_network__district")
        .prefetch_related(
            "languages", "interpretation_languages", "organiser_organisation__districts"
        )
        .with_seat_counts()
        .order_by("starts_at", "pk")
    )
