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
    network_set_status,
    network_update,
)
from networks.services.notes import NoteChanged, NoteData, note_create, note_update
from networks.services.partners import partner_add, partner_remove

__all__ = [
    "TRANSITIONS",
    "NetworkChanged",
    "NetworkData",
    "NetworkError",
    "NoteChanged",
    "NoteData",
    "State",
    "Transition",
    "can_transition",
    "document_add_version",
    "document_create",
    "document_set_archived",
    "membership_accept_invitation",
    "membership_approve",
    "membership_decline",
    "membership_decline_invitation",
    "membership_invite",
    "membership_leave",
    "membership_name_coordinator",
    "membership_remove",
    "membership_remove_coordinator",
    "membership_request",
    "membership_transition",
    "membership_withdraw",
    "network_create",
    "network_set_status",
    "network_update",
    "note_create",
    "note_update",
    "partner_add",
    "partner_remove",
    "state_of",
]
