"""The organisers' writes: create, change, publish, cancel, copy, delete an event, and write to
everyone signed up."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from events import emails
from events.models import Event, Registration
from events.services.seats import lock_event, promote_waiting, seats_taken, set_changed
from migra_hub.revisions import ChangedMeanwhile, differences
from migra_hub.slugs import reserved_path_segments, unique_slug
from networks.models import Network
from organisations.models import District, Language, Organisation

Organiser = District | Network | Organisation


@dataclass(frozen=True)
class EventData:
    """What an organiser writes about an event (everything but who organises it)."""

    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    kind: str = Event.Kind.ROUND_TABLE
    description: str = ""
    venue_name: str = ""
    venue_address: str = ""
    step_free: bool = False
    accessible_toilet: bool = False
    hearing_loop: bool = False
    accessibility_notes: str = ""
    online_link: str = ""
    childcare: bool = False
    capacity: int | None = None
    waiting_list: bool = True
    signup_opens_at: datetime.datetime | None = None
    signup_closes_at: datetime.datetime | None = None
    max_seats_per_signup: int = 1
    max_seats_per_organisation: int | None = None
    visibility: str = Event.Visibility.PUBLIC
    contact_email: str = ""
    original_language: str = settings.LANGUAGE_CODE
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    languages: tuple[Language, ...] = ()
    interpretation_languages: tuple[Language, ...] = ()

    @classmethod
    def of(cls, event: Event, **changes: Any) -> EventData:
        """The event's data as saved, with ``changes``."""
        values = {name: getattr(event, name) for name in cls.column_names() if name not in changes}
        for name in ("languages", "interpretation_languages"):
            if name not in changes:
                values[name] = tuple(getattr(event, name).all())
        return cls(**values, **changes)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> EventData:
        """From a form's cleaned data: the columns it has and the two language lists."""
        return cls(
            **{name: values[name] for name in cls.column_names() if name in values},
            languages=tuple(values.get("languages") or ()),
            interpretation_languages=tuple(values.get("interpretation_languages") or ()),
        )

    @classmethod
    def column_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name not in MANY_TO_MANY]

    def columns(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.column_names()}


MANY_TO_MANY = ("languages", "interpretation_languages")


class EventChanged(ChangedMeanwhile):
    """Someone else saved the event after the editor opened the form; nothing was saved."""

    current: Event

    def __init__(self, *, current: Event, data: EventData) -> None:
        super().__init__(
            _(
                "This event was changed by someone else since you opened it. Your "
                "changes are not saved yet: check what is saved now, then save again to "
                "keep yours."
            ),
            current=current,
            differences=differences(EventData.of(current), data),
        )


def _slug(title: str, starts_at: datetime.datetime) -> str:
    """``round-table-2025-03-14``: the date tells events of the same name apart."""
    return unique_slug(
        title,
        queryset=Event,
        max_length=Event._meta.get_field("slug").max_length or 120,
        fallback="event",
        suffix=f"-{timezone.localtime(starts_at):%Y-%m-%d}",
        reserved=reserved_path_segments(namespace="events"),
    )


def _save(event: Event, changed: list[str]) -> None:
    """Save the changed fields of a locked event as a new revision (edit forms opened on an
    older revision then know that they are out of date)."""
    event.revision += 1
    event.save(update_fields=[*changed, "revision", "updated_at"])


def _set_languages(event: Event, data: EventData) -> list[str]:
    changed = []
    for name in MANY_TO_MANY:
        wanted = {language.pk for language in getattr(data, name)}
        if {language.pk for language in getattr(event, name).all()} != wanted:
            getattr(event, name).set(wanted)
            changed.append(name)
    return changed


def event_create(*, data: EventData, organiser: Organiser, user: User | None) -> Event:
    """Save a new event (a draft until published)."""
    with transaction.atomic():
        event = Event(
            **data.columns(),
            organiser_district=organiser if isinstance(organiser, District) else None,
            organiser_network=organiser if isinstance(organiser, Network) else None,
            organiser_organisation=organiser if isinstance(organiser, Organisation) else None,
            slug=_slug(data.title, data.starts_at),
            created_by=user,
            status=Event.Status.DRAFT,
        )
        event.full_clean()
        event.save()
        _set_languages(event, data)
    return event


