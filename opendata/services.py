"""Writes of the open-data layer: carrying out an import plan."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from opendata.importing import PROGRESS_EVERY, Plan, Step
from opendata.models import ImportUpload
from opendata.uploads import content_hash, plan_fingerprint, upload_plan
from organisations.models import District, Offer, Organisation
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
    source: str = "",
) -> None:
    """Create and update what the plan says, all or nothing.

    New organisations get ``status`` (draft or published); existing ones keep theirs, so an
    import never publishes, unpublishes or revives an entry that staff have decided on. Every
    change goes through the same services as an edit on the site: one version in the history
    (with the reason "import", followed by ``source``, the file's name, where given), and the
    directory's search data refreshed.
    """
    if plan.error_count:
        raise ImportRefused(f"{plan.error_count} records have errors; nothing was written")
    total = len(plan.steps)
    for done, step in enumerate(plan.steps, start=1):
        if step.action == "create":
            if step.model == "organisation":
                step.target = _organisation_create(step, status=status, source=source)
            else:
                step.target = _offer_create(step, source=source)
        elif step.action == "update":
            _apply_changes(step, source=source)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)


def _values(step: Step) -> dict[str, Any]:
    record = step.record
    values: dict[str, Any] = {**record.fields, **record.m2m}
    if record.external_id:
        values["external_id"] = record.external_id
    return values


def _organisation_create(step: Step, *, status: str, source: str) -> Organisation:
    return organisation_create(
        data=OrganisationData(**_values(step)),
        user=None,
        status=status,
        imported=True,
        import_source=source,
        public_id=step.record.public_id,
    )


def _offer_create(step: Step, *, source: str) -> Offer:
    assert step.parent is not None and isinstance(step.parent.target, Organisation)
    return offer_create(
        organisation=step.parent.target,
        data=OfferData(**_values(step)),
        user=None,
        imported=True,
        import_source=source,
        public_id=step.record.public_id,
    )


def _apply_changes(step: Step, *, source: str) -> None:
    """Only the fields the file gives; a change to a published entry shows in the staff's
    change log (as imported) and can be reverted there."""
    if isinstance(step.target, Organisation):
        step.target = organisation_update(
            organisation=step.target,
            data=OrganisationData(**_values(step)),
            user=None,
            imported=True,
            import_source=source,
        )
    elif isinstance(step.target, Offer):
        step.target = offer_update(
            offer=step.target,
            data=OfferData(**_values(step)),
            user=None,
            imported=True,
            import_source=source,
        )


# --- Imports on the web ------------------------------------------------------------------------


class ImportChanged(Exception):
    """The report the person confirmed is not what the import would do now (the directory
    changed meanwhile, or the upload was imported already); nothing was written."""


@transaction.atomic
def import_upload_create(
    *,
    user: User,
    file_name: str,
    content: bytes,
    file_format: str,
    district: District | None,
    status: str,
) -> ImportUpload:
    """Keep an uploaded file until it is confirmed; uploads nobody confirmed go after
    ``IMPORT_UPLOAD_HOURS``."""
    now = timezone.now()
    ImportUpload.objects.filter(expires_at__lte=now).delete()
    return ImportUpload.objects.create(
        uploaded_by=user,
        file_name=PurePath(file_name).name[:200],
        format=file_format,
        content=content,
        sha256=content_hash(content),
        district=district,
        status=status,
        expires_at=now + timedelta(hours=settings.IMPORT_UPLOAD_HOURS),
    )


@transaction.atomic
def import_upload_confirm(
    *, upload: ImportUpload, fingerprint: str, districts: Iterable[District] | None
) -> Plan:
    """Import the upload in one transaction, if the file is still the one uploaded and its
    plan (read again now, within ``districts``) is the one the person confirmed."""
    locked = ImportUpload.objects.select_for_update().filter(pk=upload.pk).first()
    if locked is None:
        raise ImportChanged("the upload was imported or deleted meanwhile")
    content = bytes(locked.content)
    if content_hash(content) != locked.sha256:
        raise ImportChanged("the stored file is not the one uploaded")
    plan = upload_plan(locked, districts=districts)
    if plan_fingerprint(plan) != fingerprint:
        raise ImportChanged("the import would now do something other than the report said")
    import_apply(plan=plan, status=locked.status, source=locked.file_name)
    locked.delete()
    return plan
