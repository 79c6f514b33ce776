"""Writes of the open-data layer: carrying out an import plan."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from opendata.importing import PROGRESS_EVERY, Plan, Step
from organisations.models import Offer, Organisation
from organisations.search import organisation_search_refresh
from organisations.services import organisation_slug


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
    import never publishes, unpublishes or revives an entry that staff have decided on.
    """
    if plan.error_count:
        raise ImportRefused(f"{plan.error_count} records have errors; nothing was written")
    total = len(plan.steps)
    for done, step in enumerate(plan.steps, start=1):
        if step.action == "create":
            if step.model == "organisation":
                step.target = organisation_create(step, status=status)
            else:
                step.target = offer_create(step)
        elif step.action == "update":
            apply_changes(step)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    # The directory finds entries through their search data: rebuild it for what changed.
    touched = {
        step.target.pk if isinstance(step.target, Organisation) else step.target.organisation_id
        for step in plan.steps
        if step.action in ("create", "update") and isinstance(step.target, Organisation | Offer)
    }
    if touched:
        organisation_search_refresh(organisation_ids=touched)


def organisation_create(step: Step, *, status: str) -> Organisation:
    record = step.record
    now = timezone.now()
    organisation = Organisation(
        **record.fields,
        external_id=record.external_id,
        slug=organisation_slug(record.fields["name"]),
        status=status,
        published_at=now if status == Organisation.Status.PUBLISHED else None,
    )
    if record.public_id is not None:
        organisation.uuid = record.public_id
    organisation.save()
    for name, objects in record.m2m.items():
        getattr(organisation, name).set(objects)
    return organisation


def offer_create(step: Step) -> Offer:
    assert step.parent is not None and step.parent.target is not None
    record = step.record
    offer = Offer(
        **record.fields,
        organisation=step.parent.target,  # type: ignore[misc]
        external_id=record.external_id,
    )
    if record.public_id is not None:
        offer.uuid = record.public_id
    offer.save()
    for name, objects in record.m2m.items():
        getattr(offer, name).set(objects)
    return offer


def apply_changes(step: Step) -> None:
    target = step.target
    assert target is not None
    record = step.record
    for name, value in record.fields.items():
        setattr(target, name, value)
    if record.external_id:
        target.external_id = record.external_id  # type: ignore[attr-defined]
    target.save()
    for name, objects in record.m2m.items():
        getattr(target, name).set(objects)
