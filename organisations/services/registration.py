"""Registering an entry: create, edit, submit, delete, and what it needs before review."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.mail import Link
from migra_hub.slugs import reserved_path_segments, unique_slug
from organisations.access import EDITABLE_STATUSES
from organisations.directory_version import directory_changed
from organisations.models import (
    Organisation,
    OrganisationMembership,
    ReviewDecision,
)
from organisations.services.common import (
    DRAFT_CHANGE,
    IMPORT_CHANGE,
    IMPORT_DRAFT_CHANGE,
    MAIL,
    REVIEW_CHANGE,
    Action,
    EntryClosed,
    IncompleteEntry,
    Role,
    Status,
    TransitionNotAllowed,
    edit_reason,
    import_reason,
    lock_entry,
    mail_reviewers,
    save_version,
    tell_members_of_staff_edit,
    transition,
)
from organisations.services.data import OrganisationData, model_values, require
from organisations.services.versions import changed_fields, create_as_one_version, save_changes


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
def organisation_create(
    *,
    data: OrganisationData,
    user: User | None,
    status: str = Status.DRAFT,
    imported: bool = False,
    import_source: str = "",
    public_id: uuid.UUID | None = None,
    by_district_office: bool = False,
) -> Organisation:
    """A new entry (a draft unless ``status`` says published). The person who creates it
    becomes its owner; imports, the demo data and district staff (``by_district_office``)
    create entries without one."""
    require(data, "name", "kind")
    if status not in (Status.DRAFT, Status.PUBLISHED):
        raise TransitionNotAllowed(f"a new entry cannot be {status}")
    plain, many = model_values(Organisation, data.given())
    organisation = Organisation(
        **plain, status=status, entered_by_district_office=by_district_office
    )
    organisation.slug = organisation_slug(organisation.name)
    if status == Status.PUBLISHED:
        organisation.published_at = timezone.now()
    if public_id is not None:
        organisation.uuid = public_id
    if imported:
        code = IMPORT_CHANGE if status == Status.PUBLISHED else IMPORT_DRAFT_CHANGE
        reason = import_reason(code, import_source)
    elif by_district_office:
        reason = REVIEW_CHANGE
    else:
        reason = DRAFT_CHANGE
    create_as_one_version(organisation, many, user=user, reason=reason)
    if user is not None and not by_district_office:
        OrganisationMembership.objects.create(user=user, organisation=organisation, role=Role.OWNER)
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    data: OrganisationData,
    user: User | None,
    loaded_version: int | None = None,
    imported: bool = False,
    import_source: str = "",
) -> Organisation:
    """Save an edit of the entry's content; returns the entry as saved.

    Only fields that differ are written, under the entry's row lock, so a decision taken
    meanwhile (status, publication, verification) stays as it is. Changes to a published
    entry go live at once and are logged. Raises ``EditConflict`` when someone else changed
    the same fields since ``loaded_version``, and ``EntryClosed`` when the entry was rejected
    or archived since the caller read it.
    """
    current = lock_entry(organisation)
    if current.status not in EDITABLE_STATUSES and organisation.status in EDITABLE_STATUSES:
        raise EntryClosed(f"the entry is {current.status} now")
    given = data.given()
    names = changed_fields(current, given, loaded_version=loaded_version)
    if names:
        reason = edit_reason(current, imported=imported, source=import_source)
        save_changes(current, given, names, user=user, reason=reason)
        tell_members_of_staff_edit(current, fields=names, editor=user)
    return current


@transaction.atomic
def organisation_submit(*, organisation: Organisation, user: User) -> Organisation:
    # Checked on the entry as saved now, under its lock: an edit may have just landed.
    current = lock_entry(organisation)
    missing = missing_essentials(current)
    if missing:
        raise IncompleteEntry(missing)
    resubmission = current.status == Status.CHANGES_REQUESTED
    organisation = transition(current, "submit")
    organisation.submitted_at = timezone.now()
    save_version(
        organisation,
        user=user,
        reason=REVIEW_CHANGE,
        update_fields=["status", "submitted_at", "updated_at"],
    )
    context = {
        "organisation": organisation,
        "submitted_by": user,
        "resubmission": resubmission,
        "url": Link("organisations:review_detail", {"slug": organisation.slug}),
    }
    mail_reviewers(organisation, MAIL + "submitted", context)
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
    save_version(
        organisation, user=user, reason=REVIEW_CHANGE, update_fields=["status", "updated_at"]
    )
    ReviewDecision.objects.create(
        organisation=organisation,
        action=Action.ARCHIVED,
        message=str(_("Archived by an owner of the organisation.")),
        decided_by=user,
    )
    return True


@transaction.atomic
def organisation_delete_for_good(*, organisation: Organisation, staff: User) -> None:
    """Remove an entry with everything that hangs on it (offers, members, decisions, claims),
    also one that was public: unlike an owner's deletion, nothing is archived. The directory's
    cached counts and filter values are stale from then on."""
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    locked._history_user = staff  # type: ignore[attr-defined]
    locked.delete()
    directory_changed()
