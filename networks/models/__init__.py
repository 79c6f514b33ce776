"""District networks, which organisations belong to them, and what the network knows."""

from networks.models.document import (
    DocumentVersion,
    NetworkDocument,
    NetworkDocumentQuerySet,
)
from networks.models.membership import (
    MembershipChange,
    NetworkMembership,
    NetworkMembershipQuerySet,
)
from networks.models.network import Network, NetworkQuerySet
from networks.models.note import NetworkNote, NetworkNoteQuerySet
from networks.models.note_version import NoteVersion
from networks.models.partner import NetworkPartner
from networks.models.phase import NetworkPhaseChange
from networks.models.proposal import NetworkProposal, NetworkProposalQuerySet
from networks.models.task import NetworkTask, NetworkTaskQuerySet

__all__ = [
    "DocumentVersion",
    "MembershipChange",
    "Network",
    "NetworkDocument",
    "NetworkDocumentQuerySet",
    "NetworkMembership",
    "NetworkMembershipQuerySet",
    "NetworkNote",
    "NetworkNoteQuerySet",
    "NetworkPartner",
    "NetworkPhaseChange",
    "NetworkProposal",
    "NetworkProposalQuerySet",
    "NetworkQuerySet",
    "NetworkTask",
    "NetworkTaskQuerySet",
    "NoteVersion",
]
