"""Records of registration, review and members: view-only, changed only by actions that call
the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    pass

from migra_hub.admin_helpers import (
    RecordAdmin,
    ServiceAction,
    ServiceActionsAdmin,
)
from organisations import services
from organisations.admin.entries import REVIEW
from organisations.models import (
    Invitation,
    OrganisationMembership,
    OrganisationMerge,
    OrganisationRedirect,
    OwnershipClaim,
    ProblemReport,
    ReviewDecision,
)

# --- Registration, review and members: records, changed only through the services ----------


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(RecordAdmin):
    """What staff decided, who and why: the record is not a to-do list."""

    list_display = ["organisation", "action", "decided_by", "decided_at"]
    list_filter = ["action"]
    search_fields = ["organisation__name", "message"]
    list_select_related = ["organisation", "decided_by"]


MEMBERS = (services.LastOwnerError,)
NEEDS_OWNER = _("The organisation needs at least one owner.")
Role = OrganisationMembership.Role


@admin.register(OrganisationMembership)
class OrganisationMembershipAdmin(ServiceActionsAdmin, RecordAdmin):
    """Members join on the site (invitation or claim); here roles change and people leave
    through the same services, which keep at least one owner."""

    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    actions = [
        ServiceAction(
            _("Make owner"),
            lambda m, user, _reason: services.membership_change_role(
                membership=m, role=Role.OWNER, by=user
            ),
        ).as_action("make_owner"),
        ServiceAction(
            _("Make editor"),
            lambda m, user, _reason: services.membership_change_role(
                membership=m, role=Role.EDITOR, by=user
            ),
            refusals=MEMBERS,
            refused=NEEDS_OWNER,
        ).as_action("make_editor"),
        ServiceAction(
            _("Remove"),
            lambda m, user, _reason: services.membership_remove(membership=m, by=user),
            refusals=MEMBERS,
            refused=NEEDS_OWNER,
        ).as_action("remove"),
    ]


@admin.register(OwnershipClaim)
class OwnershipClaimAdmin(ServiceActionsAdmin, RecordAdmin):
    list_display = ["organisation", "user", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["organisation__name", "user__email"]
    list_select_related = ["organisation", "user", "decided_by"]
    actions = [
        ServiceAction(
            _("Approve claim"),
            lambda claim, user, _reason: services.claim_approve(claim=claim, staff=user),
            refusals=REVIEW,
            refused=_("This claim was decided already."),
        ).as_action("approve"),
        ServiceAction(
            _("Decline claim"),
            lambda claim, user, reason: services.claim_decline(
                claim=claim, staff=user, reason=reason
            ),
            reason=_("Reason for declining (optional)"),
            refusals=REVIEW,
            refused=_("This claim was decided already."),
        ).as_action("decline"),
    ]


@admin.register(ProblemReport)
class ProblemReportAdmin(ServiceActionsAdmin, RecordAdmin):
    list_display = ["organisation", "created_at", "resolved_at", "resolved_by"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["organisation__name", "message"]
    list_select_related = ["organisation", "resolved_by"]
    actions = [
        ServiceAction(
            _("Mark as resolved"),
            lambda report, user, note: services.problem_report_resolve(
                report=report, staff=user, note=note
            ),
            reason=_("What did you do? (optional)"),
        ).as_action("resolve"),
    ]


@admin.register(Invitation)
class InvitationAdmin(RecordAdmin):
    """Owners invite from the site, which mails the one-time link, and cancel there."""

    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    exclude = ["token_hash"]


@admin.register(OrganisationMerge)
class OrganisationMergeAdmin(RecordAdmin):
    """Which entry district staff merged into which, and what moved (made on the staff's
    duplicates page through the merge service)."""

    list_display = ["removed_name", "kept", "merged_by", "merged_at"]
    search_fields = ["removed_name", "removed_slug", "kept__name"]
    list_select_related = ["kept", "merged_by"]


@admin.register(OrganisationRedirect)
class OrganisationRedirectAdmin(RecordAdmin):
    """Old addresses of merged entries and where they lead now."""

    list_display = ["old_slug", "organisation", "created_at"]
    search_fields = ["old_slug", "organisation__name"]
    list_select_related = ["organisation"]
