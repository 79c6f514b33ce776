"""Members: invitations (expired, reused, wrong account), roles, the last-owner rule."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from organisations import services
from organisations.models import Invitation, OrganisationMembership
from tests.conftest import Cast
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

Role = OrganisationMembership.Role


def invite(cast: Cast, email: str = "new@example.org", role: str = Role.EDITOR):
    return services.invitation_create(
        organisation=cast.organisation, email=email, role=role, invited_by=cast.owner
    )


def test_owner_invites_by_email_and_the_mail_carries_a_working_link(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    client = client_for(cast.owner)
    url = f"/en/manage/{cast.organisation.slug}/members/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "Amal@Example.org", "role": Role.EDITOR})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "amal@example.org"
    assert invitation.invited_by == cast.owner
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amal@example.org"]
    assert "Invitation to join “Brücke e.V.”" in mail.outbox[0].subject
    link = re.search(r"http://\S+/en/invitations/(\S+)/", mail.outbox[0].body)
    assert link
    invitee = UserFactory(email="amal@example.org")
    invited = client_for(invitee)
    assert invited.get(f"/en/invitations/{link.group(1)}/").status_code == 200
    response = invited.post(f"/en/invitations/{link.group(1)}/")
    assert response.status_code == 302
    assert cast.organisation.memberships.get(user=invitee).role == Role.EDITOR


def test_the_token_is_not_stored_in_clear(cast: Cast) -> None:
    invitation, token = invite(cast)
    assert token not in invitation.token_hash
    assert services.invitation_for_token(token) == invitation


def test_an_invitation_works_only_once(cast: Cast, client_for) -> None:
    _invitation, token = invite(cast)
    invitee = UserFactory(email="new@example.org")
    client = client_for(invitee)
    assert client.post(f"/en/invitations/{token}/").status_code == 302
    cast.organisation.memberships.filter(user=invitee).delete()
    response = client.post(f"/en/invitations/{token}/")
    assert response.status_code == 410
    assert "used already" in response.content.decode()
    assert not cast.organisation.memberships.filter(user=invitee).exists()


def test_an_expired_invitation_is_refused(cast: Cast, client_for) -> None:
    invitation, token = invite(cast)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    invitee = UserFactory(email="new@example.org")
    response = client_for(invitee).post(f"/en/invitations/{token}/")
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not cast.organisation.memberships.filter(user=invitee).exists()


def test_an_invitation_opened_with_another_account_is_refused(cast: Cast, client_for) -> None:
    _invitation, token = invite(cast)
    response = client_for(cast.outsider).post(f"/en/invitations/{token}/")
    assert response.status_code == 403
    assert (
        'This invitation is for <bdi dir="ltr">new@example.org</bdi>' in response.content.decode()
    )
    assert not cast.organisation.memberships.filter(user=cast.outsider).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_unknown_invitation_token_is_not_found(client_for, cast: Cast) -> None:
    assert client_for(cast.outsider).get("/en/invitations/made-up/").status_code == 404


def test_anonymous_invitees_are_sent_to_log_in_first(cast: Cast, client_for) -> None:
    _invitation, token = invite(cast)
    response = client_for(None).get(f"/en/invitations/{token}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_an_invitee_who_signed_up_accepts_from_my_organisations(cast: Cast, client_for) -> None:
    invitation, _token = invite(cast, email="new@example.org", role=Role.OWNER)
    invitee = UserFactory(email="new@example.org")
    client = client_for(invitee)
    page = client.get("/en/my-organisations/").content.decode()
    assert "Join “<bdi>Brücke e.V.</bdi>” as owner" in page
    response = client.post(f"/en/invitations/{invitation.pk}/accept/")
    assert response.status_code == 302
    assert cast.organisation.memberships.get(user=invitee).role == Role.OWNER


def test_nobody_else_can_accept_a_listed_invitation(cast: Cast, client_for) -> None:
    invitation, _token = invite(cast)
    response = client_for(cast.outsider).post(f"/en/invitations/{invitation.pk}/accept/")
    assert response.status_code == 404
    assert Invitation.objects.get().accepted_at is None


def test_members_and_open_invitations_cannot_be_invited_twice(cast: Cast, client_for) -> None:
    invite(cast, email="new@example.org")
    client = client_for(cast.owner)
    url = f"/en/manage/{cast.organisation.slug}/members/"
    response = client.post(url, {"email": "new@example.org", "role": Role.EDITOR})
    assert "open invitation already" in response.content.decode()
    response = client.post(url, {"email": cast.editor.email, "role": Role.EDITOR})
    assert "member already" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_owner_withdraws_an_invitation(cast: Cast, client_for) -> None:
    invitation, token = invite(cast)
    response = client_for(cast.owner).post(
        f"/en/manage/{cast.organisation.slug}/invitations/{invitation.pk}/withdraw/"
    )
    assert response.status_code == 302
    assert services.invitation_for_token(token) is None


def test_the_last_owner_cannot_leave_be_removed_or_become_editor(cast: Cast, client_for) -> None:
    owner_membership = cast.organisation.memberships.get(user=cast.owner)
    with pytest.raises(services.LastOwnerError):
        services.membership_remove(membership=owner_membership, by=cast.owner)
    with pytest.raises(services.LastOwnerError):
        services.membership_change_role(
            membership=owner_membership, role=Role.EDITOR, by=cast.owner
        )
    response = client_for(cast.owner).post(f"/en/manage/{cast.organisation.slug}/members/leave/")
    assert response.status_code == 302
    owner_membership.refresh_from_db()
    assert owner_membership.role == Role.OWNER


def test_with_a_second_owner_an_owner_may_leave(cast: Cast, client_for) -> None:
    MembershipFactory(organisation=cast.organisation, role=Role.OWNER)
    response = client_for(cast.owner).post(f"/en/manage/{cast.organisation.slug}/members/leave/")
    assert response.status_code == 302
    assert response["Location"] == "/en/my-organisations/"
    assert not cast.organisation.memberships.filter(user=cast.owner).exists()


def test_an_editor_may_leave(cast: Cast, client_for) -> None:
    response = client_for(cast.editor).post(f"/en/manage/{cast.organisation.slug}/members/leave/")
    assert response.status_code == 302
    assert not cast.organisation.memberships.filter(user=cast.editor).exists()


def test_owner_changes_a_role_and_removes_a_member(cast: Cast, client_for) -> None:
    client = client_for(cast.owner)
    editor = cast.organisation.memberships.get(user=cast.editor)
    base = f"/en/manage/{cast.organisation.slug}/members/{editor.pk}"
    assert client.post(f"{base}/role/", {"role": Role.OWNER}).status_code == 302
    editor.refresh_from_db()
    assert editor.role == Role.OWNER
    assert client.post(f"{base}/remove/").status_code == 302
    assert not cast.organisation.memberships.filter(pk=editor.pk).exists()


def test_owner_hands_over_ownership_and_stays_as_editor(cast: Cast, client_for) -> None:
    editor = cast.organisation.memberships.get(user=cast.editor)
    response = client_for(cast.owner).post(
        f"/en/manage/{cast.organisation.slug}/members/{editor.pk}/hand-over/"
    )
    assert response.status_code == 302
    roles = dict(cast.organisation.memberships.values_list("user_id", "role"))
    assert roles == {cast.editor.pk: Role.OWNER, cast.owner.pk: Role.EDITOR}


def test_a_person_can_belong_to_several_organisations(cast: Cast, client_for) -> None:
    second = OrganisationFactory(name="Zweiter Verein", districts=[cast.district])
    MembershipFactory(organisation=second, user=cast.editor, role=Role.OWNER)
    page = client_for(cast.editor).get("/en/my-organisations/").content.decode()
    assert "Brücke e.V." in page
    assert "Zweiter Verein" in page
    assert cast.editor.organisation_memberships.count() == 2


def test_editors_see_the_members_but_cannot_invite(cast: Cast, client_for) -> None:
    client = client_for(cast.editor)
    url = f"/en/manage/{cast.organisation.slug}/members/"
    page = client.get(url).content.decode()
    assert cast.owner.email in page
    assert "Send invitation" not in page
    response = client.post(url, {"email": "x@example.org", "role": Role.OWNER})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_invitations_are_rate_limited_per_account(cast: Cast, client_for) -> None:
    from organisations.views_members import INVITATIONS_PER_HOUR

    client = client_for(cast.owner)
    url = f"/en/manage/{cast.organisation.slug}/members/"
    for number in range(INVITATIONS_PER_HOUR + 1):
        client.post(url, {"email": f"person{number}@example.net", "role": Role.EDITOR})
    assert Invitation.objects.count() == INVITATIONS_PER_HOUR


def test_an_invitee_without_account_signs_up_from_the_link_and_joins(
    cast: Cast, client: Client
) -> None:
    _invitation, token = invite(cast, email="amal@example.org")
    login_url = client.get(f"/en/invitations/{token}/")["Location"]
    login_page = client.get(login_url).content.decode()
    signup = re.search(r'href="(/en/accounts/signup/\?next=[^"]+)"', login_page)
    assert signup
    client.post(
        signup.group(1).replace("&amp;", "&"),
        {
            "email": "amal@example.org",
            "password1": "a-long-test-password-42",
            "password2": "a-long-test-password-42",
            "privacy_consent": "on",
        },
    )
    key = mail.outbox[-1].body.split("/confirm-email/")[1].split("/")[0]
    response = client.post(f"/en/accounts/confirm-email/{key}/")
    assert response["Location"] == f"/en/invitations/{token}/"
    assert client.post(f"/en/invitations/{token}/").status_code == 302
    member = cast.organisation.memberships.get(user__email="amal@example.org")
    assert member.role == Role.EDITOR
