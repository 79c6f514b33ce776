"""E-mails to registered people, each in the language they signed up in.

Built like every mail of the site (``migra_hub.mail.send_templated_mail``); some carry the
event's calendar file in the mail's language. The services send them inside their transaction:
with the mail queue as the e-mail backend, a mail is stored together with the change it tells
about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings

from events.ical import event_ics
from events.models import Event, Registration
from migra_hub.mail import Attachment, Link, Recipient, send_templated_mail

# Which template a kind of mail uses, and whether it carries the private calendar file.
TEMPLATES = {
    "confirmed": ("registration_confirmed", True),
    "waitlisted": ("registration_waitlisted", False),
    "promoted": ("registration_promoted", True),
    "cancelled": ("registration_cancelled", False),
    "already_registered": ("registration_already", False),
    "event_cancelled": ("event_cancelled", False),
    "reminder": ("event_reminder", True),
    "message": ("event_message", False),
}


def _calendar(event: Event) -> Callable[[str], list[Attachment]]:
    def attachments(language: str) -> list[Attachment]:
        ics = event_ics(event, private=True, language=language).decode()
        return [(event.ics_filename(), ics, "text/calendar")]

    return attachments


def _send_one(registration: Registration, kind: str, **extra: Any) -> None:
    if kind == "created":
        kind = "waitlisted" if registration.is_waitlisted else "confirmed"
    template, with_calendar = TEMPLATES[kind]
    event = registration.event
    send_templated_mail(
        f"events/email/{template}",
        [Recipient(email=registration.email, language=registration.language)],
        {
            "registration": registration,
            "event": event,
            "site_url": settings.SITE_URL,
            "site_name": settings.SITE_NAME,
            "private_url": Link("events:registration", {"token": registration.token}),
            "event_url": Link("events:detail", {"slug": event.slug}),
            "position": registration.waitlist_position() if registration.is_waitlisted else None,
            **extra,
        },
        reply_to=[event.contact_email] if event.contact_email else (),
        attachments=_calendar(event) if with_calendar else None,
    )


def send(registrations: list[Registration], kind: str, **extra: Any) -> None:
    for registration in registrations:
        _send_one(registration, kind, **extra)
