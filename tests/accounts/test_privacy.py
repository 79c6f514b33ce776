"""Account privacy: download one's data as JSON, delete the account."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from events.models import Registration
from networks.models import Network
from organisations.models import Organisation, OrganisationMembership, ReviewDecision
from organisations.services import organisation_publish
from tests.accounts.conftest import EMAIL, OTHER_EMAIL, Life
from tests.conftest import Cast
from tests.factories import PASSWORD, MembershipFactory, OwnershipClaimFactory, RegistrationFactory

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


def test_the_download_holds_what_every_app_keeps_about_the_person(life: Life, client_for) -> None:
    response = client_for(life.person).get("/en/accounts/privacy/download/")
    assert response.status_code == 200
    data = json.loads(response.content)

    assert {a["email"] for a in data["email_addresses"]} == {EMAIL, OTHER_EMAIL}
    # Which second factor the person uses, never its secret.
    assert [f["type"] for f in data["second_factors"]] == ["totp"]
    assert "secret" not in response.content.decode()
    # Events: own sign-ups under either address, and the colleague signed up by the person.
    assert [(r["event"], r["email"], r["status"]) for r in data["event_registrations"]] == [
        (life.upcoming.event.title, EMAIL, "confirmed"),
        (Registration.objects.get(email=OTHER_EMAIL).event.title, OTHER_EMAIL, "attended"),
    ]
    assert [r["email"] for r in data["event_registrations_made_for_others"]] == [
        life.for_colleague.email
    ]
    assert data["events_created"][0]["title"] == life.upcoming.event.title
    # Networks: what the person did and wrote.
    assert data["networks_curated"] == [Network.objects.get(curators=life.person).name]
    assert [a["action"] for a in data["network_actions"]] == ["requested"]
    assert data["network_actions"][0]["message"] == "We would like to join."
    assert data["network_notes"][0]["text"] == "We agreed to meet in the library next time."
    # Organisations: invitations both ways, reports, decisions, claims, versions saved.
    assert {i["email"] for i in data["invitations_received"]} == {EMAIL, OTHER_EMAIL}
    assert [i["email"] for i in data["invitations_sent"]] == ["colleague@example.org"]
    assert [r["organisation"] for r in data["problem_reports"]] == ["Andere Initiative"]
    assert [d["action"] for d in data["review_decisions"]] == ["published"]
    assert sorted(c["status"] for c in data["claims"]) == ["declined", "pending"]
    assert data["entry_changes"][0]["kind"] == "organisation"
    # Nobody else's account data.
    assert life.waiting.email not in response.content.decode()


def test_an_unverified_address_does_not_reveal_its_owners_data(cast: Cast, client_for) -> None:
    RegistrationFactory(email="victim@example.org", name="Victim")
    EmailAddress.objects.create(user=cast.outsider, email="victim@example.org", verified=False)
    data = json.loads(client_for(cast.outsider).get("/en/accounts/privacy/download/").content)
    assert data["event_registrations"] == []
