"""iCalendar files: one per event, and subscribable feeds of many events.

Every text goes through ``_text``: RFC 5545 (3.3.11) wants line breaks as ``\\n`` and commas,
semicolons and backslashes escaped; the library does that for the properties it knows, but not
for extension properties like ``X-WR-CALNAME``, where a raw line break would end the line and
break the whole file. Long lines are folded at 75 octets by the library."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from events.models import Event


def host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "migra-hub.invalid"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{host()}"


def event_location(event: Event, *, private: bool = False) -> str:
    parts = [part for part in (event.venue_name, event.venue_address) if part]
    if parts:
        return ", ".join(parts)
    if event.online_link and private:
        return event.online_link
    return gettext("Online") if event.online_link else gettext("to be announced")


def text(value: str) -> Any:
    """A TEXT value with every kind of line break as one escaped newline."""
    from icalendar import vText

    return vText(str(value).replace("\r\n", "\n").replace("\r", "\n"))


def _utc(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(datetime.UTC)


def _component(event: Event, *, private: bool, stamp: datetime.datetime):  # type: ignore[no-untyped-def]
    from icalendar import Event as VEvent

    url = settings.SITE_URL + event.get_absolute_url()
    description = event.description
    if private and event.online_link:
        description = f"{description}\n\n{gettext('Online link')}: {event.online_link}".strip()
    description = f"{description}\n\n{url}".strip()

    component = VEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", _utc(stamp))
    component.add("dtstart", _utc(event.starts_at))
    component.add("dtend", _utc(event.ends_at))
    component.add("summary", text(event.title))
    component.add("location", text(event_location(event, private=private)))
    component.add("description", text(description))
    component.add("url", url)
    component.add("last-modified", _utc(event.updated_at))
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.contact_email:
        component.add(
            "organizer",
            f"mailto:{event.contact_email}",
            # One ORGANIZER per event (RFC 5545): its name names all organisers.
            parameters={"cn": " ".join(event.organiser_names.split())},
        )
    return component


def calendar_bytes(
    events: Iterable[Event], *, name: str, private: bool = False, method: str = "PUBLISH"
) -> bytes:
    """A VCALENDAR with one VEVENT per event. ``private`` adds the online link (participants)."""
    stamp = timezone.now()
    components = (_component(event, private=private, stamp=stamp) for event in events)
    return calendar_of(components, name=name, method=method)


def calendar_of(components: Iterable[Any], *, name: str, method: str = "PUBLISH") -> bytes:
    """A VCALENDAR named ``name`` around ready components (other apps' calendars use it too)."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", text(f"-//{settings.SITE_NAME}//{host()}//"))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", text(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for component in components:
        calendar.add_component(component)
    return calendar.to_ical()


def event_ics(event: Event, *, private: bool = False, language: str | None = None) -> bytes:
    with translation.override(language or translation.get_language()):
        return calendar_bytes([event], name=event.title, private=private)
