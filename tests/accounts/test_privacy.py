"""Account privacy: download one's data as JSON, delete the account."""

from __future__ import annotations

import json

import pytest

from accounts.models import User
from organisations.models import Organisation, OrganisationMembership, ReviewDecision
from organisations.services import organisation_publish
from tests.conftest import Cast
from tests.factories import PASSWORD, MembershipFactory, OwnershipClaimFactory

pytestmark = pytest.mark.django_db


def test_a_person_downloads_their_data_as_json(cast: Cast, client_for) -> None:
    OwnershipClaimFactory(organisation=cast.other_organisation, user=cast.owner, message="Wir!")
    response = client_for(cast.owner).get("/en/accounts/privacy/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == cast.owner.email
    assert data["account"]["privacy_consent_at"]
    assert data["email_addresses"][0]["verified"] is True
    assert data["organisation_memberships"] == [
        {
            "organisation": "Brücke e.V.",
            "role": "owner",
            "since": data["organisation_memberships"][0]["since"],
        }
    ]
    assert data["claims"][0]["message"] == "Wir!"
    assert cast.editor.email not in response.content.decode()


def test_the_data_of_staff_includes_their_decisions(cast: Cast, client_for) -> None:
    Organisation.objects.filter(pk=cast.organisation.pk).update(status="pending")
    cast.organisation.refresh_from_db()
    organisation_publish(organisation=cast.organisation, staff=cast.staff, message="OK")
    data = json.loads(client_for(cast.staff).get("/en/accounts/privacy/download/").content)
    assert data["review_decisions"][0]["action"] == "published"
    assert data["district_staff_roles"] == [
        {"district": "Pankow", "since": data["district_staff_roles"][0]["since"]}
    ]


def test_a_wrong_password_deletes_nothing(cast: Cast, client_for) -> None:
    response = client_for(cast.editor).post("/en/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "The password is not correct." in response.content.decode()
    assert User.objects.filter(pk=cast.editor.pk).exists()


def test_deleting_the_account_removes_person_and_memberships(cast: Cast, client_for) -> None:
    client = client_for(cast.editor)
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=cast.editor.pk).exists()
    assert not OrganisationMembership.objects.filter(user_id=cast.editor.pk).exists()
    assert "_auth_user_id" not in client.session
    cast.organisation.refresh_from_db()
    assert cast.organisation.owner_left_at is None


def test_when_the_last_owner_leaves_the_entry_stays_published_and_staff_are_told(
    cast: Cast, client_for
) -> None:
    client_for(cast.owner).post("/en/accounts/delete/", {"password": PASSWORD})
    cast.organisation.refresh_from_db()
    assert cast.organisation.status == Organisation.Status.PUBLISHED
    assert cast.organisation.owner_left_at is not None
    assert client_for(None).get(cast.organisation.get_absolute_url()).status_code == 200
    queue = client_for(cast.staff).get("/en/review/")
    section = next(s for s in queue.context["sections"] if s.key == "without_owner")
    assert section.items == [cast.organisation]


def test_an_entry_with_another_owner_is_not_flagged(cast: Cast, client_for) -> None:
    MembershipFactory(organisation=cast.organisation, role="owner")
    client_for(cast.owner).post("/en/accounts/delete/", {"password": PASSWORD})
    cast.organisation.refresh_from_db()
    assert cast.organisation.owner_left_at is None


def test_decisions_of_a_deleted_staff_account_stay_recorded(cast: Cast, client_for) -> None:
    decision = ReviewDecision.objects.create(
        organisation=cast.organisation, action="verified", decided_by=cast.staff
    )
    client_for(cast.staff).post("/en/accounts/delete/", {"password": PASSWORD})
    decision.refresh_from_db()
    assert decision.decided_by is None


def test_an_unpublished_draft_of_nobody_else_goes_with_the_account(cast: Cast, client_for) -> None:
    from tests.factories import draft_organisation

    draft = draft_organisation(districts=[cast.district])
    MembershipFactory(organisation=draft, user=cast.editor, role="owner")
    client_for(cast.editor).post("/en/accounts/delete/", {"password": PASSWORD})
    assert not Organisation.objects.filter(pk=draft.pk).exists()
    assert Organisation.objects.filter(pk=cast.organisation.pk).exists()
