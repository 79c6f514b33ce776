"""What waits for a reviewer: only what belongs to their districts (or, for city-wide staff,
to no district with staff), oldest first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, IntegerField, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from accounts.models import User
from organisations.access import responsible_organisations
from organisations.models import (
    OUTDATED_AFTER,
    Offer,
    Organisation,
    OwnershipClaim,
    ProblemReport,
    ReviewDecision,
)
from organisations.services.common import logged_changes

# Each section shows at most this many; the count in the heading tells the full number.
SECTION_LIMIT = 50


def _asked_for_changes_before() -> Exists:
    return Exists(
        ReviewDecision.objects.filter(
            organisation=OuterRef("pk"),
            action__in=[
                ReviewDecision.Action.CHANGES_REQUESTED,
                ReviewDecision.Action.UNPUBLISHED,
            ],
        )
    )


def new_entries(user: User) -> QuerySet[Organisation]:
    return (
        responsible_organisations(user)
        .pending_review()
        .filter(~_asked_for_changes_before())
        .order_by("submitted_at", "pk")
    )


def resubmissions(user: User) -> QuerySet[Organisation]:
    return (
        responsible_organisations(user)
        .pending_review()
        .filter(_asked_for_changes_before())
        .order_by("submitted_at", "pk")
    )


def open_claims(user: User) -> QuerySet[OwnershipClaim]:
    return (
        OwnershipClaim.objects.pending()
        .filter(organisation__in=responsible_organisations(user))
        .select_related("organisation", "user")
        .order_by("created_at", "pk")
    )


def open_problem_reports(user: User) -> QuerySet[ProblemReport]:
    return (
        ProblemReport.objects.filter(
            resolved_at__isnull=True, organisation__in=responsible_organisations(user)
        )
        .select_related("organisation")
        .order_by("created_at", "pk")
    )


def entries_without_owner(user: User) -> QuerySet[Organisation]:
    return (
        responsible_organisations(user)
        .without_owner()
        .exclude(status=Organisation.Status.ARCHIVED)
        .order_by("owner_left_at", "pk")
    )


def outdated_entries(user: User) -> QuerySet[Organisation]:
    cutoff = timezone.now() - OUTDATED_AFTER
    return (
        responsible_organisations(user)
        .unconfirmed_since(cutoff)
        .order_by("last_confirmed_at", "published_at", "pk")
    )


def live_changes(user: User, kind: str) -> QuerySet[Any]:
    """Edits that went live at once on published entries (or their offers) of the user's
    districts: what staff look at afterwards in the change log. ``kind``: organisation, offer."""
    reachable = responsible_organisations(user).values("pk")
    if kind == "organisation":
        history = Organisation.history  # type: ignore[attr-defined]
        return history.filter(logged_changes(), id__in=reachable)
    history = Offer.history  # type: ignore[attr-defined]
    return history.filter(logged_changes(), organisation_id__in=reachable)


@dataclass
class Section:
    key: str
    items: list[object]
    count: int


def review_queue(user: User) -> list[Section]:
    sections = []
    for key, queryset in (
        ("new", new_entries(user).select_related("kind").prefetch_related("kind__translations")),
        (
            "resubmitted",
            resubmissions(user).select_related("kind").prefetch_related("kind__translations"),
        ),
        ("claims", open_claims(user)),
        ("reports", open_problem_reports(user)),
        ("without_owner", entries_without_owner(user)),
        ("outdated", outdated_entries(user)),
    ):
        items = list(queryset[:SECTION_LIMIT])
        count = len(items) if len(items) < SECTION_LIMIT else queryset.count()
        sections.append(Section(key=key, items=items, count=count))  # type: ignore[arg-type]
    return sections


class SubqueryCount(Subquery):
    """``(SELECT count(*) FROM (subquery))``: a count that can sit inside another query."""

    template = "(SELECT count(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


WaitingQuery = Callable[[User], QuerySet[Any]]

# What else waits for a reviewer in higher apps (networks: requests to join the networks they
# curate); they register it in ``AppConfig.ready`` so that the navigation's count includes it
# without this app knowing them.
more_waiting: dict[str, WaitingQuery] = {}


def register_waiting(key: str, query: WaitingQuery) -> None:
    more_waiting[key] = query


def review_queue_counts(user: User) -> dict[str, int]:
    """What waits for the reviewer, counted in one query (for the navigation)."""
    waiting = {
        "pending": responsible_organisations(user).pending_review(),
        "claims": open_claims(user),
        "reports": open_problem_reports(user),
        "without_owner": entries_without_owner(user),
        "outdated": outdated_entries(user),
        **{key: query(user) for key, query in more_waiting.items()},
    }
    return User.objects.filter(pk=user.pk).aggregate(
        **{key: Max(SubqueryCount(qs.order_by().values("pk"))) for key, qs in waiting.items()}
    )


def review_queue_count(user: User) -> int:
    """Everything waiting in the user's districts, for the navigation."""
    return sum(count or 0 for count in review_queue_counts(user).values())
