"""Signing up: one person (with the seats of their party) or the delegates of an organisation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from events import emails
from events.models import Event, ProgrammePart, Registration
from events.services.programme import check_workshop_seats
from events.services.seats import WhenShort, lock_event, signup_window_error, status_for
from organisations.models import Language, Organisation


@dataclass(frozen=True)
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
    workshop: ProgrammePart | None = None


class DelegateRejected(ValidationError):
    """A sign-up of several delegates failed at one of them (``index``); nothing was saved."""

    def __init__(self, index: int, error: ValidationError) -> None:
        super().__init__(error.error_dict if hasattr(error, "error_dict") else error.error_list)
        self.index = index


# --- Limits (the event lock is held) ----------------------------------------------------------


def check_seats_per_signup(event: Event, seats: int) -> None:
    if seats < 1:
        raise ValidationError({"seats": [_("Please ask for at least one seat.")]})
    most = event.max_seats_per_signup
    if seats > most:
        message = ngettext(
            "At most %(max)s seat per sign-up.", "At most %(max)s seats per sign-up.", most
        ) % {"max": most}
        raise ValidationError({"seats": [message]}, code="too_many_seats")


def check_organisation_quota(
    event: Event,
    organisation: Organisation | None,
    seats: int,
    *,
    exclude: Registration | None = None,
) -> None:
    """Refuse ``seats`` more for ``organisation`` beyond the event's limit per organisation."""
    if organisation is None or event.max_seats_per_organisation is None:
        return
    used = event.registrations.current().filter(organisation=organisation)
    if exclude is not None:
        used = used.exclude(pk=exclude.pk)
    most = event.max_seats_per_organisation
    left = most - used.seat_total()
    if seats > left:
        message = ngettext(
            "Each organisation may take at most %(max)s seat; "
            "%(left)s are left for %(organisation)s.",
            "Each organisation may take at most %(max)s seats; "
            "%(left)s are left for %(organisation)s.",
            most,
        ) % {"max": most, "left": max(left, 0), "organisation": organisation}
        raise ValidationError({"seats": [message]}, code="organisation_limit")


def _check_organisation_is_theirs(organisation: Organisation | None, user: User | None) -> None:
    """Only a member may sign up for an organisation: its name is shown to the organisers and
    its seats count against the organisation's limit."""
    if organisation is None:
        return
    if user is None or not organisation.memberships.filter(user=user).exists():
        raise ValidationError(
            {"organisation": [_("You can only name an organisation you are a member of.")]},
            code="not_a_member",
        )


def _current_registration(event: Event, email: str) -> Registration | None:
    return (
        event.registrations.current().not_anonymised().filter(email__iexact=email.strip()).first()
    )


def _new_registration(
    event: Event,
    data: SignupData,
    *,
    status: str,
    user: User | None,
    language: str,
    now: datetime.datetime,
) -> Registration | None:
    """Save the sign-up; None if the address holds a current sign-up for the event already."""
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
        workshop=data.workshop,
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
        # The unique constraint is the last guard; the look-up before should have found it.
        return None
    return registration


# --- Services ---------------------------------------------------------------------------------


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
    ``when_short`` (and ``offered``, the free seats they were shown), see ``seats_decision``.

    Whether an address is signed up for an event is private (some events are sensitive), so
    an address that is signed up already gets the same answer as a new one: its existing
    sign-up is returned unchanged and its holder is sent their private link by e-mail."""
    with transaction.atomic():
        locked = lock_event(event)
        now = timezone.now()
        if error := signup_window_error(locked, now):
            raise error
        _check_organisation_is_theirs(data.organisation, user)
        check_seats_per_signup(locked, data.seats)
        check_organisation_quota(locked, data.organisation, data.seats)
        # Decided before the address is looked at: the answer must not depend on it.
        status, seats = status_for(locked, data.seats, when_short=when_short, offered=offered)
        check_workshop_seats(locked, data.workshop, seats)
        existing = _current_registration(locked, data.email)
        if existing is None:
            registration = _new_registration(
                locked,
                replace(data, seats=seats),
                status=status,
                user=user,
                language=language,
                now=now,
            )
            if registration is not None:
                emails.send([registration], "created")
                return registration
            # Signed up in the same instant by a write that did not take the event lock.
            existing = _current_registration(locked, data.email)
            assert existing is not None
        emails.send([existing], "already_registered")
    return existing


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
        locked = lock_event(event)
        now = timezone.now()
        if error := signup_window_error(locked, now):
            raise error
        seen: set[str] = set()
        for index, given in enumerate(delegates):
            delegate = replace(given, organisation=organisation, seats=1)
            try:
                email = delegate.email.strip().lower()
                if email in seen:
                    raise ValidationError(
                        {"email": [_("Each delegate needs their own e-mail address.")]},
                        code="duplicate",
                    )
                seen.add(email)
                created.append(_delegate(locked, delegate, user=user, language=language, now=now))
            except ValidationError as error:
                raise DelegateRejected(index, error) from None
        emails.send(created, "created")
    return created


def _delegate(
    event: Event, delegate: SignupData, *, user: User, language: str, now: datetime.datetime
) -> Registration:
    """One delegate of ``delegates_register`` (the organisation's membership is checked by
    the caller's access rules: owners and editors only)."""
    duplicate = ValidationError(
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
    if _current_registration(event, delegate.email) is not None:
        raise duplicate
    check_organisation_quota(event, delegate.organisation, delegate.seats)
    status, _seats = status_for(event, delegate.seats)
    registration = _new_registration(
        event, delegate, status=status, user=user, language=language, now=now
    )
    if registration is None:
        raise duplicate
    return registration
