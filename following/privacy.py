"""What this app keeps about a person: what they follow, how often they want a digest and which
digests they were sent. All of it goes with the account; nothing is kept.

Registered with the privacy registry (``accounts.privacy``) in ``FollowingConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from accounts.privacy import Kept, Person, when
from following.models import DigestLog, DigestSetting, Follow


def personal_data(person: Person) -> dict[str, Any]:
    """The person's data held by this app, for the data download."""
    user = person.user
    setting = DigestSetting.objects.filter(user=user).first()
    return {
        "follows": [
            {"kind": follow.kind, "what": follow.target_name, "since": when(follow.created_at)}
            for follow in Follow.objects.of(user).select_related(
                "organisation", "network", "district"
            )
        ],
        "digest_setting": (
            {"frequency": setting.frequency, "covered_until": when(setting.covered_until)}
            if setting
            else None
        ),
        "digests_sent": [
            {
                "frequency": log.frequency,
                "covered_from": when(log.covered_from),
                "covered_until": when(log.covered_until),
                "items": log.item_count,
                "sent_at": when(log.sent_at),
            }
            for log in DigestLog.objects.filter(user=user).order_by("sent_at", "pk")
        ],
    }


def before_account_deletion(person: Person) -> list[Kept]:
    """Follows, the digest setting and the record of digests go; nothing of them is kept."""
    user = person.user
    Follow.objects.filter(user=user).delete()
    DigestSetting.objects.filter(user=user).delete()
    DigestLog.objects.filter(user=user).delete()
    return []
