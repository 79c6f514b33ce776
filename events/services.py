"""Writes of the events app. Seats are scarce: every write that counts or moves seats runs in one
transaction that holds a row lock (``select_for_update``) on the event, so that concurrent
sign-ups in several processes can never take more seats than there are."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from events import emails
from events.models import Event, Registration, new_token
from organisations.models import Language, Organisation


@dataclass
class SignupData:
    """What a person enters to sign up (or what an organisation enters per delegate)."""

    name: str
    email: str
    seats: int = 1
    organisation: Organisation | None = None
    organisation_name: str = ""
    interpretation_language: Language | None = None
    childcare_children: int = 0
    childcare_ages: str = ""
    needs_step_free: bool = False
    accessibility_needs: str = ""


@dataclass
class NeedsData:
    """What a registered person may change later through their private link."""

    seats: int
    interpretation_language: Language | None = None
    childcare_children: int = 0
    childcare_ages: str = ""
    needs_step_free: bool = False
    accessibility_needs: str = ""


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


class DelegateRejected(ValidationError):
    """A sign-up of several delegates failed at one of them (``index``); nothing was saved."""

    def __init__(self, index: int, error: ValidationError) -> None:
        super().__init__(error.error_dict if hasattr(error, "error_dict") else error.error_list)
        self.index = index


@dataclass
class Totals:
    """Sums over a list of registrations for the organisers' overview."""

    confirmed_seats: int = 0
    waitlisted_seats: int = 0
    attended_seats: int = 0
    cancelled: int = 0
    interpretation: dict[str, int] = field(default_factory=dict)
    childcare_children: int = 0
    childcare_registrations: int = 0
    step_free: int = 0
    other_accessibility: int = 0


# --- Helpers that must run inside the event lock ----------------------------------------------


