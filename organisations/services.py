"""Writes of the organisations app: registration, review, members, claims, freshness.

Every state change is a keyword-only function here. Each runs in one transaction, takes a row
lock on the entry it changes, and sends its e-mails only once the transaction has committed.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.forms import ModelForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.mail import Link, Recipient, recipient, send_templated_mail
from migra_hub.slugs import reserved_path_segments, unique_slug
from organisations.models import (
    REMINDER_AFTER,
    REMINDER_INTERVAL,
    Invitation,
    Offer,
    Organisation,
    OrganisationMembership,
    OwnershipClaim,
    ProblemReport,
    ReviewDecision,
)
from organisations.search import organisation_search_refresh

Status = Organisation.Status
Role = OrganisationMembership.Role
Action = ReviewDecision.Action
MAIL = "organisations/email/"

# Reasons stored with each version in the history; the staff's change log lists "live" ones.
LIVE_CHANGE = "live"
REVIEW_CHANGE = "review"
REVERT_CHANGE = "revert"
DRAFT_CHANGE = "draft"


class TransitionNotAllowed(Exception):
    """The entry is not in a state from which this step is possible."""


class IncompleteEntry(Exception):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing


class LastOwnerError(Exception):
    """An organisation always keeps at least one owner."""


class InvitationError(Exception):
    EXPIRED = "expired"
    USED = "used"
    WRONG_ACCOUNT = "wrong_account"
    ALREADY_MEMBER = "already_member"

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# Which step is allowed from which status, and where it leads. Tested for every pair.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.PENDING),
    "publish": (frozenset({Status.PENDING}), Status.PUBLISHED),
    "request_changes": (frozenset({Status.PENDING}), Status.CHANGES_REQUESTED),
    "reject": (frozenset({Status.PENDING}), Status.REJECTED),
    "unpublish": (frozenset({Status.PUBLISHED}), Status.CHANGES_REQUESTED),
    "archive": (
        frozenset({Status.PUBLISHED, Status.CHANGES_REQUESTED, Status.REJECTED}),
        Status.ARCHIVED,
    ),
}


def can_transition(organisation: Organisation, step: str) -> bool:
    return organisation.status in TRANSITIONS[step][0]


def _locked(organisation: Organisation) -> Organisation:
    """Re-read the entry under a row lock so two staff members cannot decide at once."""
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def _transition(organisation: Organisation, step: str) -> Organisation:
    locked = _locked(organisation)
    allowed_from, target = TRANSITIONS[step]
    if locked.status not in allowed_from:
        raise TransitionNotAllowed(f"{step} is not possible from {locked.status}")
    locked.status = target
    return locked


def _save_version(instance: Model, *, user: User | None, reason: str, **kwargs: Any) -> None:
    instance._history_user = user  # type: ignore[attr-defined]
    instance._change_reason = reason  # type: ignore[attr-defined]
    instance.save(**kwargs)
    _refresh_search(instance)


def _refresh_search(instance: Model) -> None:
    """Every saved change of an entry or an offer updates what the directory finds."""
    if isinstance(instance, Organisation):
        organisation_id = instance.pk
    else:
        organisation_id = instance.organisation_id  # type: ignore[attr-defined]
    organisation_search_refresh(organisation_ids=[organisation_id])


def _save_form_as_one_version(form: ModelForm, *, user: User, reason: str) -> Model:
    """Save a model form with its many-to-many fields as a single version in the history.

    Without this, every ``set()`` of a many-to-many field would add a version of its own.
    """
    instance = form.save(commit=False)
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        instance.save()
        form.save_m2m()
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    _save_version(instance, user=user, reason=reason, update_fields=["updated_at"])
    return instance


def _after_commit(send: Callable[[], Any]) -> None:
    transaction.on_commit(send)


def _member_recipients(organisation: Organisation, *, role: str | None = None) -> list[Recipient]:
    members = User.objects.filter(organisation_memberships__organisation=organisation)
    if role:
        members = members.filter(organisation_memberships__role=role)
    return [recipient(user) for user in members.only("email", "language")]


def _staff_recipients(organisation: Organisation) -> list[Recipient]:
    staff = User.objects.filter(
        district_staff_roles__district__in=organisation.districts.all(), is_active=True
    ).distinct()
    return [recipient(user) for user in staff.only("email", "language")]


def organisation_slug(name: str, *, exclude_pk: int | None = None) -> str:
    """A free address for an entry, never one of the fixed pages beside its own."""
    return unique_slug(
        name,
        queryset=Organisation,
        max_length=Organisation._meta.get_field("slug").max_length or 50,
        fallback="organisation",
        reserved=reserved_path_segments(namespace="organisations"),
        exclude_pk=exclude_pk,
    )


# --- Registration ----------------------------------------------------------------------------


def missing_essentials(organisation: Organisation) -> list[str]:
    """What an entry still needs before it can be submitted (names of fields, translated)."""
    missing = []
    if not organisation.description.strip():
        missing.append(str(_("description")))
    if not organisation.districts.exists():
        missing.append(str(_("districts served")))
    if not (organisation.email or organisation.phone or organisation.website):
        missing.append(str(_("a way to contact you (e-mail, phone or website)")))
    if not organisation.no_public_address and not (
        organisation.street and organisation.postcode and organisation.locality
    ):
        missing.append(str(_("address, or “no public address”")))
    return missing


@transaction.atomic
def organisation_create(*, form: ModelForm, user: User) -> Organisation:
    """A new draft entry; the person who creates it becomes its owner."""
    organisation: Organisation = form.instance
    organisation.slug = organisation_slug(organisation.name)
    organisation.status = Status.DRAFT
    _save_form_as_one_version(form, user=user, reason=DRAFT_CHANGE)
    OrganisationMembership.objects.create(user=user, organisation=organisation, role=Role.OWNER)
    return organisation


@transaction.atomic
def organisation_update(*, form: ModelForm, user: User) -> Organisation:
    """Save a member's edit. Changes to a published entry go live at once and are logged."""
    organisation: Organisation = form.instance
    reason = LIVE_CHANGE if organisation.status == Status.PUBLISHED else DRAFT_CHANGE
    _save_form_as_one_version(form, user=user, reason=reason)
    return organisation


