"""Plain-text e-mails of the organisations app, rendered in the recipient's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(name: str, *, language: str | None = None, **kwargs: Any) -> str:
    """A full URL for links in e-mails, with the language prefix of the mail."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def send_templated_mail(
    template: str,
    recipients: Iterable[str],
    context: dict[str, Any],
    *,
    language: str | None = None,
) -> int:
    """Send ``organisations/email/<template>_subject.txt`` and ``_body.txt`` to each recipient.

    One message per recipient, so that nobody sees the other addresses. German unless the
    recipient's language is known.
    """
    language = language or settings.LANGUAGE_CODE
    addresses = sorted({address for address in recipients if address})
    with translation.override(language):
        context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
        subject: str = render_to_string(f"organisations/email/{template}_subject.txt", context)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
        body = render_to_string(f"organisations/email/{template}_body.txt", context)
    for address in addresses:
        send_mail(subject, body, None, [address])
    return len(addresses)
