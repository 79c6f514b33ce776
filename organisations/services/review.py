"""District staff decide on entries: publish, ask for changes, reject, unpublish, archive,
verify, and deal with problem reports."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from organisations.models import (
    Organisation,
    ProblemReport,
)
from organisations.services.common import (
    REVIEW_CHANGE,
    Action,
    Status,
    TransitionNotAllowed,
    lock_entry,
    record_decision,
    save_version,
    transition,
)


def _decide(
    organisation: Organisation, step: str, action: str, *, staff: User, message: str
) -> Organisation:
    """A decision changes the status only: whatever else someone saved meanwhile stays."""
    organisation = transition(organisation, step)
    save_version(
        organisation, user=staff, reason=REVIEW_CHANGE, update_fields=["status", "updated_at"]
    )
    record_decision(organisation, action=action, staff=staff, message=message)
    return organisation


@transaction.atomic
def organisation_publish(
    *, organisation: Organisation, staff: User, message: str = ""
) -> Organisation:
    organisation = transition(organisation, "publish")
    now = timezone.now()
    organisation.published_at = organisation.published_at or now
    # Publication counts as a confirmation: the entry was just checked.
    organisation.last_confirmed_at = now
    save_version(
        organisation,
        user=staff,
        reason=REVIEW_CHANGE,
        update_fields=["status", "published_at", "last_confirmed_at", "updated_at"],
    )
    record_decision(organisation, action=Action.PUBLISHED, staff=staff, message=message)
    return organisation


@transaction.atomic
def organisation_request_changes(
    *, organisation: Organisation, staff: User, message: str
) -> Organisation:
    return _decide(
        organisation, "request_changes", Action.CHANGES_REQUESTED, staff=staff, message=message
    )


@transaction.atomic
def organisation_reject(*, organisation: Organisation, staff: User, reason: str) -> Organisation:
    return _decide(organisation, "reject", Action.REJECTED, staff=staff, message=reason)


@transaction.atomic
def organisation_unpublish(*, organisation: Organisation, staff: User, reason: str) -> Organisation:
    """Take a published entry offline; its members see the reason, edit and resubmit."""
    return _decide(organisation, "unpublish", Action.UNPUBLISHED, staff=staff, message=reason)


@transaction.atomic
def organisation_archive(*, organisation: Organisation, staff: User, reason: str) -> Organisation:
    """For organisations that no longer exist: off the directory, kept for the record."""
    return _decide(organisation, "archive", Action.ARCHIVED, staff=staff, message=reason)


@transaction.atomic
def organisation_set_verified(
    *, organisation: Organisation, staff: User, verified: bool
) -> Organisation:
    organisation = lock_entry(organisation)
    if organisation.status != Status.PUBLISHED:
        raise TransitionNotAllowed("only published entries are verified")
    if verified == (organisation.verified_at is not None):
        return organisation
    organisation.verified_at = timezone.now() if verified else None
    save_version(
        organisation, user=staff, reason=REVIEW_CHANGE, update_fields=["verified_at", "updated_at"]
    )
    record_decision(
        organisation, action=Action.VERIFIED if verified else Action.UNVERIFIED, staff=staff
    )
    return organisation


@transaction.atomic
def organisation_clear_owner_flag(*, organisation: Organisation, staff: User) -> Organisation:
    organisation = lock_entry(organisation)
    organisation.owner_left_at = None
    organisation.save(update_fields=["owner_left_at"])
    record_decision(organisation, action=Action.OWNER_FLAG_CLEARED, staff=staff, notify=False)
    return organisation


@transaction.atomic
def problem_report_create(
    *, organisation: Organisation, message: str, reporter_email: str = ""
) -> ProblemReport:
    """A visitor's note that the entry is wrong; it waits in the queue of the entry's district
    staff (who see it there, so no e-mail is sent)."""
    return ProblemReport.objects.create(
        organisation=organisation, message=message, reporter_email=reporter_email.strip()
    )


@transaction.atomic
def problem_report_resolve(*, report: ProblemReport, staff: User, note: str = "") -> ProblemReport:
    report = ProblemReport.objects.select_for_update().get(pk=report.pk)
    if report.resolved_at is not None:
        return report
    report.resolved_at = timezone.now()
    report.resolved_by = staff
    report.save(update_fields=["resolved_at", "resolved_by"])
    record_decision(
        report.organisation,
        action=Action.REPORT_RESOLVED,
        staff=staff,
        message=note or report.message,
        notify=False,
    )
    return report
