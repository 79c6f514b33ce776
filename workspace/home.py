"""What waits for a reviewer on their home page: each kind of item with its count and the date
of the oldest, the events of their districts this week, and (for city-wide staff) the districts
without staff.

Every figure is one aggregate query, so the page costs the same however much waits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from events.models import Event, EventCoOrganiser, EventQuerySet, Registration
from funding.models import FundingCall
from networks.access import proposals_for_staff, staff_curated_networks
from networks.models import NetworkMembership
from organisations.access import districts_without_staff, is_city_staff, responsible_organisations
from organisations.models import REMINDER_AFTER, District, Organisation
from organisations.review_queue import (
    entries_without_owner,
    live_changes,
    open_claims,
    open_problem_reports,
)

# Changes that went live are looked at afterwards; the home shows those of the last week.
RECENT_CHANGES = datetime.timedelta(days=7)
EVENTS_AHEAD = datetime.timedelta(days=7)
EVENT_LIMIT = 20
# Organisations need weeks to write an application: staff see the deadlines of four.
DEADLINES_AHEAD = datetime.timedelta(weeks=4)


@dataclass
class Waiting:
    """One kind of item: how many wait, since when the oldest waits, and where to handle it."""

    key: str
    title: Any
    count: int
    oldest: datetime.datetime | None
    url: str
    link_text: Any

    @property
    def age_days(self) -> int | None:
        return (timezone.now() - self.oldest).days if self.oldest else None


@dataclass
class StaffHome:
    waiting: list[Waiting]
    events: list[Event]
    event_count: int
    is_city_staff: bool
    districts: list[District]
    unstaffed_districts: list[District] = field(default_factory=list)
    funding_calls: list[FundingCall] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(item.count for item in self.waiting if item.key != "unconfirmed")


def _count_and_oldest(queryset: QuerySet[Any], date_field: str | Any) -> tuple[int, Any]:
    figures = queryset.order_by().aggregate(
        count=Count("pk", distinct=True), oldest=Min(date_field)
    )
    return figures["count"], figures["oldest"]


def _entries(user: User) -> list[Waiting]:
    review = reverse("organisations:review_queue")
    to_review = responsible_organisations(user).pending_review()
    unconfirmed = responsible_organisations(user).unconfirmed_since(timezone.now() - REMINDER_AFTER)
    return [
        Waiting(
            "review",
            _("Entries to review"),
            *_count_and_oldest(to_review, "submitted_at"),
            url=review,
            link_text=_("Review queue"),
        ),
        Waiting(
            "claims",
            _("Claims of entries"),
            *_count_and_oldest(open_claims(user), "created_at"),
            url=review + "#section-claims",
            link_text=_("Claims in the review queue"),
        ),
        Waiting(
            "reports",
            _("Problem reports"),
            *_count_and_oldest(open_problem_reports(user), "created_at"),
            url=review + "#section-reports",
            link_text=_("Reports in the review queue"),
        ),
        Waiting(
            "without_owner",
            _("Entries without owner"),
            *_count_and_oldest(entries_without_owner(user), "owner_left_at"),
            url=review + "#section-without_owner",
            link_text=_("Entries without owner in the review queue"),
        ),
        Waiting(
            "unconfirmed",
            _("Entries not confirmed for a year"),
            *_count_and_oldest(
                unconfirmed, Coalesce("last_confirmed_at", "published_at", "created_at")
            ),
            url=review + "#section-outdated",
            link_text=_("Entries that may be out of date"),
        ),
    ]


def _changes(user: User) -> Waiting:
    since = timezone.now() - RECENT_CHANGES
    count, oldest = 0, None
    for kind in ("organisation", "offer"):
        kind_count, kind_oldest = _count_and_oldest(
            live_changes(user, kind).filter(history_date__gte=since), "history_date"
        )
        count += kind_count
        oldest = min(filter(None, (oldest, kind_oldest)), default=None)
    return Waiting(
        "changes",
        _("Changes that went live this week"),
        count,
        oldest,
        url=reverse("organisations:change_log"),
        link_text=_("Change log"),
    )


def _networks(user: User) -> list[Waiting]:
    open_items = NetworkMembership.objects.open().filter(network__in=staff_curated_networks(user))
    requested = Q(status=NetworkMembership.Status.REQUESTED)
    invited = Q(status=NetworkMembership.Status.INVITED)
    figures = open_items.aggregate(
        requests=Count("pk", filter=requested),
        oldest_request=Min("created_at", filter=requested),
        invitations=Count("pk", filter=invited),
        oldest_invitation=Min("created_at", filter=invited),
    )
    curation = reverse("networks:curation")
    return [
        Waiting(
            "network_requests",
            _("Requests to join a network"),
            figures["requests"],
            figures["oldest_request"],
            url=curation,
            link_text=_("Networks you curate"),
        ),
        Waiting(
            "network_proposals",
            _("Networks proposed by organisations"),
            *_count_and_oldest(proposals_for_staff(user), "created_at"),
            url=reverse("networks:proposals"),
            link_text=_("Proposed networks"),
        ),
        Waiting(
            "network_invitations",
            _("Network invitations without an answer"),
            figures["invitations"],
            figures["oldest_invitation"],
            url=curation,
            link_text=_("Networks you curate"),
        ),
    ]


def _events_this_week(districts: QuerySet[District], city_wide: bool) -> EventQuerySet:
    """Published events running in the coming week: of the user's districts (organised or
    co-organised by the district, one of its networks or an organisation serving it); every one
    for city-wide staff."""
    now = timezone.now()
    events = Event.objects.published().filter(starts_at__lt=now + EVENTS_AHEAD, ends_at__gte=now)
    if not city_wide:
        co_organised = EventCoOrganiser.objects.filter(
            Q(district__in=districts)
            | Q(network__district__in=districts)
            | Q(organisation__districts__in=districts)
        )
        in_districts = Event.objects.filter(
            Q(organiser_district__in=districts)
            | Q(organiser_network__district__in=districts)
            | Q(organiser_organisation__districts__in=districts)
            | Q(pk__in=co_organised.values("event"))
        )
        events = events.filter(pk__in=in_districts.values("pk"))
    return events


def staff_home(user: User) -> StaffHome:
    city_wide = is_city_staff(user)
    districts = District.objects.filter(staff__user=user).order_by("name")
    events = _events_this_week(districts, city_wide)
    listed = list(
        events.with_organisers()
        .with_seat_counts()
        .annotate(
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
            )
        )
        .order_by("starts_at", "pk")[:EVENT_LIMIT]
    )
    entries = _entries(user)
    waiting = [entries[0], _changes(user), *entries[1:], *_networks(user)]
    return StaffHome(
        waiting=waiting,
        events=listed,
        event_count=len(listed) if len(listed) < EVENT_LIMIT else events.count(),
        is_city_staff=city_wide,
        districts=list(districts),
        unstaffed_districts=_unstaffed() if city_wide else [],
        funding_calls=_funding_deadlines(districts, city_wide),
    )


def _funding_deadlines(districts: QuerySet[District], city_wide: bool) -> list[FundingCall]:
    """Open calls whose deadline is within four weeks: of the user's districts (and their
    cities and networks); every one for city-wide staff."""
    calls = FundingCall.objects.open().deadline_before(timezone.localdate() + DEADLINES_AHEAD)
    if not city_wide:
        calls = calls.in_districts(districts)
    return list(calls.select_related("district", "city", "network").by_deadline()[:EVENT_LIMIT])


def _unstaffed() -> list[District]:
    """Districts without staff, each with the number of its entries waiting for review."""
    return list(
        districts_without_staff()
        .select_related("city")
        .annotate(
            pending=Count(
                "organisations",
                filter=Q(organisations__status=Organisation.Status.PENDING),
                distinct=True,
            )
        )
        .order_by("name")
    )
