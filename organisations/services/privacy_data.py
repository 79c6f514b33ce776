"""What this app keeps about a person, for the privacy pages (data download, deletion)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from accounts.models import User
from organisations.models import (
    Invitation,
    Organisation,
    OrganisationMembership,
    ProblemReport,
)

Role = OrganisationMembership.Role


def personal_data(user: User) -> dict[str, Any]:
    """The user's data held by this app, for the data download."""

    def when(value: datetime.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "organisation_memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": when(m.created_at)}
            for m in user.organisation_memberships.select_related("organisation")
        ],
        "district_staff_roles": [
            {"district": role.district.name, "since": when(role.created_at)}
            for role in user.district_staff_roles.select_related("district")
        ],
        "claims": [
            {
                "organisation": claim.organisation.name,
                "message": claim.message,
                "status": claim.status,
                "created_at": when(claim.created_at),
                "reason": claim.reason,
            }
            for claim in user.organisation_claims.select_related("organisation")
        ],
        "invitations_received": [
            {
                "organisation": invitation.organisation.name,
                "email": invitation.email,
                "role": invitation.role,
                "created_at": when(invitation.created_at),
                "accepted_at": when(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organisation"
            )
        ],
        "review_decisions": [
            {
                "organisation": decision.organisation.name,
                "action": decision.action,
                "message": decision.message,
                "decided_at": when(decision.decided_at),
            }
            for decision in user.review_decisions.select_related("organisation")
        ],
        "problem_reports": [
            {
                "organisation": report.organisation.name,
                "message": report.message,
                "created_at": when(report.created_at),
            }
            for report in ProblemReport.objects.filter(
                reporter_email__iexact=user.email
            ).select_related("organisation")
        ],
    }


def before_account_deletion(user: User) -> None:
    """Entries that lose their last owner stay published but are flagged to district staff.

    An entry that was never public and has nobody else is the person's own unfinished work:
    it goes with the account.
    """
    now = timezone.now()
    owned = Organisation.objects.filter(
        memberships__user=user, memberships__role=Role.OWNER
    ).distinct()
    for organisation in owned:
        others = organisation.memberships.exclude(user=user)
        if others.filter(role=Role.OWNER).exists():
            continue
        if organisation.published_at is None and not others.exists():
            organisation._history_user = None  # type: ignore[attr-defined]
            organisation.delete()
            continue
        Organisation.objects.filter(pk=organisation.pk).update(owner_left_at=now)
    # Invitations sent to this person's address are personal data too.
    Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
