"""Invariants the database keeps, and the querysets with domain names."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event, Registration
from tests.events.conftest import EventsCast
from tests.factories import EventFactory, OrganisationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_an_event_needs_exactly_one_organiser(events_cast: EventsCast) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(organiser_organisation=OrganisationFactory())  # a district as well
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(organiser_district=None)


def test_an_event_ends_after_it_starts() -> None:
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(starts_at=now, ends_at=now)


def test_only_network_events_can_be_members_only() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(visibility=Event.Visibility.MEMBERS)


def test_one_current_registration_per_email_and_event() -> None:
    event = EventFactory()
    RegistrationFactory(event=event, email="a@example.org", status="cancelled")
    RegistrationFactory(event=event, email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, email="a@example.org", status="waitlisted")


def test_seats_left_counts_confirmed_and_attended_seats() -> None:
    event = EventFactory(capacity=10)
    RegistrationFactory(event=event, seats=3)
    RegistrationFactory(event=event, status="attended")
    RegistrationFactory(event=event, status="waitlisted")
    RegistrationFactory(event=event, status="cancelled")
    assert event.seats_left() == 6
    assert Event.objects.with_seat_counts().get(pk=event.pk).seats_left() == 6


def test_upcoming_and_past() -> None:
    soon = EventFactory()
    gone = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=1))
    assert list(Event.objects.upcoming()) == [soon]
    assert list(Event.objects.past()) == [gone]


def test_open_for_signup_respects_the_window_and_status() -> None:
    open_event = EventFactory()
    EventFactory(signup_opens_at=timezone.now() + datetime.timedelta(days=1))
    EventFactory(status=Event.Status.CANCELLED)
    assert list(Event.objects.open_for_signup()) == [open_event]


def test_in_district_covers_networks_and_serving_organisations(events_cast: EventsCast) -> None:
    district = events_cast.cast.district
    assert set(Event.objects.in_district(district)) == {
        events_cast.district_event,
        events_cast.network_event,
        events_cast.organisation_event,
    }
    assert not Event.objects.in_district(events_cast.cast.other_district).exists()


def test_waitlist_position_follows_the_order_of_sign_up() -> None:
    event = EventFactory(capacity=0)
    first = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    second = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    assert (first.waitlist_position(), second.waitlist_position()) == (1, 2)
