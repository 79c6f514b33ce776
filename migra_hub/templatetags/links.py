"""Lists of links typed by people, shown only as far as they are safe links
(``migra_hub.links``)."""

from __future__ import annotations

from django import template

from migra_hub import links

register = template.Library()


@register.filter
def safe_links(value: str) -> list[str]:
    return links.safe_links(value or "")