@transaction.atomic
def organisation_submit(*, organisation: Organisation, user: User) -> Organisation:
    missing = missing_essentials(organisation)
    if missing:
        raise IncompleteEntry(missing)
    resubmission = organisation.status == Status.CHANGES_REQUESTED
    organisation = _transition(organisation, "submit")
    organisation.submitted_at = timezone.now()
    _save_version(organisation, user=user, reason=REVIEW_CHANGE)
    context = {
        "organisation": organisation,
        "submitted_by": user,
        "resubmission": resubmission,
        "url": Link("organisations:review_detail", {"slug": organisation.slug}),
    }
    recipients = _staff_recipients(organisation)
    _after_commit(lambda: send_templated_mail(MAIL + "submitted", recipients, context))
    return organisation


@transaction.atomic
def organisation_delete(*, organisation: Organisation, user: User) -> bool:
    """The owner deletes the entry. One that was never public is gone for good; one that was
    public is archived instead, so that staff can still see what was online. True if kept."""
    organisation = _locked(organisation)
    if organisation.published_at is None:
        organisation._history_user = user  # type: ignore[attr-defined]
        organisation.delete()
        return False
    organisation.status = Status.ARCHIVED
    _save_version(organisation, user=user, reason=REVIEW_CHANGE)
    ReviewDecision.objects.create(
        organisation=organisation,
        action=Action.ARCHIVED,
        message=str(_("Archived by an owner of the organisation.")),
        decided_by=user,
    )
    return True


# --- Review decisions ------------------------------------------------------------------------


