"""The calendar of deadlines: one VEVENT per call, on the deadline's day (all day) or at its
time. Texts go through the events app's escaping (``events.ical``), so that a line break in a
title cannot end a line of the file or add a property of its own."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from events.ical import calendar_of, host, text
from funding.models import FundingCall


def call_uid(call: FundingCall) -> str:
    return f"funding-call-{call.pk}@{host()}"


def _component(call: FundingCall, stamp: datetime.datetime) -> Any:
    from icalendar import Event as VEvent

    url = settings.SITE_URL + call.get_absolute_url()
    component = VEvent()
    component.add("uid", call_uid(call))
    component.add("dtstamp", stamp.astimezone(datetime.UTC))
    if call.deadline_time is None:
        component.add("dtstart", call.deadline_date)
        component.add("dtend", call.deadline_date + datetime.timedelta(days=1))
    else:
        moment = call.deadline.astimezone(datetime.UTC)
        component.add("dtstart", moment)
        component.add("dtend", moment)
    summary = gettext("Deadline: %(title)s") % {"title": call.title}
    component.add("summary", text(summary))
    description = f"{call.funder}\n\n{call.eligibility}\n\n{call.url}\n{url}"
    component.add("description", text(description))
    component.add("url", url)
    component.add("last-modified", call.updated_at.astimezone(datetime.UTC))
    component.add("transp", "TRANSPARENT")
    return component


def deadlines_ics(calls: Iterable[FundingCall], *, name: str) -> bytes:
    stamp = timezone.now()
    return calendar_of((_component(call, stamp) for call in calls), name=name)