def _check_capacity(event: Event, capacity: int | None) -> None:
    taken = seats_taken(event)
    if capacity is not None and capacity < taken:
        message = ngettext(
            "%(taken)s seat is already taken; the event needs at least that many.",
            "%(taken)s seats are already taken; the event needs at least that many.",
            taken,
        ) % {"taken": taken}
        raise ValidationError({"capacity": [message]}, code="below_taken")


def event_check_update(*, event: Event, data: EventData, revision: int | None) -> None:
    """Raise the ValidationError ``event_update`` would raise for this change, as things are
    now (``event_update`` checks again under the lock)."""
    if revision is not None and revision != event.revision:
        raise EventChanged(current=event, data=data)
    _check_capacity(event, data.capacity)


def event_update(
    *, event: Event, data: EventData, revision: int | None = None
) -> list[Registration]:
    """Save the organiser's changes; more seats move people up from the waiting list.

    ``revision`` is the event's revision the editor's form was opened on: when the event has
    changed since, nothing is saved (EventChanged). Only changed fields are written, never
    the status: an edit cannot publish a cancelled event again."""
    with transaction.atomic():
        locked = lock_event(event)
        event_check_update(event=locked, data=data, revision=revision)
        changed = set_changed(locked, data.columns())
        changed_languages = _set_languages(locked, data)
        if changed or changed_languages:
            _save(locked, changed)
        return promote_waiting(locked, timezone.now())


# The steps of an event's status, as data like the transitions of entries and memberships: the
# states a step may start from and the state it leads to. Who may take them is one rule for both
# (the event's organiser: ``events.access.can_organise``), checked before the call.
STATUS_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (frozenset({Event.Status.DRAFT}), Event.Status.PUBLISHED),
    "cancel": (frozenset({Event.Status.DRAFT, Event.Status.PUBLISHED}), Event.Status.CANCELLED),
}


def can_take_step(event: Event, step: str) -> bool:
    starts_from, _leads_to = STATUS_STEPS[step]
    return event.status in starts_from


def _take_step(event: Event, step: str, *, stamp: str) -> None:
    """Move a locked event on by ``step`` and note when in its ``stamp`` field."""
    _starts_from, leads_to = STATUS_STEPS[step]
    event.status = leads_to
    setattr(event, stamp, timezone.now())
    _save(event, ["status", stamp])


def event_publish(*, event: Event) -> Event:
    """Publish a draft; a published event stays as it is, a cancelled one is refused."""
    with transaction.atomic():
        locked = lock_event(event)
        if locked.is_cancelled:
            raise ValidationError(
                {NON_FIELD_ERRORS: [_("A cancelled event cannot be published again.")]},
                code="cancelled",
            )
        if can_take_step(locked, "publish"):
            _take_step(locked, "publish", stamp="published_at")
    return locked


def event_cancel(*, event: Event, message: str = "") -> int:
    """Cancel the event and tell everyone signed up (confirmed and waiting). Returns how many."""
    with transaction.atomic():
        locked = lock_event(event)
        if not can_take_step(locked, "cancel"):
            return 0
        _take_step(locked, "cancel", stamp="cancelled_at")
        recipients = list(locked.registrations.current().not_anonymised())
        emails.send(recipients, "event_cancelled", message=message)
    return len(recipients)


def event_delete(*, event: Event) -> None:
    """Delete an event nobody is signed up for; one with sign-ups is cancelled instead, so
    that they are told."""
    with transaction.atomic():
        locked = lock_event(event)
        if locked.registrations.current().exists():
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: [
                        _(
                            "People are signed up for this event: cancel it instead, so that "
                            "they are told."
                        )
                    ]
                },
                code="has_registrations",
            )
        locked.delete()


def event_duplicate(*, event: Event, user: User) -> Event:
    """A draft copy of the event with the same details and no registrations."""
    title = str(_("Copy of %(title)s") % {"title": event.title})[:200]
    return event_create(
        data=EventData.of(event, title=title),
        organiser=event.organiser,
        user=user,
    )


def event_message_participants(
    *, event: Event, subject: str, body: str, include_waitlist: bool, sender: User
) -> int:
    """E-mail everyone confirmed (and, if asked, waiting). Returns the number of e-mails."""
    statuses = [Registration.Status.CONFIRMED, Registration.Status.ATTENDED]
    if include_waitlist:
        statuses.append(Registration.Status.WAITLISTED)
    recipients = list(event.registrations.not_anonymised().filter(status__in=statuses))
    emails.send(recipients, "message", subject=subject, message=body, sender=sender)
    return len(recipients)
