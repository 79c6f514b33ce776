"""Registering an entry: create, edit, submit, delete, and what it needs before review."""

from __future__ import annotations

from django.db import transaction
from django.forms import ModelForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.mail import Link, send_templated_mail
from migra_hub.slugs import reserved_path_segments, unique_slug
from organisations.models import (
    Organisation,
    OrganisationMembership,
    ReviewDecision,
)
from organisations.services.common import (
    DRAFT_CHANGE,
    LIVE_CHANGE,
    MAIL,
    REVIEW_CHANGE,
    Action,
    IncompleteEntry,
    Role,
    Status,
    lock_entry,
    save_form_as_one_version,
    save_version,
    staff_recipients,
    transition,
)


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
    save_form_as_one_version(form, user=user, reason=DRAFT_CHANGE)
    OrganisationMembership.objects.create(user=user, organisation=organisation, role=Role.OWNER)
    return organisation


@transaction.atomic
def organisation_update(*, form: ModelForm, user: User) -> Organisation:
    """Save a member's edit. Changes to a published entry go live at once and are logged."""
    organisation: Organisation = form.instance
    reason = LIVE_CHANGE if organisation.status == Status.PUBLISHED else DRAFT_CHANGE
    save_form_as_one_version(form, user=user, reason=reason)
    return organisation


@transaction.atomic
def organisation_submit(*, organisation: Organisation, user: User) -> Organisation:
    missing = missing_essentials(organisation)
    if missing:
        raise IncompleteEntry(missing)
    resubmission = organisation.status == Status.CHANGES_REQUESTED
    organisation = transition(organisation, "submit")
    organisation.submitted_at = timezone.now()
    save_version(organisation, user=user, reason=REVIEW_CHANGE)
    context = {
        "organisation": organisation,
        "submitted_by": user,
        "resubmission": resubmission,
        "url": Link("organisations:review_detail", {"slug": organisation.slug}),
    }
    recipients = staff_recipients(organisation)
    send_templated_mail(MAIL + "submitted", recipients, context)
    return organisation


@transaction.atomic
def organisation_delete(*, organisation: Organisation, user: User) -> bool:
    """The owner deletes the entry. One that was never public is gone for good; one that was
    public is archived instead, so that staff can still see what was online. True if kept."""
    organisation = lock_entry(organisation)
    if organisation.published_at is None:
        organisation._history_user = user  # type: ignore[attr-defined]
        organisation.delete()
        return False
    organisation.status = Status.ARCHIVED
    save_version(organisation, user=user, reason=REVIEW_CHANGE)
    ReviewDecision.objects.create(
        organisation=organisation,
        action=Action.ARCHIVED,
        message=str(_("Archived by an owner of the organisation.")),
        decided_by=user,
    )
    return True
