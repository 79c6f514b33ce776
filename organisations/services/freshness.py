"""Keeping entries current: confirmations and the yearly reminders to their owners."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from migra_hub.mail import Link, send_templated_mail
from organisations.directory_version import directory_changed
from organisations.models import (
    REMINDER_AFTER,
    REMINDER_INTERVAL,
    Organisation,
)
from organisations.services.common import (
    MAIL,
    Role,
    lock_entry,
    member_recipients,
)


@transaction.atomic
@transaction.atomic
def organisation_confirm_current(*, organisation: Organisation, user: User) -> Organisation:
    """One click: "the entry is still correct". Not a content change, so not a new version, but
    the directory's cards show the date (or "may be out of date"), so their cache goes stale."""
    now = timezone.now()
    Organisation.objects.filter(pk=organisation.pk).update(last_confirmed_at=now)
    organisation.last_confirmed_at = now
    directory_changed()
    return organisation


def organisations_due_for_reminder(now: datetime.datetime) -> Any:
    from django.db.models import Q

    return (
        Organisation.objects.unconfirmed_since(now - REMINDER_AFTER)
        .filter(
            Q(confirmation_reminded_at__isnull=True)
            | Q(confirmation_reminded_at__lt=now - REMINDER_INTERVAL)
        )
        .filter(memberships__role=Role.OWNER)
        .distinct()
    )


def confirmation_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Mail the owners of every entry unconfirmed for 12 months; each entry once a month."""
    now = now or timezone.now()
    sent = 0
    for organisation in organisations_due_for_reminder(now).order_by("pk"):
        with transaction.atomic():
            locked = lock_entry(organisation)
            if locked.confirmation_reminded_at and (
                locked.confirmation_reminded_at >= now - REMINDER_INTERVAL
            ):
                continue  # another process reminded it meanwhile
            Organisation.objects.filter(pk=locked.pk).update(confirmation_reminded_at=now)
            context = {
                "organisation": locked,
                "confirmed_at": locked.confirmed_or_published_at,
                "url": Link("organisations:manage", {"slug": locked.slug}),
            }
            owners = member_recipients(locked, role=Role.OWNER)
            sent += send_templated_mail(MAIL + "reminder", owners, context)
    return sent
