"""The networks in the Django admin: every page opens, content is saved through the service,
phases and memberships change only through actions that keep the rules, records stay records."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.db.models import Model
from django.test import Client

from networks.models import (
    MembershipChange,
    Network,
    NetworkDocument,
    NetworkMembership,
    NetworkNote,
    NetworkPartner,
    NetworkPhaseChange,
    NetworkProposal,
    NetworkTask,
)
from tests.admin_pages import (
    admin_url,
    assert_admin_pages_open,
    change_form_data,
    registered_models,
)
from tests.factories import (
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkNoteFactory,
    NetworkPhaseChangeFactory,
    NetworkProposalFactory,
    NetworkTaskFactory,
    UserFactory,
)
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db

Status = NetworkMembership.Status
numbers = itertools.count()


@pytest.fixture
def admin_client(world: World) -> Client:
    client = Client()
    client.force_login(world.admin)
    return client


def _change() -> MembershipChange:
    return MembershipChange.objects.create(
        membership=NetworkMembershipFactory(),
        action=MembershipChange.Action.APPROVED,
        status_before=Status.REQUESTED,
        status_after=Status.ACTIVE,
        actor_name=f"Person {next(numbers)}",
    )


MAKERS: dict[type[Model], Callable[[], Model]] = {
    Network: NetworkFactory,
    NetworkMembership: NetworkMembershipFactory,
    MembershipChange: _change,
    NetworkNote: NetworkNoteFactory,
    NetworkPhaseChange: NetworkPhaseChangeFactory,
    NetworkTask: NetworkTaskFactory,
    NetworkProposal: NetworkProposalFactory,
    NetworkDocument: lambda: NetworkDocument.objects.create(
        network=NetworkFactory(), title=f"Protokoll {next(numbers)}"
    ),
    NetworkPartner: lambda: NetworkPartner.objects.create(
        network=NetworkFactory(), name=f"Grundschule {next(numbers)}", kind="school"
    ),
}


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("networks") == set(MAKERS)


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda model: model.__name__)
def test_the_admin_pages_open_for_a_superuser(client: Client, model: type[Model]) -> None:
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert_admin_pages_open(client, superuser, MAKERS[model])


def test_site_admin_sees_a_network_with_its_members(world: World, admin_client: Client) -> None:
    response = admin_client.get(admin_url(Network, "change", world.network.pk))
    assert response.status_code == 200
    assert world.coordinating_organisation.name in response.content.decode()
    response = admin_client.get(admin_url(NetworkMembership, "change", world.request.pk))
    assert response.status_code == 200
    assert "We run a language café." in response.content.decode()


# --- Networks ----------------------------------------------------------------------------------


def test_editing_a_network_in_the_admin_changes_its_content_but_never_its_phase_or_slug(
    world: World, admin_client: Client
) -> None:
    url = admin_url(Network, "change", world.network.pk)
    data = change_form_data(admin_client.get(url))
    data.update(name="Mehrsprachigkeit in Pankow", slug="mine", phase=Network.Phase.CLOSED)
    response = admin_client.post(url, data)
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert world.network.name == "Mehrsprachigkeit in Pankow"
    assert (world.network.slug, world.network.phase, world.network.revision) == (
        "mehrsprachigkeit-pankow",
        Network.Phase.FOUNDING,
        2,
    )


def test_an_admin_form_opened_before_the_network_was_closed_saves_nothing(
    world: World, admin_client: Client
) -> None:
    url = admin_url(Network, "change", world.network.pk)
    data = change_form_data(admin_client.get(url))
    Network.objects.filter(pk=world.network.pk).update(
        phase=Network.Phase.CLOSED, revision=world.network.revision + 1
    )
    response = admin_client.post(url, {**data, "goal": "Neu"})
    assert response.status_code == 200
    assert "changed by someone else since you opened it" in response.content.decode()
    world.network.refresh_from_db()
    assert (world.network.goal, world.network.phase) == (data["goal"], Network.Phase.CLOSED)


def test_the_phase_changes_through_an_action_with_a_note(
    world: World, admin_client: Client
) -> None:
    response = admin_client.post(
        admin_url(Network, "changelist"),
        {
            "action": "move_to_closed",
            "_selected_action": [world.network.pk],
            "apply": "1",
            "reason": "Aufgelöst",
        },
    )
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert world.network.phase == Network.Phase.CLOSED
    assert world.network.phase_changes.get().note == "Aufgelöst"


def test_networks_are_neither_added_nor_deleted_in_the_admin(
    world: World, admin_client: Client
) -> None:
    assert admin_client.post(admin_url(Network, "add"), {"name": "Neu"}).status_code == 403
    url = admin_url(Network, "delete", world.network.pk)
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Network.objects.filter(pk=world.network.pk).exists()
    assert not Network.objects.filter(name="Neu").exists()


# --- Memberships: the curators' steps, with history, e-mail and the rules ----------------------


def _act(client: Client, action: str, membership: NetworkMembership, **data: str) -> None:
    response = client.post(
        admin_url(NetworkMembership, "changelist"),
        {"action": action, "_selected_action": [membership.pk], **data},
    )
    assert response.status_code in (200, 302)


def test_approving_in_the_admin_records_the_decision_and_tells_the_owners(
    world: World, admin_client: Client
) -> None:
    _act(admin_client, "approve", world.request, apply="yes", reason="Willkommen")
    world.request.refresh_from_db()
    assert world.request.status == Status.ACTIVE
    change = world.request.changes.order_by("-pk").first()
    assert change is not None
    assert (change.action, change.actor, change.message) == (
        MembershipChange.Action.APPROVED,
        world.admin,
        "Willkommen",
    )
    assert [m.to for m in mail.outbox] == [[world.cast.owner.email]]


def test_removing_in_the_admin_asks_for_a_reason_first(world: World, admin_client: Client) -> None:
    member = NetworkMembershipFactory(network=world.network)
    response = admin_client.post(
        admin_url(NetworkMembership, "changelist"),
        {"action": "remove", "_selected_action": [member.pk]},
    )
    assert response.status_code == 200
    assert response.templates[0].name == "admin/action_with_reason.html"
    _act(admin_client, "remove", member, apply="yes", reason="")
    member.refresh_from_db()
    assert member.status == Status.ACTIVE
    _act(admin_client, "remove", member, apply="yes", reason="Seit Jahren inaktiv")
    member.refresh_from_db()
    assert member.status == Status.REMOVED
    assert member.changes.get().message == "Seit Jahren inaktiv"


@pytest.mark.parametrize(
    ("action", "data"),
    [("remove_coordinator", {}), ("remove", {"apply": "yes", "reason": "Umgezogen"})],
)
def test_the_admin_cannot_end_the_role_of_the_last_coordinator(
    world: World, admin_client: Client, action: str, data: dict[str, str]
) -> None:
    response = admin_client.post(
        admin_url(NetworkMembership, "changelist"),
        {"action": action, "_selected_action": [world.coordination.pk], **data},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("last coordinator" in m for m in messages), messages
    world.coordination.refresh_from_db()
    assert world.coordination.is_coordinator
    assert not world.coordination.changes.exists()
    assert not mail.outbox


def test_a_membership_cannot_be_changed_added_or_deleted_in_the_admin(
    world: World, admin_client: Client
) -> None:
    url = admin_url(NetworkMembership, "change", world.coordination.pk)
    response = admin_client.post(url, {"status": Status.REMOVED, "role": "member"})
    assert response.status_code == 403
    delete = admin_url(NetworkMembership, "delete", world.coordination.pk)
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    add = admin_url(NetworkMembership, "add")
    assert admin_client.post(add, {"network": world.network.pk}).status_code == 403
    admin_client.post(
        admin_url(NetworkMembership, "changelist"),
        {"action": "delete_selected", "_selected_action": [world.coordination.pk], "post": "yes"},
    )
    world.coordination.refresh_from_db()
    assert world.coordination.is_coordinator


def test_the_network_page_of_the_admin_cannot_change_memberships_or_notes(
    world: World, admin_client: Client
) -> None:
    response = admin_client.get(admin_url(Network, "change", world.network.pk))
    for inline in response.context["inline_admin_formsets"]:
        assert not inline.has_add_permission
        assert not inline.has_change_permission
        assert not inline.has_delete_permission


# --- Records ------------------------------------------------------------------------------------


def test_the_history_cannot_be_added_changed_or_deleted_in_the_admin(
    world: World, admin_client: Client
) -> None:
    change = world.request.changes.get()
    before = MembershipChange.objects.values().get(pk=change.pk)
    assert admin_client.post(admin_url(MembershipChange, "add"), {}).status_code == 403
    url = admin_url(MembershipChange, "change", change.pk)
    assert admin_client.post(url, {"message": "Anders."}).status_code == 403
    delete = admin_url(MembershipChange, "delete", change.pk)
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert MembershipChange.objects.values().get(pk=change.pk) == before


def test_notes_are_read_and_deleted_but_not_rewritten_in_the_admin(
    world: World, admin_client: Client
) -> None:
    note = NetworkNoteFactory(network=world.network, title="Protokoll")
    url = admin_url(NetworkNote, "change", note.pk)
    assert admin_client.post(url, {"title": "Anders"}).status_code == 403
    note.refresh_from_db()
    assert note.title == "Protokoll"
    response = admin_client.post(admin_url(NetworkNote, "delete", note.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not NetworkNote.objects.filter(pk=note.pk).exists()


def test_staff_without_a_superuser_account_who_do_not_curate_cannot_change_a_network(
    world: World,
) -> None:
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["change_network", "view_network"])
    )
    client = Client()
    client.force_login(clerk)
    url = admin_url(Network, "change", world.network.pk)
    data = change_form_data(client.get(url))
    response = client.post(url, {**data, "goal": "Von außen"})
    assert response.status_code == 403
    world.network.refresh_from_db()
    assert world.network.goal != "Von außen"
