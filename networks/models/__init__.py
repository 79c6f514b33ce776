"""District networks, which organisations belong to them, and what the network knows."""

from networks.models.membership import (
    MembershipChange,
    NetworkMembership,
    NetworkMembershipQuerySet,
)
from networks.models.network import Network, NetworkQuerySet
from networks.models.note import NetworkNote, NetworkNoteQuerySet
from networks.models.phase import NetworkPhaseChange
from networks.models.proposal import NetworkProposal, NetworkProposalQuerySet
from networks.models.task import NetworkTask, NetworkTaskQuerySet

__all__ = [
    "MembershipChange",
    "Network",
    "NetworkMembership",
    "NetworkMembershipQuerySet",
    "NetworkNote",
    "NetworkNoteQuerySet",
    "NetworkPhaseChange",
    "NetworkProposal",
    "NetworkProposalQuerySet",
    "NetworkQuerySet",
    "NetworkTask",
    "NetworkTaskQuerySet",
]
