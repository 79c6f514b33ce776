from __future__ import annotations

import re
from email.utils import getaddresses

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import User
from accounts.privacy import Kept, Person, deletion_steps


@transaction.atomic
def account_delete(*, user: User) -> list[Kept]:
    """Delete the account and every copy of the person's address and name.

    Other apps go first (their deletion steps remove or pseudonymise what they hold and say
    what they had to keep); then the admin's log, the mail queue, the sessions and the account
    itself, with its e-mail addresses and second factors.
    """
    person = Person.of(User.objects.select_for_update().get(pk=user.pk))
    kept = [item for step in deletion_steps for item in step(person)]
    _scrub_admin_log(person)
    _drop_queued_mail(person)
    _delete_sessions(person.user)
    person.user.delete()
    return kept


def _scrub_admin_log(person: Person) -> None:
    """The admin's log names objects as they were displayed ("Amal (owner, Brücke e.V.)").

    The entries stay as a record of what staff did; the person's address and name leave them
    (the name only as a whole word, so that "Al" leaves "Alphabet e.V." alone). Entries *by*
    the person go with the account (Django deletes them with their user).
    """
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(person.user.pk)
    ).update(object_repr="–")
    pattern = _pattern([*person.addresses, *([person.name] if person.name else [])])
    mentions = person.mention_q("object_repr")
    if person.name:
        mentions |= Q(object_repr__icontains=person.name)
    for entry in LogEntry.objects.filter(mentions):
        scrubbed = pattern.sub("–", entry.object_repr)
        if scrubbed != entry.object_repr:
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=scrubbed)


def _drop_queued_mail(person: Person) -> None:
    """Mails to the person still waiting in the queue (django-mailer) are not sent any more:
    they hold the address, the name and private links. The delivery log keeps no copy of the
    mails (MAILER_EMAIL_LOG_MESSAGE_DATA); a server's error message may still name the address.
    """
    from mailer.models import Message, MessageLog

    def to_person(message: Message | MessageLog) -> bool:
        mail = message.email
        recipients = [*mail.to, *mail.cc, *mail.bcc] if mail is not None else []
        return any(
            address.lower() in person.addresses for _name, address in getaddresses(recipients)
        )

    for message in Message.objects.all().iterator():
        if to_person(message):
            message.delete()
    for entry in MessageLog.objects.filter(person.mention_q("log_message")):
        MessageLog.objects.filter(pk=entry.pk).update(
            log_message=_pattern(person.addresses).sub("–", entry.log_message)
        )
    for entry in MessageLog.objects.exclude(message_data=None).iterator():
        if to_person(entry):
            MessageLog.objects.filter(pk=entry.pk).update(message_data=None)


def _pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, in any letter case."""
    return re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in words), re.IGNORECASE)


def _delete_sessions(user: User) -> None:
    """Log the person out everywhere. Sessions are not indexed by user, so each live one is
    read; this runs only when an account is deleted."""
    from django.conf import settings

    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            # Through the store, so that a cached copy (cached_db) goes as well.
            store(session_key=session.session_key).delete()
