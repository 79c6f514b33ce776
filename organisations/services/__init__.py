"""Writes of the organisations app, one module per concern.

Every state change is a keyword-only function. Each runs in one transaction and takes a row lock
on the entry it changes; its e-mails go out inside that transaction, so they commit (or not)
together with the change. Callers import from here: ``from organisations.services import ...``.
"""

from organisations.services.claims import (
    claim_approve,
    claim_create,
    claim_decline,
)
from organisations.services.common import (
    DRAFT_CHANGE,
    IMPORT_CHANGE,
    IMPORT_DRAFT_CHANGE,
    LIVE_CHANGE,
    LOGGED_CHANGES,
    REVERT_CHANGE,
    REVIEW_CHANGE,
    TRANSITIONS,
    EntryClosed,
    IncompleteEntry,
    InvitationError,
    LastOwnerError,
    TransitionNotAllowed,
    can_transition,
    logged_changes,
)
from organisations.services.data import UNSET, OfferData, OrganisationData
from organisations.services.freshness import (
    confirmation_reminders_send,
    organisation_confirm_current,
    organisations_due_for_reminder,
)
from organisations.services.history import (
    FieldChange,
    history_revert,
    record_changes,
)
from organisations.services.members import (
    invitation_accept,
    invitation_cancel,
    invitation_create,
    invitation_for_token,
    membership_change_role,
    membership_remove,
    ownership_hand_over,
    user_has_address,
)
from organisations.services.merge import (
    MergeIncomplete,
    MergeNotAllowed,
    merge_labels,
    organisation_merge,
)
from organisations.services.offers import (
    offer_create,
    offer_delete,
    offer_update,
)
from organisations.services.registration import (
    missing_essentials,
    organisation_create,
    organisation_delete,
    organisation_delete_for_good,
    organisation_slug,
    organisation_submit,
    organisation_update,
)
from organisations.services.review import (
    organisation_archive,
    organisation_clear_owner_flag,
    organisation_publish,
    organisation_reject,
    organisation_request_changes,
    organisation_set_verified,
    organisation_unpublish,
    problem_report_create,
    problem_report_resolve,
)
from organisations.services.reviewers import (
    reviewer_digest_take_turn,
    reviewer_mail_frequency,
    reviewer_mail_set,
)
from organisations.services.searches import unanswered_search_count, unanswered_searches
from organisations.services.staff_entries import (
    OutsideDistricts,
    entered_by_district_office,
    organisation_enter,
)
from organisations.services.versions import EditConflict, FieldConflict, entry_version

__all__ = [
    "DRAFT_CHANGE",
    "IMPORT_CHANGE",
    "IMPORT_DRAFT_CHANGE",
    "LIVE_CHANGE",
    "LOGGED_CHANGES",
    "REVERT_CHANGE",
    "REVIEW_CHANGE",
    "TRANSITIONS",
    "UNSET",
    "EditConflict",
    "EntryClosed",
    "FieldChange",
    "FieldConflict",
    "IncompleteEntry",
    "InvitationError",
    "LastOwnerError",
    "MergeIncomplete",
    "MergeNotAllowed",
    "OfferData",
    "OrganisationData",
    "OutsideDistricts",
    "TransitionNotAllowed",
    "can_transition",
    "claim_approve",
    "claim_create",
    "claim_decline",
    "confirmation_reminders_send",
    "entered_by_district_office",
    "entry_version",
    "history_revert",
    "invitation_accept",
    "invitation_cancel",
    "invitation_create",
    "invitation_for_token",
    "logged_changes",
    "membership_change_role",
    "membership_remove",
    "merge_labels",
    "missing_essentials",
    "offer_create",
    "offer_delete",
    "offer_update",
    "organisation_archive",
    "organisation_clear_owner_flag",
    "organisation_confirm_current",
    "organisation_create",
    "organisation_delete",
    "organisation_delete_for_good",
    "organisation_enter",
    "organisation_merge",
    "organisation_publish",
    "organisation_reject",
    "organisation_request_changes",
    "organisation_set_verified",
    "organisation_slug",
    "organisation_submit",
    "organisation_unpublish",
    "organisation_update",
    "organisations_due_for_reminder",
    "ownership_hand_over",
    "problem_report_create",
    "problem_report_resolve",
    "record_changes",
    "reviewer_digest_take_turn",
    "reviewer_mail_frequency",
    "reviewer_mail_set",
    "unanswered_search_count",
    "unanswered_searches",
    "user_has_address",
]
