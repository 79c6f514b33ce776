"""Writes of the networks app, one module per concern.

Every change is a keyword-only function that runs in one transaction, takes the row locks of
what it changes and sends its e-mails inside that transaction, so that they commit (or not)
together with the change. Callers import from here: ``from networks import services``.
"""

from networks.services.common import NetworkError
from networks.services.documents import (
    document_add_version,
    document_create,
    document_set_archived,
)
from networks.services.memberships import (
    TRANSITIONS,
    State,
    Transition,
    can_transition,
    membership_accept_invitation,
    membership_approve,
    membership_decline,
    membership_decline_invitation,
    membership_found,
    membership_invite,
    membership_leave,
    membership_name_coordinator,
    membership_remove,
    membership_remove_coordinator,
    membership_request,
    membership_transition,
    membership_withdraw,
    state_of,
)
from networks.services.networks import (
    NetworkChanged,
    NetworkData,
    network_create,
    network_update,
)
from networks.services.notes import NoteChanged, NoteData, note_create, note_update
from networks.services.partners import partner_add, partner_remove
from networks.services.phases import PHASE_STEPS, Who, network_change_phase, next_phases
from networks.services.proposals import proposal_approve, proposal_create, proposal_decline
from networks.services.tasks import task_create, task_set_done, task_update

__all__ = [
    "PHASE_STEPS",
    "TRANSITIONS",
    "NetworkChanged",
    "NetworkData",
    "NetworkError",
    "NoteChanged",
    "NoteData",
    "State",
    "Transition",
    "Who",
    "can_transition",
    "document_add_version",
    "document_create",
    "document_set_archived",
    "membership_accept_invitation",
    "membership_approve",
    "membership_decline",
    "membership_decline_invitation",
    "membership_found",
    "membership_invite",
    "membership_leave",
    "membership_name_coordinator",
    "membership_remove",
    "membership_remove_coordinator",
    "membership_request",
    "membership_transition",
    "membership_withdraw",
    "network_change_phase",
    "network_create",
    "network_update",
    "next_phases",
    "note_create",
    "note_update",
    "partner_add",
    "partner_remove",
    "proposal_approve",
    "proposal_create",
    "proposal_decline",
    "state_of",
    "task_create",
    "task_set_done",
    "task_update",
]
