"""Who reviews an entry and how long a review usually takes, to tell the people who submit it.

The usual time is the median, over the last decisions on entries of the same reviewers, of the
time from a submission to the decision on it (published, changes asked for, rejected). With too
few decisions a figure would mislead, so there is none.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery

from organisations.models import District, DistrictStaff, Organisation, ReviewDecision

LAST_DECISIONS = 50
FEWEST_DECISIONS = 5

DECIDING_ACTIONS = (
    ReviewDecision.Action.PUBLISHED,
    ReviewDecision.Action.CHANGES_REQUESTED,
    ReviewDecision.Action.REJECTED,
)


@dataclass(frozen=True)
class ReviewExpectation:
    """``districts``: the district offices that review the entry; none: city-wide staff."""

    districts: list[District]
    typical: datetime.timedelta | None

    @property
    def city_wide(self) -> bool:
        return not self.districts

    @property
    def offices(self) -> str:
        """The reviewing district offices by name ("District office Pankow")."""
        return ", ".join(district.office_name for district in self.districts)

    @property
    def typical_days(self) -> int | None:
        """Whole days, rounded (a review within hours is "1 day")."""
        if self.typical is None:
            return None
        return max(1, round(self.typical / datetime.timedelta(days=1)))


def _same_reviewers(districts: list[District]) -> Q:
    """Decisions on entries reviewed by the same people: the same district offices, or (for
    city-wide staff) entries of which no district has staff."""
    if districts:
        return Q(organisation__in=Organisation.objects.filter(districts__in=districts).values("pk"))
    staffed = DistrictStaff.objects.filter(district__organisations=OuterRef("organisation_id"))
    return ~Q(Exists(staffed))


def typical_review_time(districts: list[District]) -> datetime.timedelta | None:
    submitted = (
        Organisation.history.filter(  # type: ignore[attr-defined]
            id=OuterRef("organisation_id"),
            status=Organisation.Status.PENDING,
            history_date__lte=OuterRef("decided_at"),
        )
        .order_by("-history_date")
        .values("submitted_at")[:1]
    )
    durations = [
        decided_at - submitted_at
        for decided_at, submitted_at in ReviewDecision.objects.filter(
            _same_reviewers(districts), action__in=DECIDING_ACTIONS
        )
        .annotate(submitted=Subquery(submitted))
        .filter(submitted__isnull=False)
        .order_by("-decided_at")
        .values_list("decided_at", "submitted")[:LAST_DECISIONS]
    ]
    if len(durations) < FEWEST_DECISIONS:
        return None
    return statistics.median(durations)


def review_expectation(organisation: Organisation) -> ReviewExpectation:
    districts = list(
        District.objects.filter(organisations=organisation, staff__isnull=False)
        .distinct()
        .order_by("name")
    )
    return ReviewExpectation(districts=districts, typical=typical_review_time(districts))
