"""Template helpers for the registration and review pages and the navigation."""

from __future__ import annotations

from typing import Any

from django import template

from organisations.access import is_district_staff
from organisations.review_queue import review_queue_count

register = template.Library()


@register.simple_tag
def manage_navigation(user: Any) -> dict[str, Any]:
    """What the navigation offers this person, computed on the server."""
    if not user.is_authenticated:
        return {"authenticated": False}
    is_staff = is_district_staff(user)
    return {
        "authenticated": True,
        "has_organisations": user.organisation_memberships.exists(),
        "is_staff": is_staff,
        "queue_count": review_queue_count(user) if is_staff else 0,
    }


@register.simple_tag
def manage_role(user: Any, organisation: Any) -> str | None:
    from organisations.access import role_in

    return role_in(user, organisation)


@register.simple_tag
def can_review(user: Any, organisation: Any) -> bool:
    from organisations.access import is_staff_for

    return is_staff_for(user, organisation)
