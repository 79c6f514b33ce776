"""How a version's reason reads in a history: an import names its file."""

from __future__ import annotations

from django import template

from organisations.services.common import import_source

register = template.Library()


@register.filter
def imported_from(reason: str | None) -> str | None:
    """The file a version was imported from ("" when unnamed), or None for other versions."""
    return import_source(reason)
