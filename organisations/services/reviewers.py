"""Reviewers' own settings: how they hear of what waits for them."""

from __future__ import annotations

import datetime

from django.db import transaction

from accounts.models import User
from organisations.models import ReviewerMailSetting

Frequency = ReviewerMailSetting.Frequency


@transaction.atomic
def reviewer_mail_set(*, user: User, frequency: str) -> ReviewerMailSetting:
    """One e-mail per item (``each``) or one a day (``digest``)."""
    if frequency not in Frequency.values:
        raise ValueError(f"unknown frequency {frequency!r}")
    setting, _created = ReviewerMailSetting.objects.select_for_update().get_or_create(user=user)
    if setting.frequency != frequency:
        setting.frequency = frequency
        setting.save(update_fields=["frequency"])
    return setting


def reviewer_mail_frequency(user: User) -> str:
    frequency = (
        ReviewerMailSetting.objects.filter(user=user).values_list("frequency", flat=True).first()
    )
    return frequency or Frequency.EACH


def reviewer_digest_take_turn(*, user: User, today: datetime.date) -> bool:
    """Mark today's digest as sent to the user; False when it was already (a second run the same
    day, or one running at the same time, sends nothing). Call it in the sending transaction."""
    updated = (
        ReviewerMailSetting.objects.filter(user=user, frequency=Frequency.DIGEST)
        .exclude(digest_sent_on=today)
        .update(digest_sent_on=today)
    )
    return updated == 1
