"""What this app keeps about a person: their part of the data download and what happens to it
when they delete their account.

Registered with the privacy registry (``accounts.privacy``) in ``EventsConfig.ready``.

Speakers are not accounts: organisers enter them, with the speaker's agreement, as part of an
event's public programme. Nothing ties a speaker to an account but the name, so the data download
lists the speaker entries under the person's exact name (all of it is public on the event pages
except the photo consent), and deleting the account leaves them alone: a name is no proof that
the entry is theirs. The event page names the organisers, who remove a speaker on request.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from accounts.privacy import Kept, Person, when
from events.models import Event, Registration, Speaker
from events.services import registration_cancel, registrations_anonymise


def _registration(registration: Registration) -> dict[str, Any]:
    event = registration.event
    return {
        "event": event.title,
        "starts_at": when(event.starts_at),
        "name": registration.name,
        "email": registration.email,
        "organisation": (
            registration.organisation.name
            if registration.organisation
            else registration.organisation_name
        ),
        "seats": registration.seats,
        "status": registration.status,
        "interpretation_into": (
            registration.interpretation_language.code
            if registration.interpretation_language
            else None
        ),
        "childcare_children": registration.childcare_children,
        "childcare_ages": registration.childcare_ages,
        "needs_step_free": registration.needs_step_free,
        "accessibility_needs": registration.accessibility_needs,
        "consent_at": when(registration.consent_at),
        "created_at": when(registration.created_at),
        "checked_in_at": when(registration.checked_in_at),
    }


def _speaker_entries(person: Person) -> Any:
    if not person.name:
        return Speaker.objects.none()
    return Speaker.objects.filter(name__iexact=person.name)


def _speaker(speaker: Speaker) -> dict[str, Any]:
    return {
        "event": speaker.event.title,
        "starts_at": when(speaker.event.starts_at),
        "name": speaker.name,
        "role": speaker.role,
        "organisation": speaker.organisation_label,
        "pronouns": speaker.pronouns,
        "photo_consent": speaker.photo_consent,
        "speaks_in": [part.title for part in speaker.parts.all()],
    }


def personal_data(person: Person) -> dict[str, Any]:
    """The person's data held by this app, for the data download."""
    related = ("event", "organisation", "interpretation_language")
    own = Registration.objects.not_anonymised().filter(person.address_q("email"))
    for_others = Registration.objects.not_anonymised().filter(registered_by=person.user)
    return {
        "event_registrations": [
            _registration(r) for r in own.select_related(*related).order_by("created_at", "pk")
        ],
        # Colleagues the person signed up (delegates of their organisation).
        "event_registrations_made_for_others": [
            _registration(r)
            for r in for_others.exclude(pk__in=own.values("pk"))
            .select_related(*related)
            .order_by("created_at", "pk")
        ],
        # Entries of speakers under the person's name (entered by organisers, see above).
        "event_speaker_entries": [
            _speaker(speaker)
            for speaker in _speaker_entries(person)
            .select_related("event", "organisation")
            .prefetch_related("parts")
            .order_by("event__starts_at", "pk")
        ],
        "events_created": [
            {"title": event.title, "starts_at": when(event.starts_at), "status": event.status}
            for event in Event.objects.filter(created_by=person.user).order_by("starts_at")
        ],
    }


@transaction.atomic
def before_account_deletion(person: Person) -> list[Kept]:
    """Upcoming sign-ups are cancelled (their seats go to the waiting list); every sign-up of
    the person loses name, address and needs; events and sign-ups for others stay."""
    # First, so that the mails to people moving up from the waiting list no longer name it.
    Event.objects.filter(person.address_q("contact_email")).update(contact_email="")
    now = timezone.now()
    own = Registration.objects.filter(person.address_q("email")).not_anonymised()
    for registration in own.current().filter(event__ends_at__gt=now).select_related("event"):
        registration_cancel(registration=registration, notify=False)
    past = own.filter(event__ends_at__lte=now).exclude(status=Registration.Status.CANCELLED)
    past_events = past.values("event").distinct().count()
    registrations_anonymise(registrations=own, now=now)

    for_others = Registration.objects.not_anonymised().filter(registered_by=person.user).count()
    created = Event.objects.filter(created_by=person.user).count()
    kept = Kept.counted(
        past_events,
        ngettext_lazy(
            "Your sign-up for %(count)d past event, as an anonymous count of seats and needs.",
            "Your sign-ups for %(count)d past events, as anonymous counts of seats and needs.",
            "count",
        ),
        _("Organisers keep the number of participants of their past events."),
    )
    kept += Kept.counted(
        for_others,
        ngettext_lazy(
            "%(count)d sign-up you made for somebody else, without your name.",
            "%(count)d sign-ups you made for other people, without your name.",
            "count",
        ),
        _(
            "They belong to the people signed up, who can change or cancel them with the "
            "link they received by e-mail."
        ),
    )
    kept += Kept.counted(
        created,
        ngettext_lazy(
            "%(count)d event you created, without your name.",
            "%(count)d events you created, without your name.",
            "count",
        ),
        _("Events belong to their organiser, not to an account."),
    )
    kept += Kept.counted(
        _speaker_entries(person).count(),
        ngettext_lazy(
            "%(count)d entry of a speaker with your name in an event's programme.",
            "%(count)d entries of speakers with your name in events' programmes.",
            "count",
        ),
        _(
            "Organisers enter speakers; a name alone does not show that the entry is yours. "
            "Please ask the organisers named on the event's page to remove it."
        ),
    )
    return kept
