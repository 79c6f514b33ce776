"""The calendars of deadlines are valid iCalendar, whatever a title holds."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from funding.models import FundingCall
from tests.factories import DistrictFactory, FundingCallFactory
from tests.funding.conftest import World

pytestmark = pytest.mark.django_db


def _events(content: bytes) -> list:
    calendar = Calendar.from_ical(content)
    assert not calendar.errors
    events = list(calendar.walk("VEVENT"))
    for event in events:
        assert not event.errors
        assert isinstance(event.decoded("dtstart"), datetime.date)
    return events


def test_the_feed_has_one_event_per_published_call(world: World, client) -> None:
    timed = FundingCallFactory(
        title="Mit Uhrzeit", district=world.cast.district, deadline_time=datetime.time(14, 30)
    )
    response = client.get(reverse("funding:feed"))
    assert response["Content-Type"].startswith("text/calendar")
    events = {str(event["summary"]): event for event in _events(response.content)}
    assert set(events) == {
        "Deadline: Kiezfonds Pankow",
        "Deadline: Sprachfonds im Netzwerk",
        "Deadline: Mit Uhrzeit",
    }
    all_day = events["Deadline: Kiezfonds Pankow"].decoded("dtstart")
    assert type(all_day) is datetime.date
    assert all_day == world.district_call.deadline_date
    at = events["Deadline: Mit Uhrzeit"].decoded("dtstart")
    assert isinstance(at, datetime.datetime)
    assert at == timed.deadline


def test_a_title_with_line_breaks_cannot_break_the_calendar(world: World, client) -> None:
    FundingCallFactory(
        title="Fonds\r\nEND:VCALENDAR\nX-EVIL:1",
        funder="Stiftung;\nMETHOD:CANCEL",
        district=world.cast.district,
    )
    content = client.get(reverse("funding:feed")).content
    lines = content.decode().splitlines()
    assert not any(line.startswith(("X-EVIL", "METHOD:CANCEL")) for line in lines)
    assert lines.count("END:VCALENDAR") == 1
    summaries = [str(event["summary"]) for event in _events(content)]
    assert "Deadline: Fonds\nEND:VCALENDAR\nX-EVIL:1" in summaries


def test_the_district_feed_has_the_district_its_city_and_its_networks(world: World, client) -> None:
    elsewhere = FundingCallFactory(title="Anderswo", district=DistrictFactory(name="Mitte"))
    city_wide = FundingCallFactory(
        title="Stadtweit",
        scope=FundingCall.Scope.CITY,
        district=None,
        city=world.cast.district.city,
    )
    district = world.cast.district
    content = client.get(
        reverse("funding:feed_district", args=[district.city.slug, district.slug])
    ).content
    summaries = {str(event["summary"]) for event in _events(content)}
    assert f"Deadline: {city_wide.title}" in summaries
    assert "Deadline: Kiezfonds Pankow" in summaries
    assert "Deadline: Sprachfonds im Netzwerk" in summaries
    assert f"Deadline: {elsewhere.title}" not in summaries
    assert "Deadline: Entwurf Pankow" not in summaries
