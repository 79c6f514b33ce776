"""The page numbers of ``templates/includes/_pagination.html``."""

from __future__ import annotations

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def elided_page_range(page: Page) -> list[int | str]:
    """1 2 … 7 8 [9] 10 11 … 40 41: the first, the last and the pages around the current one."""
    return list(page.paginator.get_elided_page_range(page.number))
