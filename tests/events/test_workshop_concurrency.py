"""A workshop's seats under real concurrency: 30 people sign up for one workshop of ten seats at
the same instant, each in its own thread with its own database connection (PostgreSQL row locks
are what keeps the count right)."""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from events import services
from events.models import ProgrammePart, Registration
from events.services import SignupData
from tests.factories import EventFactory, ProgrammePartFactory

pytestmark = pytest.mark.django_db(transaction=True)

SIGN_UPS = 30
WORKSHOP_SEATS = 10


def test_thirty_simultaneous_sign_ups_for_one_workshop_fill_exactly_its_ten_seats() -> None:
    starts_at = timezone.now() + datetime.timedelta(days=7)
    event = EventFactory(
        title="Runder Tisch",
        capacity=100,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
    )
    ProgrammePartFactory(event=event, title="Podium", kind=ProgrammePart.Kind.PANEL)
    workshop, other = (
        ProgrammePartFactory(
            event=event,
            title=title,
            kind=ProgrammePart.Kind.WORKSHOP,
            capacity=WORKSHOP_SEATS,
            starts_at=starts_at + datetime.timedelta(hours=1),
            ends_at=starts_at + datetime.timedelta(hours=2),
        )
        for title in ("Workshop A", "Workshop B")
    )
    start = threading.Barrier(SIGN_UPS)

    def sign_up(index: int) -> str:
        start.wait()  # everyone at once
        translation.activate("en")  # each thread has its own language
        try:
            services.registration_create(
                event=event,
                data=SignupData(
                    name=f"Person {index}", email=f"person{index}@example.org", workshop=workshop
                ),
            )
        except ValidationError as error:
            return error.message_dict.get("workshop", ["?"])[0]
        finally:
            connection.close()
        return "ok"

    with ThreadPoolExecutor(max_workers=SIGN_UPS) as pool:
        answers = list(pool.map(sign_up, range(SIGN_UPS)))

    assert answers.count("ok") == WORKSHOP_SEATS
    refused = [answer for answer in answers if answer != "ok"]
    assert refused == ["This workshop is full. Please choose another one."] * (
        SIGN_UPS - WORKSHOP_SEATS
    )
    in_workshop = Registration.objects.filter(workshop=workshop)
    assert in_workshop.count() == WORKSHOP_SEATS
    assert all(r.status == Registration.Status.CONFIRMED for r in in_workshop)
    assert event.registrations.count() == WORKSHOP_SEATS, "a refused sign-up saves nothing"
    assert not other.registrations.exists()
    assert ProgrammePart.objects.with_seats_taken().get(pk=workshop.pk).is_full
