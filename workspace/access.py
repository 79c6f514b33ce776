"""Who may use the staff workspace: reviewers, i.e. district staff and city-wide staff. The
actor analysis: a district's own staff read their district's; city-wide staff every district of
their city, the whole city and the comparison of its districts.

Everybody else gets a 404, as on the review queue: the pages do not tell outsiders they exist,
and the analysis names entries that are not public (their gaps, their missing confirmations).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import AnyUser, is_city_staff, is_reviewer, staffed_districts
from organisations.models import City, District


def require_reviewer(user: AnyUser) -> None:
    if not is_reviewer(user):
        raise Http404


def analysable_districts(user: AnyUser) -> QuerySet[District]:
    """The districts whose analysis the user may read."""
    districts = District.objects.all() if is_city_staff(user) else staffed_districts(user)
    return districts.select_related("city").order_by("city__name", "name")


def analysable_cities(user: AnyUser) -> QuerySet[City]:
    """The cities whose whole analysis (and comparison of districts) the user may read.

    City-wide staff work for the city as a whole (the role names no city), so every city."""
    return City.objects.all() if is_city_staff(user) else City.objects.none()


def district_for_analysis(user: AnyUser, *, city: str, district: str) -> District:
    return get_object_or_404(analysable_districts(user), city__slug=city, slug=district)


def city_for_analysis(user: AnyUser, *, city: str) -> City:
    return get_object_or_404(analysable_cities(user), slug=city)


def require_analyst(user: AnyUser) -> None:
    """The list of analyses: 404 for anyone who may read none."""
    if not analysable_districts(user).exists() and not analysable_cities(user).exists():
        raise Http404
