"""The accounts admin: its pages open, and deleting an account there is the same deletion as on
the privacy page (entries that lose their last owner are flagged, drafts of nobody else go)."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.auth.models import Permission

from accounts.models import User
from organisations.models import Organisation, OrganisationMembership
from tests.admin_pages import (
    admin_url,
    assert_admin_pages_open,
    logged_in,
    registered_models,
)
from tests.conftest import Cast
from tests.factories import (
    MembershipFactory,
    OwnershipClaimFactory,
    UserFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

numbers = itertools.count()


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("accounts") == {User}


def test_the_user_admin_pages_open_for_a_superuser(superuser: User) -> None:
    assert_admin_pages_open(
        logged_in(superuser),
        superuser,
        lambda: UserFactory(email=f"admin-test{next(numbers)}@example.org"),
    )


def test_deleting_an_account_in_the_admin_is_the_account_deletion(
    cast: Cast, superuser: User
) -> None:
    draft = draft_organisation(name="Nur ein Entwurf")
    MembershipFactory(organisation=draft, user=cast.owner)
    OwnershipClaimFactory(user=cast.owner, organisation=cast.other_organisation)
    email, name = cast.owner.email, cast.owner.name
    client = logged_in(superuser)
    url = admin_url(User, "delete", cast.owner.pk)
    # The person's memberships and claims are records, but they go with the account.
    assert client.get(url).context["perms_lacking"] == set()
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=cast.owner.pk).exists()
    cast.organisation.refresh_from_db()
    assert cast.organisation.status == Organisation.Status.PUBLISHED
    assert cast.organisation.owner_left_at is not None
    assert list(cast.organisation.memberships.values_list("user", "role")) == [
        (cast.editor.pk, OrganisationMembership.Role.EDITOR)
    ]
    assert not Organisation.objects.filter(pk=draft.pk).exists()
    # The admin logs the deletion first; the account deletion then takes the person out of it.
    logged = LogEntry.objects.filter(action_flag=DELETION).values_list("object_repr", flat=True)
    assert list(logged) == ["–"]
    assert not LogEntry.objects.filter(object_repr__icontains=email).exists()
    assert not LogEntry.objects.filter(object_repr__icontains=name).exists()


def test_deleting_selected_accounts_in_the_admin_is_the_account_deletion(
    cast: Cast, superuser: User
) -> None:
    response = logged_in(superuser).post(
        admin_url(User, "changelist"),
        {"action": "delete_selected", "_selected_action": [cast.owner.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=cast.owner.pk).exists()
    cast.organisation.refresh_from_db()
    assert cast.organisation.owner_left_at is not None


def test_staff_without_permissions_cannot_see_accounts() -> None:
    staff = UserFactory(is_staff=True)
    other = UserFactory()
    client = logged_in(staff)
    assert client.get(admin_url(User, "changelist")).status_code == 403
    assert client.get(admin_url(User, "change", other.pk)).status_code == 403
    assert client.post(admin_url(User, "delete", other.pk), {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=other.pk).exists()


def test_staff_who_may_only_view_accounts_cannot_change_or_delete_them() -> None:
    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename="view_user"))
    other = UserFactory(name="Alt")
    client = logged_in(staff)
    assert client.get(admin_url(User, "change", other.pk)).status_code == 200
    response = client.post(
        admin_url(User, "change", other.pk),
        {"email": other.email, "name": "Neu", "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 403
    assert client.post(admin_url(User, "delete", other.pk), {"post": "yes"}).status_code == 403
    other.refresh_from_db()
    assert (other.name, other.is_superuser) == ("Alt", False)
