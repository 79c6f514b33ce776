import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_events_once_through_the_services() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Event.objects.count(), Registration.objects.count(), len(mail.outbox))
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (Event.objects.count(), Registration.objects.count(), len(mail.outbox))

    assert Event.objects.count() == 2 * len(Event.Kind)
    assert set(Event.objects.values_list("status", flat=True)) == {Event.Status.PUBLISHED}
    assert all(event.published_at and event.revision == 2 for event in Event.objects.all())
    workshop = Event.objects.upcoming().get(kind=Event.Kind.WORKSHOP)
    assert workshop.registrations.active().seat_total() == workshop.capacity == 4
    assert workshop.registrations.waitlisted().count() == 2
    past = Registration.objects.filter(event__ends_at__lt=timezone.now())
    assert set(past.values_list("status", flat=True)) == {"attended", "cancelled"}
    upcoming = Registration.objects.exclude(pk__in=past.values("pk"))
    confirmations = [m for m in mail.outbox if m.to[0].startswith("teilnahme")]
    assert len(confirmations) == upcoming.count(), "each upcoming sign-up was mailed"
