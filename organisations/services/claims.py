"""Ownership claims: a person asks district staff to become the owner of an entry."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from migra_hub.mail import Link, Recipient, send_templated_mail
from organisations.models import (
    Organisation,
    OrganisationMembership,
    OwnershipClaim,
)
from organisations.services.common import (
    MAIL,
    Action,
    Role,
    TransitionNotAllowed,
    lock_entry,
    mail_reviewers,
    record_decision,
)


@transaction.atomic
def claim_create(
    *, organisation: Organisation, user: User, message: str, language: str = ""
) -> OwnershipClaim:
    claim, _created = OwnershipClaim.objects.get_or_create(
        organisation=organisation,
        user=user,
        status=OwnershipClaim.Status.PENDING,
        defaults={"message": message, "language": language},
    )
    context = {
        "organisation": organisation,
        "claim": claim,
        "url": Link("organisations:review_detail", {"slug": organisation.slug}),
    }
    mail_reviewers(organisation, MAIL + "claim_submitted", context)
    return claim


def _decide_claim(claim: OwnershipClaim, *, staff: User, approved: bool, reason: str) -> None:
    claim.status = OwnershipClaim.Status.APPROVED if approved else OwnershipClaim.Status.DECLINED
    claim.decided_by = staff
    claim.decided_at = timezone.now()
    claim.reason = reason
    claim.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    record_decision(
        claim.organisation,
        action=Action.CLAIM_APPROVED if approved else Action.CLAIM_DECLINED,
        staff=staff,
        message=f"{claim.user.email}: {reason}" if reason else claim.user.email,
        notify=False,
    )
    if approved:
        url = Link("organisations:manage", {"slug": claim.organisation.slug})
    else:
        url = Link("organisations:mine")
    context = {
        "organisation": claim.organisation,
        "claim": claim,
        "approved": approved,
        "url": url,
    }
    # The claimant's account language, else the language the claim was written in.
    recipients = [Recipient(email=claim.user.email, language=claim.user.language or claim.language)]
    send_templated_mail(MAIL + "claim_decided", recipients, context)


@transaction.atomic
def claim_approve(*, claim: OwnershipClaim, staff: User) -> OwnershipClaim:
    """The claimant becomes an owner of the entry (existing members keep their roles)."""
    claim = (
        OwnershipClaim.objects.select_for_update().select_related("organisation").get(pk=claim.pk)
    )
    if claim.status != OwnershipClaim.Status.PENDING:
        raise TransitionNotAllowed("the claim was decided already")
    organisation = lock_entry(claim.organisation)
    OrganisationMembership.objects.update_or_create(
        user=claim.user, organisation=organisation, defaults={"role": Role.OWNER}
    )
    if organisation.owner_left_at is not None:
        organisation.owner_left_at = None
        organisation.save(update_fields=["owner_left_at"])
    _decide_claim(claim, staff=staff, approved=True, reason="")
    return claim


@transaction.atomic
def claim_decline(*, claim: OwnershipClaim, staff: User, reason: str) -> OwnershipClaim:
    claim = (
        OwnershipClaim.objects.select_for_update().select_related("organisation").get(pk=claim.pk)
    )
    if claim.status != OwnershipClaim.Status.PENDING:
        raise TransitionNotAllowed("the claim was decided already")
    _decide_claim(claim, staff=staff, approved=False, reason=reason)
    return claim
