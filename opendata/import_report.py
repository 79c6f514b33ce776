"""The report of an import plan: the lines the commands print, and the rows and counts the web
page shows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from opendata.importing import Plan, Step

ACTION_WORDS = {
    "create": "create",
    "update": "update",
    "unchanged": "skip (unchanged)",
}


def describe(step: Step) -> list[str]:
    record = step.record
    indent = "  " if step.model == "offer" else ""
    if step.has_errors:
        head = f"{indent}{record.where}: {step.model} {record.label!r}: NOT IMPORTED"
    else:
        head = f"{indent}{record.where}: {ACTION_WORDS[step.action]} {step.model} {record.label!r}"
        if step.changes:
            head += f" ({', '.join(step.changes)})"
    lines = [head]
    lines += [f"{indent}    error: {message}" for message in record.errors]
    lines += [f"{indent}    warning: {message}" for message in record.warnings]
    return lines


def summary(plan: Plan, *, dry_run: bool) -> str:
    would = "would be " if dry_run else ""
    parts = []
    for model in ("organisation", "offer"):
        counts = {action: plan.count_of(model, action) for action in ACTION_WORDS}
        parts.append(
            f"{model}s {would}created: {counts['create']}, {would}updated: {counts['update']}, "
            f"skipped (unchanged): {counts['unchanged']}"
        )
    text = "Summary: " + "; ".join(parts) + f"; records with errors: {plan.error_count}."
    if dry_run:
        text += " Dry run: nothing was written."
    return text


@dataclass(frozen=True)
class ReportRow:
    """One record of the report as the page shows it."""

    where: str
    model: str  # organisation or offer
    label: str
    action: str  # create, update, unchanged or error
    changes: list[str]
    errors: list[str]
    warnings: list[str]


def report_rows(plan: Plan) -> list[ReportRow]:
    return [
        ReportRow(
            where=translated_place(step.record.where),
            model=step.model,
            label=step.record.label,
            action="error" if step.has_errors else step.action,
            changes=step.changes,
            errors=step.record.errors,
            warnings=step.record.warnings,
        )
        for step in plan.steps
    ]


def report_counts(plan: Plan) -> dict[str, int]:
    """How many organisations and offers each action touches, and the records with errors."""
    counts = {
        f"{model}_{action}": plan.count_of(model, action)
        for model in ("organisation", "offer")
        for action in ("create", "update", "unchanged")
    }
    counts["offer_changes"] = counts["offer_create"] + counts["offer_update"]
    counts["error"] = plan.error_count
    return counts


PLACE = re.compile(r"(line|row) (\d+)")


def translated_place(where: str) -> str:
    """A spreadsheet record's place in the page's language; a JSON path stays as it is."""
    match = PLACE.fullmatch(where)
    if match is None:
        return where
    if match[1] == "line":
        return _("line %(line)s") % {"line": match[2]}
    return _("row %(row)s") % {"row": match[2]}
