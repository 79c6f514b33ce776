"""The entries of a district that need someone's attention: offers whose funding runs out,
organisations in no network, entries nobody confirmed for a year, entries without a pin, and
the points of the district's small map.

Each list is one query of at most ``LIST_LIMIT`` rows plus its count, so the page costs the
same however large the district is.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from networks.models import NetworkMembership
from organisations.models import (
    REMINDER_AFTER,
    Offer,
    OfferQuerySet,
    Organisation,
    OrganisationQuerySet,
)
from workspace.analysis import Scope

LIST_LIMIT = 50
MAP_LIMIT = 500
ENDING_WITHIN_MONTHS = 3
QuerySetT = TypeVar("QuerySetT", bound=QuerySet[Any])


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@dataclass(frozen=True)
class EntryList:
    slug: str
    title: str
    count: int
    items: list[Any]

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def _in_scope(queryset: QuerySetT, scope: Scope, prefix: str = "") -> QuerySetT:
    if scope.district is None:
        return queryset
    return queryset.filter(
        Exists(
            Organisation.districts.through.objects.filter(
                organisation_id=OuterRef(f"{prefix}pk"), district_id=scope.district.pk
            )
        )
    )


# What the lists show of an organisation.
LISTED_FIELDS = ("name", "slug", "last_confirmed_at", "published_at")


def published_in(scope: Scope) -> OrganisationQuerySet:
    organisations = Organisation.objects.published().only(*LISTED_FIELDS)
    return _in_scope(organisations, scope).order_by("name", "pk")


def entry_list(slug: str, title: str, queryset: QuerySet) -> EntryList:
    items = list(queryset[:LIST_LIMIT])
    count = len(items) if len(items) < LIST_LIMIT else queryset.count()
    return EntryList(slug, title, count, items)


def offers_ending(scope: Scope, today: datetime.date | None = None) -> OfferQuerySet:
    """Current public offers that end within three months (project funding running out)."""
    today = today or timezone.localdate()
    offers = (
        Offer.objects.public()
        .current(today)
        .filter(ends_on__lte=months_later(today, ENDING_WITHIN_MONTHS))
        .select_related("organisation")
        .only("title", "ends_on", "organisation__name", "organisation__slug")
    )
    return _in_scope(offers, scope, "organisation__").order_by("ends_on", "title", "pk")


def in_no_network(scope: Scope) -> QuerySet[Organisation]:
    """Published organisations with no active membership of any network."""
    member = NetworkMembership.objects.active().filter(organisation=OuterRef("pk"))
    return published_in(scope).filter(~Exists(member))


def not_confirmed_for_a_year(scope: Scope) -> QuerySet[Organisation]:
    """The entries whose owners get the yearly reminder (``organisations.services.freshness``)."""
    cutoff = timezone.now() - REMINDER_AFTER
    unconfirmed = Organisation.objects.unconfirmed_since(cutoff).values("pk")
    return published_in(scope).filter(pk__in=unconfirmed)


def without_pin(scope: Scope) -> QuerySet[Organisation]:
    return published_in(scope).filter(Q(latitude__isnull=True) | Q(longitude__isnull=True))


@dataclass(frozen=True)
class Point:
    name: str
    url: str
    latitude: Decimal
    longitude: Decimal


def map_points(scope: Scope) -> list[Point]:
    """The published entries of the scope that may be on a map (a pin and a public address)."""
    rows = (
        published_in(scope)
        .with_public_location()
        .values_list("name", "slug", "latitude", "longitude")[:MAP_LIMIT]
    )
    return [
        Point(name, reverse("organisations:detail", kwargs={"slug": slug}), latitude, longitude)
        for name, slug, latitude, longitude in rows
        if latitude is not None and longitude is not None  # always: with_public_location()
    ]
