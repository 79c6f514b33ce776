"""Capacity under real concurrency: two gunicorn processes, 200 simultaneous sign-ups, 50 seats.

Every pass runs it: row locks are what keeps the seats right.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from bench.events_signup import fire_simultaneously, free_port, start_gunicorn, stop, wait_until_up
from events.models import Registration
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)

SIGN_UPS = 200
SEATS = 50


def test_simultaneous_sign_ups_never_overbook_and_the_rest_wait_in_order() -> None:
    event = EventFactory(capacity=SEATS, starts_at=timezone.now() + datetime.timedelta(days=3))
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    port = free_port()
    server = start_gunicorn(database_url, port, workers=2, threads=8, extra_env={"TESTING": "true"})
    try:
        wait_until_up(port, server)
        results = fire_simultaneously(port, event.slug, SIGN_UPS)
    finally:
        stop(server)

    assert [r.get_status for r in results] == [200] * SIGN_UPS
    assert [r.status for r in results] == [302] * SIGN_UPS, "every sign-up is answered"
    assert all(r.location.endswith(f"/events/{event.slug}/register/sent/") for r in results)

    registrations = list(event.registrations.order_by("created_at", "pk"))
    assert len(registrations) == SIGN_UPS, "no sign-up is lost"
    assert {r.email for r in registrations} == {r.email for r in results}
    statuses = [r.status for r in registrations]
    assert statuses == [Registration.Status.CONFIRMED] * SEATS + [
        Registration.Status.WAITLISTED
    ] * (SIGN_UPS - SEATS), "the first 50 are confirmed, the rest wait in the order they came"
    assert event.registrations.active().seat_total() == SEATS
    waiting = registrations[SEATS:]
    assert [r.waitlist_position() for r in (waiting[0], waiting[-1])] == [1, SIGN_UPS - SEATS]
    assert len({r.token for r in registrations}) == SIGN_UPS