def _decide(
    organisation: Organisation,
    *,
    action: str,
    staff: User,
    message: str = "",
    notify: bool = True,
) -> ReviewDecision:
    decision = ReviewDecision.objects.create(
        organisation=organisation, action=action, message=message, decided_by=staff
    )
    if notify:
        context = {
            "organisation": organisation,
            "decision": decision,
            "action": action,
            "message": message,
            "manage_url": Link("organisations:manage", {"slug": organisation.slug}),
            "public_url": Link("organisations:detail", {"slug": organisation.slug}),
        }
        recipients = _member_recipients(organisation)
        _after_commit(lambda: send_templated_mail(MAIL + "decision", recipients, context))
    return decision


@transaction.atomic
def organisation_publish(
    *, organisation: Organisation, staff: User, message: str = ""
) -> Organisation:
    organisation = _transition(organisation, "publish")
    now = timezone.now()
    organisation.published_at = organisation.published_at or now
    # Publication counts as a confirmation: the entry was just checked.
    organisation.last_confirmed_at = now
    _save_version(organisation, user=staff, reason=REVIEW_CHANGE)
    _decide(organisation, action=Action.PUBLISHED, staff=staff, message=message)
    return organisation


@transaction.atomic
def organisation_request_changes(
    *, organisation: Organisation, staff: User, message: str
) -> Organisation:
    organisation = _transition(organisation, "request_changes")
    _save_version(organisation, user=staff, reason=REVIEW_CHANGE)
    _decide(organisation, action=Action.CHANGES_REQUESTED, staff=staff, message=message)
    return organisation


@transaction.atomic
def organisation_reject(*, organisation: Organisation, staff: User, reason: str) -> Organisation:
    organisation = _transition(organisation, "reject")
    _save_version(organisation, user=staff, reason=REVIEW_CHANGE)
    _decide(organisation, action=Action.REJECTED, staff=staff, message=reason)
    return organisation


@transaction.atomic
def organisation_unpublish(*, organisation: Organisation, staff: User, reason: str) -> Organisation:
    """Take a published entry offline; its members see the reason, edit and resubmit."""
    organisation = _transition(organisation, "unpublish")
    _save_version(organisation, user=staff, reason=REVIEW_CHANGE)
    _decide(organisation, action=Action.UNPUBLISHED, staff=staff, message=reason)
    return organisation


@transaction.atomic
def organisation_archive(*, organisation: Organisation, staff: User, reason: str) -> Organisation:
    """For organisations that no longer exist: off the directory, kept for the record."""
    organisation = _transition(organisation, "archive")
    _save_version(organisation, user=staff, reason=REVIEW_CHANGE)
    _decide(organisation, action=Action.ARCHIVED, staff=staff, message=reason)
    return organisation


@transaction.atomic
def organisation_set_verified(
    *, organisation: Organisation, staff: User, verified: bool
) -> Organisation:
    organisation = _locked(organisation)
    if organisation.status != Status.PUBLISHED:
        raise TransitionNotAllowed("only published entries are verified")
    if verified == (organisation.verified_at is not None):
        return organisation
    organisation.verified_at = timezone.now() if verified else None
    _save_version(organisation, user=staff, reason=REVIEW_CHANGE)
    _decide(organisation, action=Action.VERIFIED if verified else Action.UNVERIFIED, staff=staff)
    return organisation


@transaction.atomic
def organisation_clear_owner_flag(*, organisation: Organisation, staff: User) -> Organisation:
    organisation = _locked(organisation)
    organisation.owner_left_at = None
    organisation.save(update_fields=["owner_left_at"])
    _decide(organisation, action=Action.OWNER_FLAG_CLEARED, staff=staff, notify=False)
    return organisation


@transaction.atomic
def problem_report_resolve(*, report: ProblemReport, staff: User, note: str = "") -> ProblemReport:
    report = ProblemReport.objects.select_for_update().get(pk=report.pk)
    if report.resolved_at is not None:
        return report
    report.resolved_at = timezone.now()
    report.resolved_by = staff
    report.save(update_fields=["resolved_at", "resolved_by"])
    _decide(
        report.organisation,
        action=Action.REPORT_RESOLVED,
        staff=staff,
        message=note or report.message,
        notify=False,
    )
    return report


# --- Change log and revert -------------------------------------------------------------------


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str


