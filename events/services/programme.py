"""The organisers' writes on an event's programme: its parts, their speakers, and the seats of
its workshops (a scarce thing, counted under the same locks as the event's seats)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import CURRENT_STATUSES, Event, ProgrammePart, Registration, Speaker
from events.services.seats import lock_event, set_changed
from organisations.models import Language, Organisation


@dataclass(frozen=True)
class PartData:
    """What an organiser writes about one part of the programme."""

    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    kind: str = ProgrammePart.Kind.PANEL
    room: str = ""
    description: str = ""
    capacity: int | None = None
    languages: tuple[Language, ...] = ()


@dataclass(frozen=True)
class SpeakerData:
    """What an organiser writes about a speaker (with the speaker's agreement)."""

    name: str
    role: str = ""
    organisation: Organisation | None = None
    organisation_name: str = ""
    pronouns: str = ""
    photo_consent: bool = False
    parts: tuple[ProgrammePart, ...] = ()


# --- Workshop seats (the event lock is held) ----------------------------------------------------


def workshop_seats_taken(workshop: ProgrammePart, *, exclude: Registration | None = None) -> int:
    """Seats of the sign-ups that chose the workshop and are not cancelled: people on the
    waiting list keep theirs, so that moving up never overfills a workshop."""
    taken = workshop.registrations.filter(status__in=CURRENT_STATUSES)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    return int(taken.aggregate(total=Coalesce(Sum("seats"), 0))["total"])


def lock_workshop(event: Event, workshop: ProgrammePart) -> ProgrammePart:
    """Re-read a workshop of the (locked) event with a row lock: always after the event's lock,
    so that two writers never wait for each other's second lock."""
    try:
        return ProgrammePart.objects.select_for_update().get(
            pk=workshop.pk, event=event, kind=ProgrammePart.Kind.WORKSHOP
        )
    except ProgrammePart.DoesNotExist:
        raise ValidationError(
            {"workshop": [_("This workshop is no longer part of the programme.")]},
            code="no_workshop",
        ) from None


def check_workshop_seats(
    event: Event,
    workshop: ProgrammePart | None,
    seats: int,
    *,
    exclude: Registration | None = None,
) -> None:
    """Refuse ``seats`` in a workshop that has fewer free (the event's lock is held)."""
    if workshop is None:
        return
    locked = lock_workshop(event, workshop)
    if locked.capacity is None:
        return
    free = max(locked.capacity - workshop_seats_taken(locked, exclude=exclude), 0)
    if seats > free:
        if free:
            message = ngettext(
                "Only %(free)s seat is free in this workshop. Please choose another one.",
                "Only %(free)s seats are free in this workshop. Please choose another one.",
                free,
            ) % {"free": free}
        else:
            message = str(_("This workshop is full. Please choose another one."))
        raise ValidationError({"workshop": [message]}, code="workshop_full")


# --- Parts ------------------------------------------------------------------------------------


def _check_part(event: Event, data: PartData) -> None:
    errors: dict[str, list[Any]] = {}
    if data.starts_at < event.starts_at or data.starts_at >= event.ends_at:
        errors["starts_at"] = [_("Please choose a time within the event.")]
    if data.ends_at > event.ends_at or data.ends_at <= event.starts_at:
        errors["ends_at"] = [_("Please choose a time within the event.")]
    if data.ends_at <= data.starts_at and "ends_at" not in errors:
        errors["ends_at"] = [_("The end must be after the start.")]
    if errors:
        raise ValidationError(errors, code="outside_the_event")


def _part_values(data: PartData) -> dict[str, object]:
    workshop = data.kind == ProgrammePart.Kind.WORKSHOP
    return {
        "title": data.title.strip(),
        "kind": data.kind,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "room": data.room.strip(),
        "description": data.description.strip(),
        "capacity": data.capacity if workshop else None,
    }


def programme_part_create(*, event: Event, data: PartData) -> ProgrammePart:
    with transaction.atomic():
        locked = lock_event(event)
        _check_part(locked, data)
        part = ProgrammePart.objects.create(event=locked, **_part_values(data))
        part.languages.set(data.languages)
    return part


def programme_part_update(*, part: ProgrammePart, data: PartData) -> ProgrammePart:
    """Change a part. A workshop people chose stays a workshop, with room for them."""
    with transaction.atomic():
        event = lock_event(part.event)
        current = ProgrammePart.objects.select_for_update().get(pk=part.pk, event=event)
        _check_part(event, data)
        values = _part_values(data)
        taken = workshop_seats_taken(current) if current.is_workshop else 0
        if taken and values["kind"] != ProgrammePart.Kind.WORKSHOP:
            raise ValidationError(
                {"kind": [_("People have chosen this workshop: it stays a workshop.")]},
                code="workshop_chosen",
            )
        capacity = values["capacity"]
        if isinstance(capacity, int) and capacity < taken:
            message = ngettext(
                "%(taken)s seat is taken already.", "%(taken)s seats are taken already.", taken
            ) % {"taken": taken}
            raise ValidationError({"capacity": [message]}, code="below_taken")
        changed = set_changed(current, values)
        if changed:
            current.save(update_fields=[*changed, "updated_at"])
        current.languages.set(data.languages)
    return current


def programme_part_delete(*, part: ProgrammePart) -> None:
    """Remove a part, unless people have chosen it as their workshop (they would lose it
    without being told)."""
    with transaction.atomic():
        event = lock_event(part.event)
        current = ProgrammePart.objects.select_for_update().get(pk=part.pk, event=event)
        chosen = current.registrations.filter(status__in=CURRENT_STATUSES).count()
        if chosen:
            message = ngettext(
                "%(count)s person has chosen this workshop, so it cannot be removed.",
                "%(count)s people have chosen this workshop, so it cannot be removed.",
                chosen,
            ) % {"count": chosen}
            raise ValidationError(message, code="workshop_chosen")
        # Cancelled sign-ups forget a workshop that no longer exists.
        current.registrations.update(workshop=None)
        current.delete()


# --- Speakers ---------------------------------------------------------------------------------


def _speaker_values(data: SpeakerData) -> dict[str, object]:
    return {
        "name": data.name.strip(),
        "role": data.role.strip(),
        "organisation": data.organisation,
        "organisation_name": "" if data.organisation else data.organisation_name.strip(),
        "pronouns": data.pronouns.strip(),
        "photo_consent": data.photo_consent,
    }


def _check_parts(event: Event, data: SpeakerData) -> None:
    if any(part.event_id != event.pk for part in data.parts):
        raise ValidationError({"parts": [_("Please choose parts of this event.")]})


def speaker_create(*, event: Event, data: SpeakerData) -> Speaker:
    _check_parts(event, data)
    with transaction.atomic():
        speaker = Speaker.objects.create(event=event, **_speaker_values(data))
        speaker.parts.set(data.parts)
    return speaker


def speaker_update(*, speaker: Speaker, data: SpeakerData) -> Speaker:
    _check_parts(speaker.event, data)
    with transaction.atomic():
        current = Speaker.objects.select_for_update().get(pk=speaker.pk)
        changed = set_changed(current, _speaker_values(data))
        if changed:
            current.save(update_fields=[*changed, "updated_at"])
        current.parts.set(data.parts)
    return current


def speaker_delete(*, speaker: Speaker) -> None:
    speaker.delete()
