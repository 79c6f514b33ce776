"""Changes to one sign-up after it was made: needs and seats, cancelling, check-in, deletion."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import emails
from events.models import Event, Registration
from events.services.programme import check_workshop_seats
from events.services.seats import lock_registration, promote_waiting, seats_free, set_changed
from events.services.signup import check_organisation_quota, check_seats_per_signup
from organisations.models import Language


@dataclass(frozen=True)
class NeedsData:
    """What a registered person may change later through their private link.

    ``seats`` None keeps the seats they hold (the form has no seats field when the event
    allows one seat per sign-up)."""

    seats: int | None = None
    interpretation_language: Language | None = None
    childcare_children: int = 0
    childcare_ages: str = ""
    needs_step_free: bool = False
    accessibility_needs: str = ""


def _check_more_seats(event: Event, current: Registration, seats: int) -> None:
    """Limits apply to a change that asks for more seats than the sign-up holds; a sign-up
    made before an organiser lowered a limit keeps what it holds and may always give back."""
    check_seats_per_signup(event, seats)
    check_organisation_quota(event, current.organisation, seats, exclude=current)
    if not current.is_confirmed:
        return  # a waiting party grows in its place on the list
    # People waiting for seats come first: no extra seats while anyone waits.
    free = 0 if event.registrations.waitlisted().exists() else seats_free(event)
    if free is not None and seats - current.seats > free:
        message = ngettext(
            "Only %(free)s more seat is free; you have %(seats)s.",
            "Only %(free)s more seats are free; you have %(seats)s.",
            free,
        ) % {"free": free, "seats": current.seats}
        raise ValidationError({"seats": [message]}, code="not_enough_seats")


def _needs_values(event: Event, data: NeedsData, seats: int) -> dict[str, Any]:
    language = data.interpretation_language
    return {
        "seats": seats,
        "interpretation_language_id": language.pk if language is not None else None,
        "childcare_children": data.childcare_children if event.childcare else 0,
        "childcare_ages": data.childcare_ages.strip() if event.childcare else "",
        "needs_step_free": data.needs_step_free,
        "accessibility_needs": data.accessibility_needs.strip(),
    }


def registration_update(*, registration: Registration, data: NeedsData) -> Registration:
    """Change seats and needs. More seats only if they are free (or it stays on the list)."""
    with transaction.atomic():
        event, current = lock_registration(registration)
        if (
            current.is_cancelled
            or current.anonymised_at is not None
            or event.is_cancelled
            or event.has_started
        ):
            raise ValidationError(
                {NON_FIELD_ERRORS: [_("This sign-up can no longer be changed.")]}, code="closed"
            )
        seats = current.seats if data.seats is None else data.seats
        if seats < 1:
            raise ValidationError({"seats": [_("Please ask for at least one seat.")]})
        if seats > current.seats:
            _check_more_seats(event, current, seats)
            check_workshop_seats(event, current.workshop, seats, exclude=current)
        changed = set_changed(current, _needs_values(event, data, seats))
        if changed:
            current.save(update_fields=[*changed, "updated_at"])
        promote_waiting(event, timezone.now())
    current.refresh_from_db()  # promotion may have given this sign-up its seats
    return current


def registration_cancel(*, registration: Registration, notify: bool = True) -> Registration:
    """Cancel a sign-up; freed seats go to the waiting list at once.

    ``notify=False`` when the person is deleting their account: no mail to an address that is
    about to be erased."""
    with transaction.atomic():
        event, current = lock_registration(registration)
        if current.is_cancelled:
            return current
        current.status = Registration.Status.CANCELLED
        current.save(update_fields=["status", "updated_at"])
        if notify:
            emails.send([current], "cancelled")
        promote_waiting(event, timezone.now())
    return current


def registration_delete(*, registration: Registration) -> list[Registration]:
    """Delete a sign-up for good (the admin's clean-up); its seats go to the waiting list.

    Returns the people who moved up (they are told by e-mail)."""
    with transaction.atomic():
        event, current = lock_registration(registration)
        current.delete()
        return promote_waiting(event, timezone.now())


def registration_check_in(*, registration: Registration, attended: bool) -> Registration:
    """Mark a confirmed person as arrived (or undo it). Seats do not change."""
    with transaction.atomic():
        _event, current = lock_registration(registration)
        if attended and current.status == Registration.Status.CONFIRMED:
            current.status = Registration.Status.ATTENDED
            current.checked_in_at = timezone.now()
        elif not attended and current.status == Registration.Status.ATTENDED:
            current.status = Registration.Status.CONFIRMED
            current.checked_in_at = None
        else:
            return current
        current.save(update_fields=["status", "checked_in_at", "updated_at"])
    return current


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
