"""E-mails to registered people, each in the language they signed up in.

They carry the event's calendar file, which ``migra_hub.mail.send_templated_mail`` has no place
for, so they are built here. The services send them inside their transaction: with the mail
queue as the e-mail backend, a mail is stored together with the change it tells about."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events.ical import event_ics
from events.models import Registration
from migra_hub.mail import interface_language

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


def build_message(registration: Registration, kind: str, **extra: Any) -> EmailMessage:
    if kind == "created":
        kind = "waitlisted" if registration.is_waitlisted else "confirmed"
    template, with_calendar = TEMPLATES[kind]
    event = registration.event
    language = interface_language(registration.language)
    with translation.override(language):
        context = {
            "registration": registration,
            "event": event,
            "site_url": settings.SITE_URL,
            "site_name": settings.SITE_NAME,
            "private_url": settings.SITE_URL
            + reverse("events:registration", kwargs={"token": registration.token}),
            "event_url": settings.SITE_URL + event.get_absolute_url(),
            "position": registration.waitlist_position() if registration.is_waitlisted else None,
            **extra,
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context)
        body = render_to_string(f"events/email/{template}_body.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            to=[registration.email],
            reply_to=[event.contact_email] if event.contact_email else None,
        )
        if with_calendar:
            message.attach(
                event.ics_filename(),
                event_ics(event, private=True, language=language).decode(),
                "text/calendar",
            )
    return message


def send(registrations: list[Registration], kind: str, **extra: Any) -> None:
    messages = [build_message(registration, kind, **extra) for registration in registrations]
    if messages:
        get_connection().send_messages(messages)
