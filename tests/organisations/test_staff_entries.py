"""District staff enter, edit, unpublish and archive entries through the web pages."""

from __future__ import annotations

import pytest
from django.core import mail

from organisations.models import Organisation, OrganisationMembership, ReviewDecision
from tests.conftest import Cast
from tests.factories import OrganisationKindFactory, OwnershipClaimFactory

pytestmark = pytest.mark.django_db

Status = Organisation.Status


def entry_form(cast: Cast, **changes: object) -> dict[str, object]:
    data = {
        "name": "Nachbarschaftshaus Weißensee",
        "kind": OrganisationKindFactory().pk,
        "description": "Beratung und Treffpunkt für Familien im Kiez.",
        "districts": [cast.district.pk],
        "email": "info@nachbarschaftshaus.example.org",
        "street": "Parkstraße 5",
        "postcode": "13086",
        "locality": "Berlin",
    }
    data.update(changes)
    return data


def test_staff_enter_a_published_entry_without_owner(cast: Cast, client_for) -> None:
    response = client_for(cast.staff).post("/en/review/new-entry/", entry_form(cast))
    entry = Organisation.objects.get(name="Nachbarschaftshaus Weißensee")
    assert response.status_code == 302
    assert response["Location"] == f"/en/organisations/{entry.slug}/"
    assert (entry.status, entry.entered_by_district_office) == (Status.PUBLISHED, True)
    assert entry.published_at is not None and entry.last_confirmed_at is not None
    assert not entry.memberships.exists()
    decision = entry.review_decisions.get()
    assert (decision.action, decision.decided_by) == (ReviewDecision.Action.CREATED, cast.staff)
    version = entry.history.get()
    assert version.history_user == cast.staff
    found = client_for(None).get("/en/organisations/?q=Nachbarschaftshaus")
    assert entry.name in found.content.decode()


def test_the_page_of_a_staff_entry_says_the_district_office_entered_it_until_claimed(
    cast: Cast, client_for
) -> None:
    client_for(cast.staff).post("/en/review/new-entry/", entry_form(cast))
    entry = Organisation.objects.get(name="Nachbarschaftshaus Weißensee")
    page = client_for(None).get(f"/en/organisations/{entry.slug}/").content.decode()
    assert "Entered by the district office." in page
    claim = OwnershipClaimFactory(organisation=entry, user=cast.outsider)
    client_for(cast.staff).post(f"/en/review/claims/{claim.pk}/approve/")
    page = client_for(None).get(f"/en/organisations/{entry.slug}/").content.decode()
    assert "Entered by the district office." not in page
    assert entry.memberships.get().role == OrganisationMembership.Role.OWNER


def test_staff_cannot_enter_an_entry_only_for_another_district(cast: Cast, client_for) -> None:
    response = client_for(cast.staff).post(
        "/en/review/new-entry/", entry_form(cast, districts=[cast.other_district.pk])
    )
    assert response.status_code == 200
    assert "Please choose at least one district you work for." in response.content.decode()
    assert not Organisation.objects.filter(name="Nachbarschaftshaus Weißensee").exists()


def test_a_staff_entry_needs_what_a_submission_needs(cast: Cast, client_for) -> None:
    response = client_for(cast.staff).post(
        "/en/review/new-entry/", entry_form(cast, description="", email="")
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Nachbarschaftshaus Weißensee").exists()


def test_staff_edit_an_entry_of_their_district_and_its_owners_hear_of_it(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    client = client_for(cast.staff)
    url = f"/en/manage/{cast.organisation.slug}/edit/"
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        districts=[cast.district.pk],
        kind=cast.organisation.kind_id,
        phone="030 1234567",
        languages=[],
        topics=[],
        target_groups=[],
        counselling_languages=[],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"/en/review/{cast.organisation.slug}/"
    cast.organisation.refresh_from_db()
    assert cast.organisation.phone == "030 1234567"
    assert cast.organisation.history.first().history_user == cast.staff
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.owner.email, cast.editor.email])
    assert "phone" in mail.outbox[0].body


def test_staff_edits_of_an_entry_without_members_send_no_mail(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    client = client_for(cast.staff)
    client.post("/en/review/new-entry/", entry_form(cast))
    entry = Organisation.objects.get(name="Nachbarschaftshaus Weißensee")
    form = client.get(f"/en/manage/{entry.slug}/edit/").context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(districts=[cast.district.pk], kind=entry.kind_id, phone="030 7654321")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/manage/{entry.slug}/edit/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.phone == "030 7654321"
    assert mail.outbox == []


def test_staff_cannot_edit_an_archived_entry(cast: Cast, client_for) -> None:
    Organisation.objects.filter(pk=cast.organisation.pk).update(status=Status.ARCHIVED)
    response = client_for(cast.staff).get(f"/en/manage/{cast.organisation.slug}/edit/")
    assert response.status_code == 403


def test_staff_see_edit_and_review_links_on_the_public_page(cast: Cast, client_for) -> None:
    page = client_for(cast.staff).get(f"/en/organisations/{cast.organisation.slug}/")
    text = page.content.decode()
    assert f"/en/manage/{cast.organisation.slug}/edit/" in text
    assert f"/en/review/{cast.organisation.slug}/" in text
    other = client_for(cast.other_staff).get(f"/en/organisations/{cast.organisation.slug}/")
    assert f"/en/manage/{cast.organisation.slug}/edit/" not in other.content.decode()


def test_staff_unpublish_an_entry_they_entered(cast: Cast, client_for) -> None:
    client = client_for(cast.staff)
    client.post("/en/review/new-entry/", entry_form(cast))
    entry = Organisation.objects.get(name="Nachbarschaftshaus Weißensee")
    response = client.post(
        f"/en/review/{entry.slug}/unpublish/", {"unpublish-message": "Gibt es nicht mehr."}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.CHANGES_REQUESTED
    response = client.post(f"/en/review/{entry.slug}/archive/", {"archive-message": "Aufgelöst."})
    entry.refresh_from_db()
    assert entry.status == Status.ARCHIVED