def _display(record: Any, field_name: str, value: Any) -> str:
    field = record.instance_type._meta.get_field(field_name)
    if field.many_to_many:
        related = field.related_model
        ids = [row[field.m2m_reverse_field_name()] for row in value] if value else []
        return ", ".join(str(obj) for obj in related.objects.filter(pk__in=ids)) or "–"
    if field.is_relation:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes")) if value else str(_("no"))
    return str(value) if value not in (None, "") else "–"


def record_changes(record: Any) -> list[FieldChange]:
    """What one version changed against the version before it (empty for the first one)."""
    previous = record.prev_record
    if previous is None or record.history_type == "-":
        return []
    delta = record.diff_against(previous)
    changes = []
    for change in delta.changes:
        field = record.instance_type._meta.get_field(change.field)
        old, new = change.old, change.new
        if field.many_to_many:
            old = [{field.m2m_reverse_field_name(): _m2m_target_id(row, field)} for row in old]
            new = [{field.m2m_reverse_field_name(): _m2m_target_id(row, field)} for row in new]
        changes.append(
            FieldChange(
                field=change.field,
                label=str(field.verbose_name),
                old=_display(record, change.field, old),
                new=_display(record, change.field, new),
            )
        )
    return changes


def _m2m_target_id(row: dict[str, Any], field: Any) -> Any:
    name = field.m2m_reverse_field_name()
    return row.get(name, row.get(f"{name}_id"))


@transaction.atomic
def history_revert(*, record: Any, staff: User) -> Model:
    """Put back the values a logged change replaced (only the fields that change touched).

    Works for versions of an organisation and of an offer; a deleted offer is restored, an
    offer added by the change is deleted.
    """
    model = record.instance_type
    organisation_id = record.id if model is Organisation else record.organisation_id
    organisation = _locked(Organisation(pk=organisation_id))
    previous = record.prev_record
    if model is Offer and record.history_type == "-":
        # The deletion's own snapshot has the last values but no longer any m2m rows.
        restored = record.instance
        _save_version(restored, user=staff, reason=REVERT_CHANGE)
        if previous is not None:
            _restore_m2m(restored, previous, None)
        instance: Model = restored
    elif model is Offer and previous is None:
        offer = Offer.objects.filter(pk=record.id).first()
        if offer is None:
            raise TransitionNotAllowed("the offer is gone already")
        instance = offer
        instance._history_user = staff  # type: ignore[attr-defined]
        instance._change_reason = REVERT_CHANGE  # type: ignore[attr-defined]
        instance.delete()
    else:
        if previous is None:
            raise TransitionNotAllowed("the first version cannot be reverted")
        current = model.objects.filter(pk=record.id).first()
        if current is None:
            raise TransitionNotAllowed("the entry is gone")
        instance = current
        delta = record.diff_against(previous)
        m2m_names = {field.name for field in previous._history_m2m_fields}
        instance.skip_history_when_saving = True  # type: ignore[attr-defined]
        try:
            for name in delta.changed_fields:
                if name not in m2m_names:
                    field = model._meta.get_field(name)
                    setattr(instance, field.attname, getattr(previous, field.attname))
            instance.save()
            _restore_m2m(instance, previous, set(delta.changed_fields) & m2m_names)
        finally:
            del instance.skip_history_when_saving  # type: ignore[attr-defined]
        _save_version(instance, user=staff, reason=REVERT_CHANGE)
    _decide(
        organisation if model is not Organisation else instance,  # type: ignore[arg-type]
        action=Action.REVERTED,
        staff=staff,
        message=str(record.history_object) if model is Offer else "",
    )
    organisation_search_refresh(organisation_ids=[organisation_id])
    return instance


def _restore_m2m(instance: Model, version: Any, names: set[str] | None) -> None:
    for field in version._history_m2m_fields:
        if names is not None and field.name not in names:
            continue
        ids = [_m2m_target_id(row, field) for row in getattr(version, field.name).values()]
        getattr(instance, field.name).set([pk for pk in ids if pk is not None])


# --- Offers ----------------------------------------------------------------------------------


