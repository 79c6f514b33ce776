"""Template helpers for the registration and review pages and the navigation."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from organisations.models import CityStaff, DistrictStaff, OrganisationMembership
from organisations.review_queue import review_queue_count

register = template.Library()


@register.simple_tag
def manage_navigation(user: Any) -> dict[str, Any]:
    """What the navigation offers this person, computed on the server."""
    if not user.is_authenticated:
        return {"authenticated": False}
    # One query for both roles, one more for the staff's queue: the same on every page.
    roles = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            member=Exists(OrganisationMembership.objects.filter(user=OuterRef("pk"))),
            district_staff=Exists(DistrictStaff.objects.filter(user=OuterRef("pk"))),
            city_staff=Exists(CityStaff.objects.filter(user=OuterRef("pk"))),
        )
        .values("member", "district_staff", "city_staff")
        .get()
    )
    reviewer = roles["district_staff"] or roles["city_staff"]
    return {
        "authenticated": True,
        "has_organisations": roles["member"],
        "is_staff": reviewer,
        "queue_count": review_queue_count(user) if reviewer else 0,
    }


@register.simple_tag
def manage_role(user: Any, organisation: Any) -> str | None:
    from organisations.access import role_in

    return role_in(user, organisation)


@register.simple_tag
def can_review(user: Any, organisation: Any) -> bool:
    from organisations.access import is_staff_for

    return is_staff_for(user, organisation)


@register.simple_tag
def review_expectation(organisation: Any) -> Any:
    """Who reviews the entry and how long it usually takes, for the people who submitted it."""
    from organisations.review_times import review_expectation as expectation

    return expectation(organisation)
