"""Writes of the open-data layer: carrying out an import plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from opendata.importing import PROGRESS_EVERY, Plan, Step
from organisations.models import Offer, Organisation
from organisations.services import (
    OfferData,
    OrganisationData,
    offer_create,
    offer_update,
    organisation_create,
    organisation_update,
)


class ImportRefused(Exception):
    """The plan has errors: nothing is written."""


@transaction.atomic
def import_apply(
    *,
    plan: Plan,
    status: str,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Create and update what the plan says, all or nothing.

    New organisations get ``status`` (draft or published); existing ones keep theirs, so an
    import never publishes, unpublishes or revives an entry that staff have decided on. Every
    change goes through the same services as an edit on the site: one version in the history
    (with the reason "import"), and the directory's search data refreshed.
    """
    if plan.error_count:
        raise ImportRefused(f"{plan.error_count} records have errors; nothing was written")
    total = len(plan.steps)
    for done, step in enumerate(plan.steps, start=1):
        if step.action == "create":
            if step.model == "organisation":
                step.target = _organisation_create(step, status=status)
            else:
                step.target = _offer_create(step)
        elif step.action == "update":
            _apply_changes(step)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)


def _values(step: Step) -> dict[str, Any]:
    record = step.record
    values: dict[str, Any] = {**record.fields, **record.m2m}
    if record.external_id:
        values["external_id"] = record.external_id
    return values


def _organisation_create(step: Step, *, status: str) -> Organisation:
    return organisation_create(
        data=OrganisationData(**_values(step)),
        user=None,
        status=status,
        imported=True,
        public_id=step.record.public_id,
    )


def _offer_create(step: Step) -> Offer:
    assert step.parent is not None and isinstance(step.parent.target, Organisation)
    return offer_create(
        organisation=step.parent.target,
        data=OfferData(**_values(step)),
        user=None,
        imported=True,
        public_id=step.record.public_id,
    )


def _apply_changes(step: Step) -> None:
    """Only the fields the file gives; a change to a published entry shows in the staff's
    change log (as imported) and can be reverted there."""
    if isinstance(step.target, Organisation):
        step.target = organisation_update(
            organisation=step.target,
            data=OrganisationData(**_values(step)),
            user=None,
            imported=True,
        )
    elif isinstance(step.target, Offer):
        step.target = offer_update(
            offer=step.target, data=OfferData(**_values(step)), user=None, imported=True
        )
