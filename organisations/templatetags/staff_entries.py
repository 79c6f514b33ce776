"""Template helpers for staff's pages about entries: what a merge moved, by kind of row."""

from __future__ import annotations

from typing import Any

from django import template

from organisations.models import OrganisationMerge
from organisations.services import merge_labels

register = template.Library()


@register.simple_tag
def merge_summary(record: OrganisationMerge) -> list[dict[str, Any]]:
    """Each kind of row that moved or was dropped: its name, how many, and their ids."""
    labels = merge_labels()
    rows = []
    for key in [*record.moved, *(key for key in record.dropped if key not in record.moved)]:
        moved, dropped = record.moved.get(key, []), record.dropped.get(key, [])
        rows.append(
            {
                "label": labels.get(key, key),
                "moved": len(moved),
                "moved_ids": ", ".join(str(pk) for pk in moved),
                "dropped": len(dropped),
                "dropped_ids": ", ".join(str(pk) for pk in dropped),
            }
        )
    return rows
