"""Members of an entry: roles, leaving, handing over ownership, invitations."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from migra_hub.mail import Link, Recipient, send_templated_mail
from organisations.models import (
    Invitation,
    Organisation,
    OrganisationMembership,
)
from organisations.services.common import (
    MAIL,
    InvitationError,
    LastOwnerError,
    Role,
    lock_entry,
)


def _owner_count(organisation: Organisation) -> int:
    return organisation.memberships.filter(role=Role.OWNER).count()


def _lock_memberships(organisation: Organisation) -> None:
    # Locking the entry serialises all member changes of one organisation.
    lock_entry(organisation)


@transaction.atomic
def membership_change_role(
    *, membership: OrganisationMembership, role: str, by: User
) -> OrganisationMembership:
    _lock_memberships(membership.organisation)
    membership.refresh_from_db()
    if (
        membership.role == Role.OWNER
        and role != Role.OWNER
        and _owner_count(membership.organisation) == 1
    ):
        raise LastOwnerError
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: OrganisationMembership, by: User) -> None:
    """Remove a member (or, when ``by`` is the member, leave). The last owner stays."""
    _lock_memberships(membership.organisation)
    membership.refresh_from_db()
    if membership.role == Role.OWNER and _owner_count(membership.organisation) == 1:
        raise LastOwnerError
    membership.delete()


@transaction.atomic
def ownership_hand_over(
    *, organisation: Organisation, from_user: User, to: OrganisationMembership
) -> None:
    """The new person becomes owner, the previous owner stays on as editor."""
    _lock_memberships(organisation)
    current = organisation.memberships.get(user=from_user, role=Role.OWNER)
    to.refresh_from_db()
    if to.pk == current.pk:
        return
    to.role = Role.OWNER
    to.save(update_fields=["role"])
    current.role = Role.EDITOR
    current.save(update_fields=["role"])


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User,
    language: str | None = None,
) -> tuple[Invitation, str]:
    """Store the invitation (with a hash of its token) and mail the link with the token."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email.strip().lower(),
        role=role,
        token_hash=_token_hash(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + Invitation.VALID_FOR,
    )
    context = {
        "organisation": organisation,
        "invitation": invitation,
        "invited_by": invited_by,
        "url": Link("organisations:invitation", {"token": token}),
    }
    # An invited account holder reads it in their language; anyone else in the inviter's.
    account_language = (
        User.objects.filter(email__iexact=invitation.email)
        .values_list("language", flat=True)
        .first()
    )
    recipients = [Recipient(email=invitation.email, language=account_language or language or "")]
    send_templated_mail(MAIL + "invitation", recipients, context)
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=_token_hash(token))
        .first()
    )


def user_has_address(user: User, email: str) -> bool:
    """Does the account own this (verified) e-mail address?"""
    from allauth.account.models import EmailAddress

    email = email.lower()
    return (
        user.email.lower() == email
        or EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> OrganisationMembership:
    """Join with the invited role. Only the account that owns the invited address may join."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationError(InvitationError.USED)
    if invitation.is_expired:
        raise InvitationError(InvitationError.EXPIRED)
    if not user_has_address(user, invitation.email):
        raise InvitationError(InvitationError.WRONG_ACCOUNT)
    if invitation.organisation.memberships.filter(user=user).exists():
        raise InvitationError(InvitationError.ALREADY_MEMBER)
    membership = OrganisationMembership.objects.create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_cancel(*, invitation: Invitation) -> None:
    invitation.delete()