def _lock(event: Event) -> Event:
    """Re-read the event with a row lock held until the surrounding transaction ends."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _taken(event: Event) -> int:
    return event.registrations.active().seat_total()


def _free(event: Event) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - _taken(event), 0)


def _window_error(event: Event, now: datetime.datetime) -> ValidationError | None:
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


def _when(value: datetime.datetime | None) -> str:
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _check_signup(
    event: Event,
    data: SignupData,
    *,
    extra_seats_for_organisation: int = 0,
    exclude: Registration | None = None,
) -> None:
    """Raise ValidationError (keyed by form field) for a sign-up that may not be saved."""
    if data.seats < 1:
        raise ValidationError({"seats": [_("Please ask for at least one seat.")]})
    if data.seats > event.max_seats_per_signup:
        most = event.max_seats_per_signup
        raise ValidationError(
            {
                "seats": [
                    ngettext(
                        "At most %(max)s seat per sign-up.",
                        "At most %(max)s seats per sign-up.",
                        most,
                    )
                    % {"max": most}
                ]
            },
            code="too_many_seats",
        )
    duplicates = event.registrations.current().not_anonymised().filter(email__iexact=data.email)
    if exclude is not None:
        duplicates = duplicates.exclude(pk=exclude.pk)
    if duplicates.exists():
        raise ValidationError(
            {
                "email": [
                    _(
                        "This e-mail address is already signed up for this event. Use the link "
                        "in your confirmation e-mail to change or cancel your sign-up."
                    )
                ]
            },
            code="duplicate",
        )
    if data.organisation is not None and event.max_seats_per_organisation is not None:
        used = event.registrations.current().filter(organisation=data.organisation)
        if exclude is not None:
            used = used.exclude(pk=exclude.pk)
        left = event.max_seats_per_organisation - used.seat_total() - extra_seats_for_organisation
        if data.seats > left:
            raise ValidationError(
                {
                    "seats": [
                        ngettext(
                            "Each organisation may take at most %(max)s seat; "
                            "%(left)s are left for %(organisation)s.",
                            "Each organisation may take at most %(max)s seats; "
                            "%(left)s are left for %(organisation)s.",
                            event.max_seats_per_organisation,
                        )
                        % {
                            "max": event.max_seats_per_organisation,
                            "left": max(left, 0),
                            "organisation": data.organisation,
                        }
                    ]
                },
                code="organisation_limit",
            )


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


def _status_for(
    event: Event, seats: int, *, when_short: WhenShort = WhenShort.ASK, offered: int | None = None
) -> tuple[str, int]:
    return seats_decision(
        free=_free(event),
        queue=event.registrations.waitlisted().exists(),
        asked=seats,
        waiting_list=event.waiting_list,
        when_short=when_short,
        offered=offered,
    )


def _promote(event: Event, now: datetime.datetime) -> list[Registration]:
    """Confirm people from the head of the waiting list while their seats fit (in order)."""
    promoted: list[Registration] = []
    if event.is_cancelled or event.ends_at < now:
        return promoted
    free = _free(event)
    for registration in event.registrations.waitlisted().select_for_update():
        if free is not None and registration.seats > free:
            break  # first come, first served: nobody jumps the queue
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        promoted.append(registration)
        if free is not None:
            free -= registration.seats
    for registration in promoted:
        emails.on_commit_send(registration, "promoted")
    return promoted


def _new_registration(
    event: Event,
    data: SignupData,
    *,
    status: str,
    user: User | None,
    language: str,
    now: datetime.datetime,
) -> Registration:
    registration = Registration(
        event=event,
        name=data.name.strip(),
        email=data.email.strip(),
        organisation=data.organisation,
        organisation_name="" if data.organisation else data.organisation_name.strip(),
        seats=data.seats,
        interpretation_language=data.interpretation_language,
        childcare_children=data.childcare_children if event.childcare else 0,
        childcare_ages=data.childcare_ages if event.childcare else "",
        needs_step_free=data.needs_step_free,
        accessibility_needs=data.accessibility_needs.strip(),
        consent_at=now,
        status=status,
        language=language,
        registered_by=user if user is not None and user.is_authenticated else None,
        created_at=now,
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # The unique constraint is the last guard; the check above should already have caught it.
        raise ValidationError(
            {"email": [_("This e-mail address is already signed up for this event.")]},
            code="duplicate",
        ) from None
    return registration


# --- Sign-up, change, cancel ------------------------------------------------------------------


def registration_create(
    *,
    event: Event,
    data: SignupData,
    user: User | None = None,
    language: str = "de",
    when_short: WhenShort = WhenShort.ASK,
    offered: int | None = None,
) -> Registration:
    """Sign one person (with ``data.seats`` seats) up: confirmed, waiting list or rejected.

    Raises SeatsShort when fewer seats are free than asked for; the person then answers with
    ``when_short`` (and ``offered``, the free seats they were shown), see ``seats_decision``."""
    with transaction.atomic():
        locked = _lock(event)
        now = timezone.now()
        if error := _window_error(locked, now):
            raise error
        _check_signup(locked, data)
        status, data.seats = _status_for(locked, data.seats, when_short=when_short, offered=offered)
        registration = _new_registration(
            locked, data, status=status, user=user, language=language, now=now
        )
        emails.on_commit_send(registration, "created")
    return registration


def delegates_register(
    *,
    event: Event,
    organisation: Organisation,
    delegates: list[SignupData],
    user: User,
    language: str = "de",
) -> list[Registration]:
    """Sign several delegates of one organisation up in one go: all of them or none."""
    created: list[Registration] = []
    with transaction.atomic():
        locked = _lock(event)
        now = timezone.now()
        if error := _window_error(locked, now):
            raise error
        seen: set[str] = set()
        for index, delegate in enumerate(delegates):
            delegate.organisation = organisation
            delegate.seats = 1
            try:
                if delegate.email.lower() in seen:
                    raise ValidationError(
                        {"email": [_("Each delegate needs their own e-mail address.")]},
                        code="duplicate",
                    )
                seen.add(delegate.email.lower())
                _check_signup(locked, delegate)
                status, _seats = _status_for(locked, delegate.seats)
                created.append(
                    _new_registration(
                        locked, delegate, status=status, user=user, language=language, now=now
                    )
                )
            except ValidationError as error:
                raise DelegateRejected(index, error) from None
        for registration in created:
            emails.on_commit_send(registration, "created")
    return created


def registration_update(*, registration: Registration, data: NeedsData) -> Registration:
    """Change seats and needs. More seats only if they are free (or it stays on the list)."""
    with transaction.atomic():
        event = _lock(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.is_cancelled or event.is_cancelled or event.has_started:
            raise ValidationError(
                {NON_FIELD_ERRORS: [_("This sign-up can no longer be changed.")]}, code="closed"
            )
        _check_signup(
            event,
            SignupData(
                name=current.name,
                email=current.email,
                seats=data.seats,
                organisation=current.organisation,
            ),
            exclude=current,
        )
        if current.is_confirmed and data.seats > current.seats:
            # People waiting for seats come first: no extra seats while anyone waits.
            free = 0 if event.registrations.waitlisted().exists() else _free(event)
            if free is not None and data.seats - current.seats > free:
                raise ValidationError(
                    {
                        "seats": [
                            ngettext(
                                "Only %(free)s more seat is free; you have %(seats)s.",
                                "Only %(free)s more seats are free; you have %(seats)s.",
                                free,
                            )
                            % {"free": free, "seats": current.seats}
                        ]
                    },
                    code="not_enough_seats",
                )
        current.seats = data.seats
        current.interpretation_language = data.interpretation_language
        current.childcare_children = data.childcare_children if event.childcare else 0
        current.childcare_ages = data.childcare_ages if event.childcare else ""
        current.needs_step_free = data.needs_step_free
        current.accessibility_needs = data.accessibility_needs.strip()
        current.save()
        _promote(event, timezone.now())
    current.refresh_from_db()
    return current


def registration_cancel(*, registration: Registration, notify: bool = True) -> Registration:
    """Cancel a sign-up; freed seats go to the waiting list at once.

    ``notify=False`` when the person is deleting their account: no mail to an address that is
    about to be erased."""
    with transaction.atomic():
        event = _lock(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.is_cancelled:
            return current
        current.status = Registration.Status.CANCELLED
        current.save(update_fields=["status", "updated_at"])
        if notify:
            emails.on_commit_send(current, "cancelled")
        _promote(event, timezone.now())
    return current


def registration_check_in(*, registration: Registration, attended: bool) -> Registration:
    """Mark a confirmed person as arrived (or undo it). Seats do not change."""
    with transaction.atomic():
        _lock(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if attended and current.status == Registration.Status.CONFIRMED:
            current.status = Registration.Status.ATTENDED
            current.checked_in_at = timezone.now()
        elif not attended and current.status == Registration.Status.ATTENDED:
            current.status = Registration.Status.CONFIRMED
            current.checked_in_at = None
        current.save(update_fields=["status", "checked_in_at", "updated_at"])
    return current


# --- Organisers -------------------------------------------------------------------------------


def unique_slug(title: str, starts_at: datetime.datetime) -> str:
    base = f"{slugify(title)[:80] or 'event'}-{timezone.localtime(starts_at):%Y-%m-%d}"
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def event_create(
    *, event: Event, languages: list[Language], interpretation: list[Language], user: User
) -> Event:
    """Save a new event (a draft until published) built by the organiser's form."""
    with transaction.atomic():
        event.slug = unique_slug(event.title, event.starts_at)
        event.created_by = user
        event.status = Event.Status.DRAFT
        event.full_clean(exclude=["slug"])
        event.save()
        event.languages.set(languages)
        event.interpretation_languages.set(interpretation)
    return event


