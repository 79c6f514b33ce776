"""What the services of this app share: statuses, reasons of versions, errors, the
workflow table, row locks, saving a version and recording a staff decision."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, Q
from django.utils.translation import gettext

from accounts.models import User
from migra_hub.mail import Link, Recipient, recipient, send_templated_mail
from organisations.access import first_reviewers
from organisations.models import (
    District,
    Organisation,
    OrganisationMembership,
    ReviewDecision,
    ReviewerMailSetting,
)
from organisations.search import organisation_search_refresh

Status = Organisation.Status
Role = OrganisationMembership.Role
Action = ReviewDecision.Action

MAIL = "organisations/email/"

# Why a version was saved, stored with it in the history. The staff's change log lists the
# changes that went online at once: edits and imports of published entries.
LIVE_CHANGE = "live"
IMPORT_CHANGE = "import"
REVIEW_CHANGE = "review"
REVERT_CHANGE = "revert"
DRAFT_CHANGE = "draft"
IMPORT_DRAFT_CHANGE = "import-draft"
LOGGED_CHANGES = (LIVE_CHANGE, IMPORT_CHANGE)


def edit_reason(organisation: Organisation, *, imported: bool, source: str = "") -> str:
    """The reason of a content change, from the entry's status read under its lock."""
    if organisation.status == Status.PUBLISHED:
        return import_reason(IMPORT_CHANGE, source) if imported else LIVE_CHANGE
    return import_reason(IMPORT_DRAFT_CHANGE, source) if imported else DRAFT_CHANGE


def import_reason(code: str, source: str) -> str:
    """An import names the file it came from: "import pankow.xlsx" (the reason holds 100
    characters)."""
    return f"{code} {source}"[:100] if source else code


def import_source(reason: str | None) -> str | None:
    """The file a version was imported from ("" if it was not named); None: not an import."""
    for code in (IMPORT_DRAFT_CHANGE, IMPORT_CHANGE):
        if reason == code or (reason or "").startswith(f"{code} "):
            return (reason or "")[len(code) + 1 :]
    return None


def logged_changes() -> Q:
    """The versions the staff's change log lists: changes that went online at once, edits
    and imports of published entries (an import with or without its file's name)."""
    return Q(history_change_reason__in=LOGGED_CHANGES) | Q(
        history_change_reason__startswith=f"{IMPORT_CHANGE} "
    )


class TransitionNotAllowed(Exception):
    """The entry is not in a state from which this step is possible."""


class IncompleteEntry(Exception):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing

    def message(self) -> str:
        """What to add first, for the person who tried to submit or publish."""
        return gettext("Please add first: %(missing)s.") % {"missing": ", ".join(self.missing)}


class EntryClosed(TransitionNotAllowed):
    """The entry was rejected or archived while someone was editing it; nothing was saved."""


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


def lock_entry(organisation: Organisation) -> Organisation:
    """Re-read the entry under a row lock so two staff members cannot decide at once."""
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def transition(organisation: Organisation, step: str) -> Organisation:
    current = lock_entry(organisation)
    allowed_from, target = TRANSITIONS[step]
    if current.status not in allowed_from:
        raise TransitionNotAllowed(f"{step} is not possible from {current.status}")
    current.status = target
    return current


def save_version(instance: Model, *, user: User | None, reason: str, **kwargs: Any) -> None:
    instance._history_user = user  # type: ignore[attr-defined]
    instance._change_reason = reason  # type: ignore[attr-defined]
    instance.save(**kwargs)
    refresh_search(instance)


def refresh_search(instance: Model) -> None:
    """Every saved change of an entry or an offer updates what the directory finds."""
    if isinstance(instance, Organisation):
        organisation_id = instance.pk
    else:
        organisation_id = instance.organisation_id  # type: ignore[attr-defined]
    organisation_search_refresh(organisation_ids=[organisation_id])


def member_recipients(organisation: Organisation, *, role: str | None = None) -> list[Recipient]:
    members = User.objects.filter(organisation_memberships__organisation=organisation)
    if role:
        members = members.filter(organisation_memberships__role=role)
    return [recipient(user) for user in members.only("email", "language")]


def mail_reviewers(organisation: Organisation, template: str, context: dict[str, Any]) -> None:
    """Tell the entry's first reviewers that something waits, each in their language, except
    those who chose the daily digest instead (``send_staff_digest``)."""
    reviewers = first_reviewers(organisation).exclude(
        reviewer_mail_setting__frequency=ReviewerMailSetting.Frequency.DIGEST
    )
    staffed = District.objects.filter(organisations=organisation, staff__isnull=False)
    city_wide = not staffed.exists()
    recipients = [recipient(user) for user in reviewers.only("email", "language", "name")]
    # The staff workspace (a higher app) is named by its URL only.
    staff_home = Link("workspace:home")
    send_templated_mail(
        template, recipients, {**context, "city_wide": city_wide, "staff_home_url": staff_home}
    )


def record_decision(
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
        recipients = member_recipients(organisation)
        send_templated_mail(MAIL + "decision", recipients, context)
    return decision


def tell_members_of_staff_edit(
    organisation: Organisation, *, fields: list[str], editor: User | None
) -> None:
    """When someone who is not a member (district staff) changed the entry, its members hear
    which fields changed; an entry without members (entered by staff) has nobody to tell."""
    if editor is None or not fields:
        return
    if organisation.memberships.filter(user=editor).exists():
        return
    recipients = member_recipients(organisation)
    if not recipients:
        return
    labels = [
        str(getattr(Organisation._meta.get_field(name), "verbose_name", name)) for name in fields
    ]
    context = {
        "organisation": organisation,
        "fields": labels,
        "manage_url": Link("organisations:manage", {"slug": organisation.slug}),
        "public_url": Link("organisations:detail", {"slug": organisation.slug}),
    }
    send_templated_mail(MAIL + "staff_edited", recipients, context)
