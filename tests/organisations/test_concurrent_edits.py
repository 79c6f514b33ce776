"""No lost updates: an edit saves only what it changed, never undoes a decision taken
meanwhile, and shows both values when someone else changed the same field."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from organisations import services
from organisations.forms_manage import OfferForm, OrganisationEditForm, _as_data
from organisations.models import Organisation
from tests.concurrency import race
from tests.conftest import Cast
from tests.factories import OfferFactory

Status = Organisation.Status
CONFLICT = "Changed by someone else since you opened it"


def form_data(form: Any) -> dict[str, list[str]]:
    """What a browser posts for an unbound form: every field with its loaded value."""
    data: dict[str, list[str]] = {}
    for name in form.fields:
        values = _as_data(form[name].value())
        if values:
            data[name] = values
    return data


def loaded_edit_form(organisation: Organisation) -> dict[str, list[str]]:
    return form_data(OrganisationEditForm(instance=Organisation.objects.get(pk=organisation.pk)))


def someone_else_edits(organisation: Organisation, user: Any, **values: Any) -> None:
    services.organisation_update(
        organisation=organisation, data=services.OrganisationData(**values), user=user
    )


def stale_edit(cast: Cast, client: Client, theirs: dict[str, Any]) -> Any:
    """The owner opens the edit form, the editor saves ``theirs``, then the owner saves a new
    description with the form opened before."""
    entry = cast.organisation
    data = loaded_edit_form(entry)
    someone_else_edits(entry, cast.editor, **theirs)
    data["description"] = ["My new text."]
    return client.post(f"/en/manage/{entry.slug}/edit/", data)


# --- The stale form (any database) --------------------------------------------------------------


@pytest.mark.django_db
def test_an_edit_of_a_field_changed_meanwhile_shows_both_values_and_saves_nothing(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    entry = cast.organisation
    theirs = {"description": "Their new text.", "phone": "030 999"}
    response = stale_edit(cast, client_for(cast.owner), theirs)
    page = response.content.decode()
    assert response.status_code == 409
    assert CONFLICT in page
    assert "Their new text." in page and "My new text." in page
    entry.refresh_from_db()
    assert entry.description == "Their new text."
    # The form shows what was typed, the phone number saved meanwhile, and the version now
    # saved, so saving it again keeps the other change.
    form = response.context["form"]
    assert form["description"].value() == "My new text."
    assert form["phone"].value() == "030 999"
    assert form["version"].value() == str(services.entry_version(entry))


@pytest.mark.django_db
def test_saving_again_after_the_conflict_keeps_both_changes(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    entry = cast.organisation
    client = client_for(cast.owner)
    theirs = {"description": "Their new text.", "phone": "030 999"}
    shown = stale_edit(cast, client, theirs).context["form"]
    response = client.post(f"/en/manage/{entry.slug}/edit/", form_data_of_bound(shown))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.description, entry.phone) == ("My new text.", "030 999")


def form_data_of_bound(form: Any) -> dict[str, list[str]]:
    return {key: form.data.getlist(key) for key in form.data}


@pytest.mark.django_db
def test_an_edit_of_other_fields_keeps_what_was_changed_meanwhile(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    entry = cast.organisation
    response = stale_edit(cast, client_for(cast.owner), {"phone": "030 999"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.description, entry.phone) == ("My new text.", "030 999")


@pytest.mark.django_db
def test_an_unpublished_entry_stays_unpublished_when_an_edit_opened_before_is_saved(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    entry = cast.organisation
    data = loaded_edit_form(entry)
    services.organisation_unpublish(organisation=entry, staff=cast.staff, reason="Wrong address.")
    data["description"] = ["My new text."]
    client = client_for(cast.owner)
    response = client.post(f"/en/manage/{entry.slug}/edit/", data, follow=True)
    entry.refresh_from_db()
    assert entry.status == Status.CHANGES_REQUESTED
    assert entry.description == "My new text."
    page = response.content.decode()
    assert "Saved." in page and "The changes are online now." not in page
    assert not entry.history.filter(history_change_reason=services.LIVE_CHANGE).exists()


@pytest.mark.django_db
def test_an_entry_archived_while_it_was_edited_keeps_what_was_typed(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    entry = cast.organisation
    data = loaded_edit_form(entry)
    data["description"] = ["My new text."]
    stale = Organisation.objects.get(pk=entry.pk)
    services.organisation_archive(organisation=entry, staff=cast.staff, reason="Dissolved.")
    with pytest.raises(services.EntryClosed):
        services.organisation_update(
            organisation=stale,
            data=services.OrganisationData(description="My new text."),
            user=cast.owner,
        )
    entry.refresh_from_db()
    assert entry.status == Status.ARCHIVED
    assert entry.description != "My new text."


@pytest.mark.django_db
def test_decisions_and_flags_set_meanwhile_survive_an_edit(cast: Cast) -> None:
    entry = cast.organisation
    stale = Organisation.objects.get(pk=entry.pk)  # read before the decisions below
    services.organisation_set_verified(organisation=entry, staff=cast.staff, verified=True)
    Organisation.objects.filter(pk=entry.pk).update(owner_left_at=entry.created_at)
    saved = services.organisation_update(
        organisation=stale, data=services.OrganisationData(phone="030 1"), user=cast.owner
    )
    entry.refresh_from_db()
    assert saved.phone == entry.phone == "030 1"
    assert entry.verified_at is not None
    assert entry.owner_left_at == entry.created_at
    assert entry.published_at is not None and entry.status == Status.PUBLISHED


@pytest.mark.django_db
def test_an_edit_that_changes_nothing_adds_no_version(cast: Cast) -> None:
    entry = cast.organisation
    before = services.entry_version(entry)
    services.organisation_update(
        organisation=entry, data=services.OrganisationData(phone=entry.phone), user=cast.owner
    )
    assert services.entry_version(entry) == before


@pytest.mark.django_db
def test_an_offer_edit_over_a_change_made_meanwhile_shows_both_values(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    offer = OfferFactory(organisation=cast.organisation, title="Sozialberatung")
    data = form_data(OfferForm(instance=offer))
    services.offer_update(
        offer=offer, data=services.OfferData(schedule="Mondays"), user=cast.editor
    )
    data["schedule"] = ["Tuesdays"]
    url = f"/en/manage/{cast.organisation.slug}/offers/{offer.pk}/"
    response = client_for(cast.owner).post(url, data)
    page = response.content.decode()
    assert response.status_code == 409
    assert CONFLICT in page and "Mondays" in page and "Tuesdays" in page
    offer.refresh_from_db()
    assert offer.schedule == "Mondays"


@pytest.mark.django_db
def test_the_edit_forms_carry_the_version_they_were_loaded_from(
    cast: Cast, client_for: Callable[[Any], Client]
) -> None:
    offer = OfferFactory(organisation=cast.organisation)
    client = client_for(cast.owner)
    for url, obj in (
        (f"/en/manage/{cast.organisation.slug}/edit/", cast.organisation),
        (f"/en/manage/{cast.organisation.slug}/offers/{offer.pk}/", offer),
    ):
        page = client.get(url).content.decode()
        version = services.entry_version(obj)
        assert version > 0
        assert f'type="hidden" name="version" value="{version}"' in page


# --- Imports ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_imported_change_shows_in_the_change_log_and_can_be_reverted(
    cast: Cast, client_for: Callable[[Any], Client], tmp_path: Path
) -> None:
    entry = cast.organisation
    old_description = entry.description
    document = Client().get(f"/api/hsds/organizations/{entry.uuid}").json()
    document["description"] = "Imported text."
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    call_command("import_hsds", str(path), stdout=io.StringIO())
    entry.refresh_from_db()
    assert entry.description == "Imported text."
    record = entry.history.get(history_change_reason=f"{services.IMPORT_CHANGE} import.json")
    assert [change.field for change in services.record_changes(record)] == ["description"]
    staff = client_for(cast.staff)
    page = staff.get("/en/review/changes/").content.decode()
    assert "Imported text." in page and "imported from import.json" in page
    response = staff.post(f"/en/review/changes/organisation/{record.history_id}/revert/")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.description == old_description


# --- Pages with personal data are not kept in caches ----------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("staff", "/en/review/"),
        ("staff", "/en/review/changes/"),
        ("staff", "/en/review/{slug}/"),
        ("owner", "/en/manage/{slug}/members/"),
        ("owner", "/en/manage/{slug}/"),
        ("owner", "/en/manage/{slug}/edit/"),
        ("owner", "/en/my-organisations/"),
    ],
)
def test_pages_with_personal_data_are_private_and_not_stored(
    cast: Cast, client_for: Callable[[Any], Client], who: str, url: str
) -> None:
    response = client_for(getattr(cast, who)).get(url.format(slug=cast.organisation.slug))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


# --- The race itself (PostgreSQL: real row locks) ---------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("decision", ["unpublish", "archive"])
def test_an_owner_saving_while_staff_take_the_entry_offline_never_republishes_it(
    cast: Cast, decision: str
) -> None:
    entry = cast.organisation
    owner = Client()
    owner.force_login(cast.owner)
    decide = getattr(services, f"organisation_{decision}")
    for attempt in range(15):
        Organisation.objects.filter(pk=entry.pk).update(status=Status.PUBLISHED)
        data = loaded_edit_form(entry)
        data["description"] = [f"Edit number {attempt}."]
        results = race(
            lambda data=data: owner.post(f"/en/manage/{entry.slug}/edit/", data),  # type: ignore[misc]
            lambda: decide(organisation=entry, staff=cast.staff, reason="Closed."),
        )
        response, decided = results
        assert isinstance(decided, Organisation), results
        # The editor either saved (before or after the decision) or was told it was closed.
        assert response.status_code in (302, 403, 409), results
        entry.refresh_from_db()
        assert entry.status == decided.status != Status.PUBLISHED, (attempt, entry.status)