def event_update(
    *, event: Event, languages: list[Language], interpretation: list[Language]
) -> list[Registration]:
    """Save the organiser's changes; more seats move people up from the waiting list."""
    with transaction.atomic():
        locked = _lock(event)
        taken = _taken(locked)
        if event.capacity is not None and event.capacity < taken:
            raise ValidationError(
                {
                    "capacity": [
                        ngettext(
                            "%(taken)s seat is already taken; the event needs at least that many.",
                            "%(taken)s seats are already taken; "
                            "the event needs at least that many.",
                            taken,
                        )
                        % {"taken": taken}
                    ]
                },
                code="below_taken",
            )
        event.save()
        event.languages.set(languages)
        event.interpretation_languages.set(interpretation)
        return _promote(event, timezone.now())


def event_publish(*, event: Event) -> Event:
    with transaction.atomic():
        locked = _lock(event)
        if locked.is_draft:
            locked.status = Event.Status.PUBLISHED
            locked.published_at = timezone.now()
            locked.save(update_fields=["status", "published_at", "updated_at"])
    return locked


def event_cancel(*, event: Event, message: str = "") -> int:
    """Cancel the event and tell everyone signed up (confirmed and waiting). Returns how many."""
    with transaction.atomic():
        locked = _lock(event)
        if locked.is_cancelled:
            return 0
        locked.status = Event.Status.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancelled_at", "updated_at"])
        recipients = list(locked.registrations.current().not_anonymised())
        emails.on_commit_send_many(recipients, "event_cancelled", message=message)
    return len(recipients)


