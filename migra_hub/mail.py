"""E-mails built from templates, each in its recipient's language.

Every app sends its mails through ``send_templated_mail``: a recipient is an address with the
language to write in (an account's stored language, or the language of the page a person used).
One mail per recipient, so that nobody sees the other addresses.

Mails are not sent here but queued in the database (``EMAIL_BACKEND``, django-mailer) in the
caller's transaction: a mail commits with the action that caused it, a rolled-back action sends
none, and a mail server that is down delays mail without breaking the action.
``migra_hub.mail_queue`` delivers the queue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


class Person(Protocol):
    email: str
    language: str

    def get_short_name(self) -> str: ...


@dataclass(frozen=True)
class Recipient:
    """Who a mail goes to, in which language, and how to greet them."""

    email: str
    language: str = ""
    name: str = ""


def interface_language(code: str | None) -> str:
    """``code`` if it is one of the interface languages, else the default language."""
    available = {language for language, _name in settings.LANGUAGES}
    return code if code in available else settings.LANGUAGE_CODE


def recipient(user: Person) -> Recipient:
    """An account holder, written to in the language stored on their account."""
    return Recipient(email=user.email, language=user.language, name=user.get_short_name())


def absolute_url(name: str, *, language: str | None = None, **kwargs: Any) -> str:
    """A full URL for links in e-mails, with the language prefix of the mail."""
    with translation.override(interface_language(language)):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


@dataclass(frozen=True)
class Link:
    """A page of the site, written into each mail with the prefix of the mail's language."""

    name: str
    kwargs: dict[str, Any] = field(default_factory=dict)

    def url(self, language: str) -> str:
        return absolute_url(self.name, language=language, **self.kwargs)


# A file a mail carries: (file name, content, MIME type).
Attachment = tuple[str, str, str]


def single_line(text: str) -> str:
    """Every run of white space, line breaks included, as one space: a header such as the
    subject must never contain a raw newline (Django refuses it, and a mail server would read
    what follows as a header of its own)."""
    return " ".join(text.split())


def send_templated_mail(
    template: str,
    recipients: Iterable[Recipient],
    context: dict[str, Any],
    *,
    reply_to: Sequence[str] = (),
    attachments: Callable[[str], Sequence[Attachment]] | None = None,
    headers: Callable[[str], dict[str, str]] | None = None,
) -> int:
    """Send ``<template>_subject.txt`` and ``<template>_body.txt`` to every recipient.

    The templates see ``recipient``; a ``Link`` in ``context`` becomes the full URL in the
    language of each mail; ``reply_to`` lets the recipient answer someone other than the sender;
    ``attachments``, called with the language of each mail, returns the files it carries (a
    calendar file in that language, say); ``headers``, called the same way, returns extra
    headers (a ``List-Unsubscribe`` link in that language, say).
    Returns the number of mails queued. Call it inside the service's transaction, not after
    commit: the queued mails then commit (or roll back) with the action.
    """
    unique = {person.email: person for person in recipients if person.email}
    for person in sorted(unique.values(), key=lambda person: person.email):
        language = interface_language(person.language)
        with translation.override(language):
            values = {
                "SITE_NAME": settings.SITE_NAME,
                "SITE_URL": settings.SITE_URL,
                "recipient": person,
                **{
                    key: value.url(language) if isinstance(value, Link) else value
                    for key, value in context.items()
                },
            }
            subject_text = render_to_string(f"{template}_subject.txt", values)
            subject = single_line(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject_text)
            body = render_to_string(f"{template}_body.txt", values)
            message = EmailMessage(
                subject,
                body,
                None,
                [person.email],
                reply_to=list(reply_to),
                headers=headers(language) if headers else None,
            )
            for filename, content, mimetype in attachments(language) if attachments else ():
                message.attach(filename, content, mimetype)
        message.send()
    return len(unique)
