"""The cron commands: reminders once per person, purge after the retention period."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run(command: str, *args: str) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_send_event_reminders_reminds_once_per_person(settings) -> None:
    settings.EVENTS_REMINDER_DAYS_BEFORE = 3
    event = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=2))
    RegistrationFactory(event=event, email="a@example.org")
    assert "1 reminders sent" in run("send_event_reminders")
    assert "0 reminders sent" in run("send_event_reminders")
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert Registration.objects.get().reminder_sent_at is not None


def test_send_event_reminders_takes_the_days_as_an_option() -> None:
    event = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=5))
    RegistrationFactory(event=event)
    assert "0 reminders sent" in run("send_event_reminders", "--days", "2")
    assert "1 reminders sent" in run("send_event_reminders", "--days", "6")


def test_purge_registrations_defaults_to_ninety_days() -> None:
    old = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=91))
    young = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=80))
    RegistrationFactory(event=old, name="Old")
    RegistrationFactory(event=young, name="Young")
    assert "of 1 registrations" in run("purge_registrations")
    assert set(Registration.objects.values_list("name", flat=True)) == {"", "Young"}
    assert "of 1 registrations" in run("purge_registrations", "--days", "30")
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == 2
    assert Registration.objects.count() == 2
