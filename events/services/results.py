"""What came out of an event: the organisers publish a summary once the event has ended."""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventResult, EventResultFile
from events.models.programme import RESULT_FOLDER
from events.services.seats import lock_event
from migra_hub import files


def event_results_publish(
    *, event: Event, summary: str, now: datetime.datetime | None = None
) -> EventResult:
    """Publish (or correct) the results of a published event that has ended."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_event(event)
        if not locked.is_published or locked.ends_at > now:
            raise ValidationError(
                {NON_FIELD_ERRORS: [_("Results can be published once the event has ended.")]},
                code="not_ended",
            )
        if not summary.strip():
            raise ValidationError({"summary": [_("Please write a summary.")]}, code="empty")
        result, _created = EventResult.objects.select_for_update().get_or_create(
            event=locked, defaults={"summary": summary.strip(), "published_at": now}
        )
        if not _created and result.summary != summary.strip():
            result.summary = summary.strip()
            result.save(update_fields=["summary", "updated_at"])
    return result


def event_result_file_add(
    *,
    event: Event,
    title: str,
    kind: str,
    upload: files.CheckedUpload,
    consent_confirmed: bool = False,
) -> EventResultFile:
    """Publish a document or photo with the event's results (published before). The file is
    stored first and removed again if the row cannot be written, so no file is left alone."""
    if kind == EventResultFile.Kind.PHOTO and not consent_confirmed:
        raise ValidationError(
            {
                "consent_confirmed": [
                    _("Photos only with the consent of everyone recognisable on them.")
                ]
            },
            code="no_consent",
        )
    stored_name = files.store(upload, folder=RESULT_FOLDER)
    try:
        with transaction.atomic():
            result = EventResult.objects.published().filter(event=event).first()
            if result is None:
                raise ValidationError(
                    {NON_FIELD_ERRORS: [_("Please publish the summary first.")]},
                    code="no_results",
                )
            return EventResultFile.objects.create(
                result=result,
                kind=kind,
                title=title.strip(),
                file=stored_name,
                filename=upload.name,
                content_type=upload.content_type,
                size=upload.size,
                consent_confirmed=consent_confirmed,
            )
    except BaseException:
        files.delete_stored(stored_name)
        raise


def event_result_file_remove(*, result_file: EventResultFile) -> None:
    """Take a file off the results; the stored file goes once the row is gone."""
    stored_name = result_file.file.name
    with transaction.atomic():
        result_file.delete()
        transaction.on_commit(lambda: files.delete_stored(stored_name))
