"""District networks, which organisations belong to them, and what the network knows."""

from networks.models.membership import (
    MembershipChange,
    NetworkMembership,
    NetworkMembershipQuerySet,
)
from networks.models.network import Network, NetworkQuerySet
from networks.models.note import NetworkNote, NetworkNoteQuerySet

__all__ = [
    "MembershipChange",
    "Network",
    "NetworkMembership",
    "NetworkMembershipQuerySet",
    "NetworkNote",
    "NetworkNoteQuerySet",
    "NetworkQuerySet",
]
