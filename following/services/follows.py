"""Following and unfollowing, and how often a person wants to hear about it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from following.models import DigestSetting, Follow, Target, target_fields


def _setting(user: User) -> DigestSetting:
    """The person's setting, created on their first follow: digests start from now, so the
    first one does not dig up everything that ever happened."""
    setting, _created = DigestSetting.objects.get_or_create(user=user)
    return setting


@transaction.atomic
def follow_add(*, user: User, target: Target) -> Follow:
    """Follow ``target`` (None: the exchange). Following twice keeps the first follow."""
    _setting(user)
    fields = target_fields(target)
    existing = Follow.objects.filter(user=user, **fields).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Follow.objects.create(user=user, **fields)
    except IntegrityError:  # a second click raced the first: the follow exists now
        return Follow.objects.get(user=user, **fields)


def follow_remove(*, user: User, follows: QuerySet[Follow]) -> int:
    """End the person's own follows among ``follows``; returns how many ended (0: none)."""
    deleted, _per_model = follows.filter(user=user).delete()
    return deleted


@transaction.atomic
def digest_setting_change(*, user: User, frequency: str) -> DigestSetting:
    setting = _setting(user)
    if setting.frequency == frequency:
        return setting
    fields = ["frequency"]
    if setting.frequency == DigestSetting.Frequency.NEVER:
        # Digests resume from now rather than catching up on the months without them.
        setting.covered_until = timezone.now()
        fields.append("covered_until")
    setting.frequency = frequency
    setting.save(update_fields=fields)
    return setting


def digest_unsubscribe(*, user: User) -> DigestSetting:
    """No more digests (the follows stay, so that choosing a frequency again resumes them)."""
    return digest_setting_change(user=user, frequency=DigestSetting.Frequency.NEVER)
