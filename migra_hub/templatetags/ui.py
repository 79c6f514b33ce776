"""Template helpers of the design system's components (see "Design system" in README.md)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

# Fields of a filter form that change the order or the page, not which results are shown.
NOT_FILTERS = frozenset({"sort", "ordering", "page"})


@register.simple_tag
def active_filter_count(filterset: Any) -> int:
    """How many filters of a bound django-filter FilterSet are set (for "Filter (n active)")."""
    form = filterset.form
    if not form.is_bound:
        return 0
    values = form.cleaned_data if form.is_valid() else form.data
    return sum(
        1
        for name in form.fields
        if name not in NOT_FILTERS and values.get(name) not in (None, "", False, [], ())
    )
