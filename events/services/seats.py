"""The seat rules every write of the events app shares.

Seats are scarce: every write that counts or moves seats runs in one transaction that holds a row
lock (``select_for_update``) on the event, so that concurrent sign-ups in several processes can
never take more seats than there are. The helpers here expect that lock to be held already."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import emails
from events.models import Event, Registration


class WhenShort(StrEnum):
    """What a person wants when they ask for more seats than are free (but some are)."""

    ASK = "ask"  # nothing is saved; they are offered the free seats or the waiting list
    TAKE_FREE = "take_free"  # take the free seats now (as many as they were offered)
    WAITLIST = "waitlist"  # the whole party waits for enough seats


class SeatsShort(ValidationError):
    """Fewer seats are free than asked for (and nobody waits): the person has to choose.

    ``free`` is the number free now, ``asked`` what they asked for, ``waiting_list`` whether
    they may wait instead. Nothing was saved."""

    def __init__(self, *, free: int, asked: int, waiting_list: bool) -> None:
        if free:
            message = ngettext(
                "Only %(free)s seat is free, you asked for %(asked)s.",
                "Only %(free)s seats are free, you asked for %(asked)s.",
                free,
            ) % {"free": free, "asked": asked}
        else:
            message = str(_("Meanwhile the free seats have been taken."))
        super().__init__({"seats": [message]}, code="not_enough_seats")
        self.free = free
        self.asked = asked
        self.waiting_list = waiting_list


def lock_event(event: Event) -> Event:
    """Re-read the event with a row lock held until the surrounding transaction ends."""
    return Event.objects.select_for_update().get(pk=event.pk)


def lock_registration(registration: Registration) -> tuple[Event, Registration]:
    """Lock the event first, then the registration: always in this order, so that two writers
    never wait for each other's second lock."""
    event = lock_event(registration.event)
    return event, Registration.objects.select_for_update().get(pk=registration.pk)


def set_changed(instance: models.Model, values: dict[str, Any]) -> list[str]:
    """Assign the values that differ from the (locked, freshly read) instance; the names of
    those fields, for ``save(update_fields=...)``: a write never touches what it did not
    change, so it cannot undo someone else's change to another field."""
    changed = []
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def seats_taken(event: Event) -> int:
    return event.registrations.active().seat_total()


def seats_free(event: Event) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - seats_taken(event), 0)


def _when(value: datetime.datetime | None) -> str:
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def signup_window_error(event: Event, now: datetime.datetime) -> ValidationError | None:
    """Why nobody may sign up now (draft, cancelled, not yet or no longer open), or None."""
    state = event.signup_state(now)
    if state == "open":
        return None
    message: str
    if state == "draft":
        message = str(_("This event is not open for sign-up."))
    elif state == "cancelled":
        message = str(_("This event has been cancelled. Sign-up is no longer possible."))
    elif state == "not_yet_open":
        message = _("Sign-up opens on %(date)s.") % {"date": _when(event.signup_opens_at)}
    else:
        message = _("Sign-up closed on %(date)s.") % {
            "date": _when(event.effective_signup_closes_at)
        }
    return ValidationError({NON_FIELD_ERRORS: [message]}, code=state)


def seats_decision(
    *,
    free: int | None,
    queue: bool,
    asked: int,
    waiting_list: bool,
    when_short: WhenShort = WhenShort.ASK,
    offered: int | None = None,
) -> tuple[str, int]:
    """The status and number of seats of a new sign-up: the rule, without the database.

    ``free`` is the number of free seats (None: no limit), ``queue`` whether anyone waits.
    Confirmed if the seats are free and nobody waits before. If fewer (but some) are free and
    nobody waits, the person chooses (``when_short``): they are asked first (SeatsShort), then
    take the free ones (exactly the ``offered`` number, which they saw) or wait with the whole
    party. If the free seats have changed since the offer, they are asked again. When nothing
    is free or others wait, the sign-up joins the waiting list (or is refused without one)."""
    if free is None or (asked <= free and not queue):
        return Registration.Status.CONFIRMED, asked
    available = 0 if queue else free  # first come, first served: nobody jumps the queue
    if when_short == WhenShort.TAKE_FREE:
        if offered is not None and 0 < offered <= available:
            return Registration.Status.CONFIRMED, offered
        if available or waiting_list:  # the seats changed since the offer: ask again
            raise SeatsShort(free=available, asked=asked, waiting_list=waiting_list)
    elif when_short == WhenShort.WAITLIST and waiting_list:
        return Registration.Status.WAITLISTED, asked
    elif available:
        raise SeatsShort(free=available, asked=asked, waiting_list=waiting_list)
    if waiting_list:
        return Registration.Status.WAITLISTED, asked
    raise ValidationError(
        {NON_FIELD_ERRORS: [_("This event is fully booked.")]}, code="fully_booked"
    )


def status_for(
    event: Event, seats: int, *, when_short: WhenShort = WhenShort.ASK, offered: int | None = None
) -> tuple[str, int]:
    """``seats_decision`` for the locked event as it is now."""
    return seats_decision(
        free=seats_free(event),
        queue=event.registrations.waitlisted().exists(),
        asked=seats,
        waiting_list=event.waiting_list,
        when_short=when_short,
        offered=offered,
    )


def promote_waiting(event: Event, now: datetime.datetime) -> list[Registration]:
    """Confirm people from the head of the waiting list while their seats fit (in order), and
    tell each of them."""
    promoted: list[Registration] = []
    if event.is_cancelled or event.ends_at < now:
        return promoted
    free = seats_free(event)
    for registration in event.registrations.waitlisted().select_for_update():
        if free is not None and registration.seats > free:
            break  # first come, first served: nobody jumps the queue
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        promoted.append(registration)
        if free is not None:
            free -= registration.seats
    emails.send(promoted, "promoted")
    return promoted
