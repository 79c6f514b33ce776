"""Delivering the mail queue (django-mailer): retries with growing pauses, failures kept for staff.

``send_templated_mail`` and every other sender (allauth, the events' calendar mails) write to the
queue through ``EMAIL_BACKEND``; nothing talks to the mail server inside a request. One pass of
the worker (``manage.py send_queued_mail``) puts the deferred mails whose pause is over back in
the queue, then sends the queue. django-mailer locks each mail's row while it sends it and deletes
it in the same transaction, so workers on several hosts never send a mail twice.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from mailer.engine import send_all
from mailer.models import PRIORITY_DEFERRED, PRIORITY_MEDIUM, RESULT_FAILURE, Message, MessageLog

logger = logging.getLogger(__name__)


def retry_pause(retry: int) -> datetime.timedelta:
    """The pause before retry number ``retry + 1``: 1, 2, 4, ... minutes, capped."""
    first = settings.MAIL_RETRY_FIRST_SECONDS
    return datetime.timedelta(
        seconds=min(first * 2 ** min(retry, 30), settings.MAIL_RETRY_MAX_SECONDS)
    )


def next_retry_at(message: Message) -> datetime.datetime:
    """When a deferred mail may be tried again: counted from when it was queued, so the schedule
    needs no record of each attempt."""
    pauses = sum(
        (retry_pause(retry) for retry in range(message.retry_count + 1)), start=datetime.timedelta()
    )
    return message.when_added + pauses


def has_failed(message: Message) -> bool:
    """Deferred and out of retries: only staff can send it again (admin action)."""
    return (
        message.priority == PRIORITY_DEFERRED
        and message.retry_count >= settings.MAILER_EMAIL_MAX_RETRIES
    )


def requeue_due(now: datetime.datetime | None = None) -> int:
    """Put the deferred mails whose pause is over back in the queue; returns how many."""
    now = now or timezone.now()
    deferred = Message.objects.deferred().filter(retry_count__lt=settings.MAILER_EMAIL_MAX_RETRIES)
    due = [
        message.pk
        for message in deferred.only("pk", "when_added", "retry_count")
        if next_retry_at(message) <= now
    ]
    # The priority condition again: a mail that a concurrent pass requeued is not counted twice.
    return Message.objects.filter(pk__in=due, priority=PRIORITY_DEFERRED).update(
        priority=PRIORITY_MEDIUM, retry_count=F("retry_count") + 1
    )


@dataclass(frozen=True)
class QueueState:
    waiting: int
    deferred: int
    failed: int


def queue_state() -> QueueState:
    deferred = Message.objects.deferred()
    failed = deferred.filter(retry_count__gte=settings.MAILER_EMAIL_MAX_RETRIES).count()
    return QueueState(
        waiting=Message.objects.non_deferred().count(),
        deferred=deferred.count() - failed,
        failed=failed,
    )


def send_queue_once() -> QueueState:
    """One pass of the worker; returns what is left in the queue afterwards."""
    requeue_due()
    # django-mailer's per-host lock file; its folder may not exist on a fresh installation.
    Path(settings.MAILER_LOCK_PATH).parent.mkdir(parents=True, exist_ok=True)
    send_all()
    return queue_state()


def defer_after_failure(connection: Any, message: Message, exc: Exception) -> tuple[None, str]:
    """django-mailer's error handler (MAILER_ERROR_HANDLER): whatever went wrong, the mail is
    deferred and the error logged. The library's own handler defers only SMTP and network errors
    and re-raises the rest, so one mail that cannot be built would stop every later one."""
    message.defer()
    MessageLog.objects.log(message, RESULT_FAILURE, log_message=failure_text(exc))
    logger.warning("mail %s deferred: %s", message.pk, failure_text(exc))
    return None, "deferred"


def failure_text(exc: Exception) -> str:
    """What staff need to fix the cause, without the recipients' addresses (a refused recipient
    is named by the server's answer only, so the log holds no personal data)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        answers = sorted(
            {f"{code} {reply.decode(errors='replace')}" for code, reply in exc.recipients.values()}
        )
        return f"{type(exc).__name__}: {'; '.join(answers)}"
    return f"{type(exc).__name__}: {exc}"