def _offer_reason(organisation: Organisation) -> str:
    return LIVE_CHANGE if organisation.status == Status.PUBLISHED else DRAFT_CHANGE


@transaction.atomic
def offer_save(*, form: ModelForm, organisation: Organisation, user: User) -> Offer:
    form.instance.organisation = organisation
    return _save_form_as_one_version(  # type: ignore[return-value]
        form, user=user, reason=_offer_reason(organisation)
    )


@transaction.atomic
def offer_delete(*, offer: Offer, user: User) -> None:
    offer._history_user = user  # type: ignore[attr-defined]
    offer._change_reason = _offer_reason(offer.organisation)  # type: ignore[attr-defined]
    offer.delete()
    _refresh_search(offer)


# --- Members ---------------------------------------------------------------------------------


def _owner_count(organisation: Organisation) -> int:
    return organisation.memberships.filter(role=Role.OWNER).count()


def _lock_memberships(organisation: Organisation) -> None:
    # Locking the entry serialises all member changes of one organisation.
    _locked(organisation)


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
    _after_commit(lambda: send_templated_mail(MAIL + "invitation", recipients, context))
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


# --- Claims ----------------------------------------------------------------------------------


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
    recipients = _staff_recipients(organisation)
    _after_commit(lambda: send_templated_mail(MAIL + "claim_submitted", recipients, context))
    return claim


def _decide_claim(claim: OwnershipClaim, *, staff: User, approved: bool, reason: str) -> None:
    claim.status = OwnershipClaim.Status.APPROVED if approved else OwnershipClaim.Status.DECLINED
    claim.decided_by = staff
    claim.decided_at = timezone.now()
    claim.reason = reason
    claim.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    _decide(
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
    _after_commit(lambda: send_templated_mail(MAIL + "claim_decided", recipients, context))


@transaction.atomic
def claim_approve(*, claim: OwnershipClaim, staff: User) -> OwnershipClaim:
    """The claimant becomes an owner of the entry (existing members keep their roles)."""
    claim = (
        OwnershipClaim.objects.select_for_update().select_related("organisation").get(pk=claim.pk)
    )
    if claim.status != OwnershipClaim.Status.PENDING:
        raise TransitionNotAllowed("the claim was decided already")
    organisation = _locked(claim.organisation)
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


# --- Keeping entries current -----------------------------------------------------------------


@transaction.atomic
def organisation_confirm_current(*, organisation: Organisation, user: User) -> Organisation:
    """One click: "the entry is still correct". Not a content change, so not a new version."""
    now = timezone.now()
    Organisation.objects.filter(pk=organisation.pk).update(last_confirmed_at=now)
    organisation.last_confirmed_at = now
    return organisation


def organisations_due_for_reminder(now: datetime.datetime) -> Any:
    from django.db.models import Q

    return (
        Organisation.objects.unconfirmed_since(now - REMINDER_AFTER)
        .filter(
            Q(confirmation_reminded_at__isnull=True)
            | Q(confirmation_reminded_at__lt=now - REMINDER_INTERVAL)
        )
        .filter(memberships__role=Role.OWNER)
        .distinct()
    )


def confirmation_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Mail the owners of every entry unconfirmed for 12 months; each entry once a month."""
    now = now or timezone.now()
    sent = 0
    for organisation in organisations_due_for_reminder(now).order_by("pk"):
        with transaction.atomic():
            locked = _locked(organisation)
            if locked.confirmation_reminded_at and (
                locked.confirmation_reminded_at >= now - REMINDER_INTERVAL
            ):
                continue  # another process reminded it meanwhile
            Organisation.objects.filter(pk=locked.pk).update(confirmation_reminded_at=now)
            context = {
                "organisation": locked,
                "confirmed_at": locked.confirmed_or_published_at,
                "url": Link("organisations:manage", {"slug": locked.slug}),
            }
            owners = _member_recipients(locked, role=Role.OWNER)
            sent += send_templated_mail(MAIL + "reminder", owners, context)
    return sent


# --- Accounts: what the privacy pages need ---------------------------------------------------


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
