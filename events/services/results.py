"""What came out of an event: the organisers publish a summary once the event has ended."""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventResult
from events.services.seats import lock_event


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
