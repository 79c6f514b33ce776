"""The digests: one e-mail per person with what is new in what they follow.

Each person's turn runs in a transaction of its own under a row lock on their digest setting:
a second run at the same time waits for the lock, then finds the turn taken (``last_run_on``)
and the window moved on (``covered_until``), so nothing is sent twice, however the runs overlap.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from following.digest import digest_for
from following.models import DigestLog, DigestSetting
from following.tokens import unsubscribe_token
from migra_hub.mail import Link, absolute_url, recipient, send_templated_mail


def _unsubscribe_headers(token: str) -> Callable[[str], dict[str, str]]:
    def headers(language: str) -> dict[str, str]:
        url = absolute_url("following:unsubscribe", language=language, token=token)
        # RFC 8058: mail programs offer a button that POSTs this body to the URL.
        return {
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }

    return headers


def digest_send_one(*, setting_pk: int, frequency: str, now: datetime.datetime) -> bool:
    """Take one person's turn: send what is new since their last digest, if anything.
    Returns whether an e-mail was queued."""
    today = timezone.localdate(now)
    with transaction.atomic():
        setting = (
            DigestSetting.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=setting_pk, user__is_active=True)
            .first()
        )
        if setting is None or not setting.is_due(frequency, today):
            return False  # another run took this turn meanwhile, or the person changed it
        user = setting.user
        since = setting.covered_until
        digest = digest_for(user, since=since, until=now)
        if digest:
            token = unsubscribe_token(user)
            send_templated_mail(
                "following/email/digest",
                [recipient(user)],
                {
                    "digest": digest,
                    "frequency": frequency,
                    "following_url": Link("following:mine"),
                    "unsubscribe_url": Link("following:unsubscribe", {"token": token}),
                },
                headers=_unsubscribe_headers(token),
            )
            DigestLog.objects.create(
                user=user,
                frequency=frequency,
                covered_from=since,
                covered_until=now,
                item_count=digest.item_count,
                sent_at=now,
            )
        setting.covered_until = now
        setting.last_run_on = today
        setting.save(update_fields=["covered_until", "last_run_on"])
        return bool(digest)


def digests_send(*, frequency: str, now: datetime.datetime | None = None) -> int:
    """Send the digests of this frequency that are due. Returns the number of e-mails queued."""
    now = now or timezone.now()
    due = (
        DigestSetting.objects.due(frequency, timezone.localdate(now))
        .filter(user__is_active=True, user__follows__isnull=False)
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )
    return sum(digest_send_one(setting_pk=pk, frequency=frequency, now=now) for pk in list(due))
