"""The following app's writes: what a person follows, their digest setting and the digests."""

from following.services.digests import digests_send
from following.services.follows import (
    digest_setting_change,
    digest_unsubscribe,
    follow_add,
    follow_remove,
)

__all__ = [
    "digest_setting_change",
    "digest_unsubscribe",
    "digests_send",
    "follow_add",
    "follow_remove",
]
