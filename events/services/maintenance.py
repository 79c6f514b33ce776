"""The events app's cron jobs: reminders before an event, deletion of personal data after."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from events import emails
from events.models import Event, Registration, new_token


def reminders_send(*, days: int, now: datetime.datetime | None = None) -> int:
    """Remind confirmed people of events that start within ``days`` days; once per person."""
    now = now or timezone.now()
    sent = 0
    events = Event.objects.filter(
        status=Event.Status.PUBLISHED,
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=days),
    )
    for event in events:
        with transaction.atomic():
            # skip_locked: two overlapping cron runs never remind the same person twice.
            due = list(
                event.registrations.filter(
                    status=Registration.Status.CONFIRMED,
                    reminder_sent_at__isnull=True,
                    anonymised_at__isnull=True,
                ).select_for_update(skip_locked=True)
            )
            for registration in due:
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at", "updated_at"])
            emails.send(due, "reminder")
            sent += len(due)
    return sent


def registrations_purge(*, days: int, now: datetime.datetime | None = None) -> int:
    """Delete the personal data of registrations for events that ended more than ``days`` days
    ago. Status, seats, and the kinds of needs stay, so counts remain for statistics."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    due = Registration.objects.filter(event__ends_at__lt=cutoff, anonymised_at__isnull=True)
    return registrations_anonymise(registrations=due, now=now)


@transaction.atomic
def registrations_anonymise(
    *, registrations: QuerySet[Registration], now: datetime.datetime | None = None
) -> int:
    """Delete the personal data of these registrations; status, seats and the kinds of needs
    stay for the organisers' counts."""
    now = now or timezone.now()
    ids = list(registrations.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
    for pk in ids:
        # A fresh random token each, so that old private links stop working.
        Registration.objects.filter(pk=pk).update(
            name="",
            email="",
            organisation_name="",
            childcare_ages="",
            accessibility_needs="",
            registered_by=None,
            token=new_token(),
            anonymised_at=now,
            updated_at=now,
        )
    return len(ids)


def default_reminder_days() -> int:
    return int(getattr(settings, "EVENTS_REMINDER_DAYS_BEFORE", 2))


def default_purge_days() -> int:
    return int(getattr(settings, "EVENTS_PURGE_AFTER_DAYS", 90))
