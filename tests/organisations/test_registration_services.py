"""Every state transition of an entry as a plain function: allowed, forbidden, mailed, recorded."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from organisations import services
from organisations.models import Offer, Organisation, ReviewDecision
from tests.conftest import Cast
from tests.factories import (
    DistrictStaffFactory,
    LanguageFactory,
    MembershipFactory,
    OfferFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

Status = Organisation.Status
ALL_STATUSES = list(Status.values)
ALLOWED = {step: {str(s) for s in allowed} for step, (allowed, _t) in services.TRANSITIONS.items()}


def run_step(step: str, organisation: Organisation, cast: Cast) -> Organisation:
    if step == "submit":
        return services.organisation_submit(organisation=organisation, user=cast.owner)
    if step == "publish":
        return services.organisation_publish(organisation=organisation, staff=cast.staff)
    if step == "request_changes":
        return services.organisation_request_changes(
            organisation=organisation, staff=cast.staff, message="Please add a phone number."
        )
    if step == "reject":
        return services.organisation_reject(
            organisation=organisation, staff=cast.staff, reason="Not an organisation."
        )
    if step == "unpublish":
        return services.organisation_unpublish(
            organisation=organisation, staff=cast.staff, reason="Wrong address."
        )
    return services.organisation_archive(
        organisation=organisation, staff=cast.staff, reason="Dissolved."
    )


@pytest.mark.parametrize("step", list(services.TRANSITIONS))
@pytest.mark.parametrize("status", ALL_STATUSES)
def test_each_step_is_allowed_exactly_from_its_statuses(cast: Cast, step: str, status: str) -> None:
    organisation = cast.organisation
    Organisation.objects.filter(pk=organisation.pk).update(status=status)
    organisation.refresh_from_db()
    if status in ALLOWED[step]:
        result = run_step(step, organisation, cast)
        assert result.status == services.TRANSITIONS[step][1]
        organisation.refresh_from_db()
        assert organisation.status == services.TRANSITIONS[step][1]
    else:
        with pytest.raises(services.TransitionNotAllowed):
            run_step(step, organisation, cast)
        organisation.refresh_from_db()
        assert organisation.status == status
        assert not organisation.review_decisions.exists()


def test_an_incomplete_draft_cannot_be_submitted(cast: Cast) -> None:
    draft = draft_organisation(description="", email="", districts=[cast.district])
    with pytest.raises(services.IncompleteEntry) as error:
        services.organisation_submit(organisation=draft, user=cast.owner)
    assert len(error.value.missing) == 2
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_submitting_mails_the_staff_of_the_entrys_districts_only(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    second_staff = DistrictStaffFactory(district=cast.district).user
    draft = draft_organisation(name="Neue Initiative", districts=[cast.district])
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_submit(organisation=draft, user=cast.owner)
    draft.refresh_from_db()
    assert draft.status == Status.PENDING
    assert draft.submitted_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.staff.email, second_staff.email])
    assert cast.other_staff.email not in [m.to[0] for m in mail.outbox]
    assert "Neue Initiative" in mail.outbox[0].subject
    assert f"/de/review/{draft.slug}/" in mail.outbox[0].body


def test_resubmission_is_announced_as_such(cast: Cast, django_capture_on_commit_callbacks) -> None:
    entry = draft_organisation(status=Status.CHANGES_REQUESTED, districts=[cast.district])
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_submit(organisation=entry, user=cast.owner)
    assert mail.outbox[0].subject.startswith("[Migra Hub] Erneut zur Prüfung")


def test_publishing_records_the_decision_and_mails_every_member(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    entry = cast.organisation
    Organisation.objects.filter(pk=entry.pk).update(status=Status.PENDING, published_at=None)
    entry.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_publish(organisation=entry, staff=cast.staff, message="Welcome!")
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED
    assert entry.published_at is not None
    assert entry.last_confirmed_at is not None
    decision = entry.review_decisions.get()
    assert (decision.action, decision.decided_by, decision.message) == (
        ReviewDecision.Action.PUBLISHED,
        cast.staff,
        "Welcome!",
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.owner.email, cast.editor.email])
    assert "veröffentlicht" in mail.outbox[0].subject
    assert "Welcome!" in mail.outbox[0].body
    assert f"/de/organisations/{entry.slug}/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("step", "text", "subject"),
    [
        ("request_changes", "Please add a phone number.", "Bitte aktualisieren"),
        ("reject", "Not an organisation.", "nicht angenommen"),
        ("unpublish", "Wrong address.", "nicht mehr öffentlich"),
        ("archive", "Dissolved.", "archiviert"),
    ],
)
def test_each_decision_mails_the_members_with_its_message(
    cast: Cast, django_capture_on_commit_callbacks, step: str, text: str, subject: str
) -> None:
    entry = cast.organisation
    start = Status.PUBLISHED if step in ("unpublish", "archive") else Status.PENDING
    Organisation.objects.filter(pk=entry.pk).update(status=start)
    entry.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        run_step(step, entry, cast)
    assert len(mail.outbox) == 2
    assert subject in mail.outbox[0].subject
    assert text in mail.outbox[0].body
    decision = entry.review_decisions.get()
    assert decision.message == text
    assert decision.decided_by == cast.staff


def test_marking_verified_is_recorded_and_mailed(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_set_verified(
            organisation=cast.organisation, staff=cast.staff, verified=True
        )
    cast.organisation.refresh_from_db()
    assert cast.organisation.verified_at is not None
    assert cast.organisation.review_decisions.get().action == ReviewDecision.Action.VERIFIED
    assert "geprüft" in mail.outbox[0].subject


def test_only_published_entries_can_be_verified(cast: Cast) -> None:
    draft = draft_organisation(districts=[cast.district])
    with pytest.raises(services.TransitionNotAllowed):
        services.organisation_set_verified(organisation=draft, staff=cast.staff, verified=True)
    draft.refresh_from_db()
    assert draft.verified_at is None


def test_confirming_sets_the_date_without_a_new_version(cast: Cast) -> None:
    entry = cast.organisation
    Organisation.objects.filter(pk=entry.pk).update(last_confirmed_at=None)
    versions = entry.history.count()
    services.organisation_confirm_current(organisation=entry, user=cast.owner)
    entry.refresh_from_db()
    assert entry.last_confirmed_at is not None
    assert entry.history.count() == versions


def test_deleting_a_never_published_entry_removes_it(cast: Cast) -> None:
    draft = draft_organisation(districts=[cast.district])
    MembershipFactory(organisation=draft, user=cast.owner)
    kept = services.organisation_delete(organisation=draft, user=cast.owner)
    assert kept is False
    assert not Organisation.objects.filter(pk=draft.pk).exists()


def test_deleting_a_published_entry_archives_it(cast: Cast) -> None:
    kept = services.organisation_delete(organisation=cast.organisation, user=cast.owner)
    cast.organisation.refresh_from_db()
    assert kept is True
    assert cast.organisation.status == Status.ARCHIVED
    assert cast.organisation.review_decisions.get().decided_by == cast.owner


# --- Change log and revert -------------------------------------------------------------------


def edit(organisation: Organisation, user: object, **changes: object) -> None:
    from organisations.forms_manage import OrganisationEditForm

    form = OrganisationEditForm(instance=organisation)
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        if hasattr(field, "queryset") and name != "kind":
            data[name] = [getattr(v, "pk", v) for v in (value or [])]
        elif name == "kind":
            data[name] = getattr(value, "pk", value)
        elif value is not None and value is not False:
            data[name] = value
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not False}
    bound = OrganisationEditForm(data, instance=organisation)
    assert bound.is_valid(), bound.errors
    services.organisation_update(
        organisation=organisation,
        data=services.OrganisationData.from_values(bound.cleaned_data),
        user=user,
    )


def test_an_edit_of_a_published_entry_is_one_logged_version_with_previous_values(
    cast: Cast,
) -> None:
    arabic = LanguageFactory()
    entry = cast.organisation
    edit(entry, cast.editor, description="New text.", languages=[arabic.pk])
    record = entry.history.filter(history_change_reason=services.LIVE_CHANGE).get()
    assert record.history_user == cast.editor
    changes = {change.field: change for change in services.record_changes(record)}
    assert set(changes) == {"description", "languages"}
    assert changes["description"].old == "We advise families in their own languages."
    assert changes["description"].new == "New text."
    assert changes["languages"].new == str(arabic)


def test_reverting_puts_back_only_the_fields_the_change_touched(cast: Cast) -> None:
    arabic = LanguageFactory()
    entry = cast.organisation
    edit(entry, cast.editor, description="Wrong text.", languages=[arabic.pk])
    edit(entry, cast.editor, phone="030 123")
    bad = entry.history.filter(history_change_reason=services.LIVE_CHANGE).earliest("history_date")
    services.history_revert(record=bad, staff=cast.staff)
    entry.refresh_from_db()
    assert entry.description == "We advise families in their own languages."
    assert list(entry.languages.all()) == []
    assert entry.phone == "030 123"
    assert entry.review_decisions.get().action == ReviewDecision.Action.REVERTED


def test_offer_changes_are_logged_and_a_deleted_offer_can_be_restored(cast: Cast) -> None:
    offer = OfferFactory(organisation=cast.organisation, title="Sozialberatung")
    offer_id = offer.pk
    services.offer_delete(offer=offer, user=cast.editor)
    assert not Offer.objects.filter(pk=offer_id).exists()
    deletion = Offer.history.get(history_type="-")
    assert deletion.history_change_reason == services.LIVE_CHANGE
    services.history_revert(record=deletion, staff=cast.staff)
    assert Offer.objects.get(pk=offer_id).title == "Sozialberatung"


def test_an_added_offer_is_removed_by_reverting_it(cast: Cast) -> None:
    from organisations.forms_manage import OfferForm

    form = OfferForm(
        {"title": "Elterncafé", "kind": OfferFactory().kind.pk, "cost": Offer.Cost.FREE}
    )
    assert form.is_valid(), form.errors
    offer = services.offer_create(
        organisation=cast.organisation,
        data=services.OfferData.from_values(form.cleaned_data),
        user=cast.owner,
    )
    record = offer.history.get()
    assert record.history_change_reason == services.LIVE_CHANGE
    services.history_revert(record=record, staff=cast.staff)
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_edits_of_drafts_are_not_live_changes(cast: Cast) -> None:
    draft = draft_organisation(districts=[cast.district])
    edit(draft, cast.owner, description="Still drafting.")
    assert not draft.history.filter(history_change_reason=services.LIVE_CHANGE).exists()


def test_publication_counts_as_confirmation_for_freshness(cast: Cast) -> None:
    entry = cast.organisation
    old = timezone.now() - datetime.timedelta(days=600)
    Organisation.objects.filter(pk=entry.pk).update(last_confirmed_at=old, published_at=old)
    entry.refresh_from_db()
    assert entry.may_be_outdated
    assert Organisation.objects.possibly_outdated().filter(pk=entry.pk).exists()


def test_a_published_edit_is_found_by_the_directory_at_once(cast: Cast, client: Client) -> None:
    arabic = LanguageFactory()
    edit(
        cast.organisation,
        cast.editor,
        description="Nachhilfe in Mathematik.",
        languages=[arabic.pk],
    )
    html = client.get("/de/organisations/", {"q": "Mathematik"}).content.decode()
    assert cast.organisation.name in html
    html = client.get("/de/organisations/", {"language": arabic.code}).content.decode()
    assert cast.organisation.name in html