def event_duplicate(*, event: Event, user: User) -> Event:
    """A draft copy of the event with the same details and no registrations."""
    with transaction.atomic():
        copy = Event.objects.get(pk=event.pk)
        languages = list(event.languages.all())
        interpretation = list(event.interpretation_languages.all())
        copy.pk = None
        copy._state.adding = True
        copy.title = str(_("Copy of %(title)s") % {"title": event.title})[:200]
        copy.slug = unique_slug(copy.title, copy.starts_at)
        copy.status = Event.Status.DRAFT
        copy.published_at = None
        copy.cancelled_at = None
        copy.created_by = user
        copy.save()
        copy.languages.set(languages)
        copy.interpretation_languages.set(interpretation)
    return copy


def event_message_participants(
    *, event: Event, subject: str, body: str, include_waitlist: bool, sender: User
) -> int:
    """E-mail everyone confirmed (and, if asked, waiting). Returns the number of e-mails."""
    statuses = [Registration.Status.CONFIRMED, Registration.Status.ATTENDED]
    if include_waitlist:
        statuses.append(Registration.Status.WAITLISTED)
    recipients = list(event.registrations.not_anonymised().filter(status__in=statuses))
    with transaction.atomic():
        emails.on_commit_send_many(
            recipients, "message", subject=subject, message=body, sender=sender
        )
    return len(recipients)


def registration_totals(registrations: list[Registration]) -> Totals:
    totals = Totals()
    for registration in registrations:
        if registration.status == Registration.Status.CANCELLED:
            totals.cancelled += 1
            continue
        if registration.status == Registration.Status.WAITLISTED:
            totals.waitlisted_seats += registration.seats
            continue
        totals.confirmed_seats += registration.seats
        if registration.status == Registration.Status.ATTENDED:
            totals.attended_seats += registration.seats
        if registration.interpretation_language_id:
            name = registration.interpretation_language.name  # type: ignore[union-attr]
            totals.interpretation[name] = totals.interpretation.get(name, 0) + registration.seats
        if registration.childcare_children:
            totals.childcare_children += registration.childcare_children
            totals.childcare_registrations += 1
        if registration.needs_step_free:
            totals.step_free += 1
        if registration.accessibility_needs:
            totals.other_accessibility += 1
    totals.interpretation = dict(sorted(totals.interpretation.items()))
    return totals


# --- Cron jobs --------------------------------------------------------------------------------


def reminders_send(*, days: int, now: datetime.datetime | None = None) -> int:
    """Remind confirmed people of events that start within ``days`` days; once per person."""
    now = now or timezone.now()
    sent = 0
    events = Event.objects.filter(
        status=Event.Status.PUBLISHED,
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=days),
    )
    for event in events:
        with transaction.atomic():
            # skip_locked: two overlapping cron runs never remind the same person twice.
            due = list(
                event.registrations.filter(
                    status=Registration.Status.CONFIRMED,
                    reminder_sent_at__isnull=True,
                    anonymised_at__isnull=True,
                ).select_for_update(skip_locked=True)
            )
            for registration in due:
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at", "updated_at"])
            emails.on_commit_send_many(due, "reminder")
            sent += len(due)
    return sent


def registrations_purge(*, days: int, now: datetime.datetime | None = None) -> int:
    """Delete the personal data of registrations for events that ended more than ``days`` days
    ago. Status, seats, and the kinds of needs stay, so counts remain for statistics."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    due = Registration.objects.filter(event__ends_at__lt=cutoff, anonymised_at__isnull=True)
    return registrations_anonymise(registrations=due, now=now)


@transaction.atomic
def registrations_anonymise(
    *, registrations: QuerySet[Registration], now: datetime.datetime | None = None
) -> int:
    """Delete the personal data of these registrations; status, seats and the kinds of needs
    stay for the organisers' counts."""
    now = now or timezone.now()
    ids = list(registrations.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
    for pk in ids:
        # A fresh random token each, so that old private links stop working.
        Registration.objects.filter(pk=pk).update(
            name="",
            email="",
            organisation_name="",
            childcare_ages="",
            accessibility_needs="",
            registered_by=None,
            token=new_token(),
            anonymised_at=now,
            updated_at=now,
        )
    return len(ids)


def default_reminder_days() -> int:
    return int(getattr(settings, "EVENTS_REMINDER_DAYS_BEFORE", 2))


def default_purge_days() -> int:
    return int(getattr(settings, "EVENTS_PURGE_AFTER_DAYS", 90))
