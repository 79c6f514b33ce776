"""Who may open the pages of a network's phase, its tasks and proposed networks: anonymous
people are sent to log in, outsiders get 404 for what they may not see, people without the
needed role 403."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from networks import services
from networks.models import Network, NetworkProposal, NetworkTask
from tests.factories import NetworkProposalFactory, NetworkTaskFactory
from tests.networks.conftest import World
from tests.networks.test_permissions import CURATORS, LOGGED_IN, ROLES, expect

pytestmark = pytest.mark.django_db

#                 anon owner edit other coord ocoord staff ostaff admin
MEMBERS_404 = expect(302, 404, 404, 404, 200, 404, 200, 404, 200)
PROPOSE = expect(302, 200, 200, 200, 200, 200, 403, 403, 403)
# a proposal of the owner's organisation in the staff's district
OWN_PROPOSAL = expect(302, 200, 200, 404, 404, 404, 200, 404, 200)


def _proposal(world: World) -> NetworkProposal:
    return NetworkProposalFactory(
        organisation=world.cast.organisation,
        proposed_by=world.cast.owner,
        district=world.cast.district,
    )


def urls(world: World) -> list[tuple[str, str, dict[str, int]]]:
    slug = world.network.slug
    task = NetworkTaskFactory(network=world.network, responsible=world.coordinating_organisation)
    return [
        ("phase", reverse("networks:phase", args=[slug]), CURATORS),
        ("tasks", reverse("networks:tasks", args=[slug]), MEMBERS_404),
        ("task edit", reverse("networks:task_edit", args=[slug, task.pk]), MEMBERS_404),
        ("propose", reverse("networks:propose"), PROPOSE),
        ("proposals", reverse("networks:proposals"), LOGGED_IN),
        ("proposal", reverse("networks:proposal", args=[_proposal(world).pk]), OWN_PROPOSAL),
    ]


PAGES = ["phase", "tasks", "task edit", "propose", "proposals", "proposal"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(world: World, client_for, page: str, role: str) -> None:
    [(name, url, expected)] = [row for row in urls(world) if row[0] == page]
    response = client_for(world.user(role)).get(url)
    assert response.status_code == expected[role], f"{name} as {role}: {url}"
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


# Posting: who changes the phase, adds and ticks tasks, decides proposals.
#                     anon owner edit other coord ocoord staff ostaff admin
PHASE_POST = expect(302, 403, 403, 403, 302, 403, 302, 403, 302)
TASK_POST = expect(302, 404, 404, 404, 302, 404, 302, 404, 302)
DECIDE_POST = expect(302, 403, 403, 404, 404, 404, 302, 404, 302)


@pytest.mark.parametrize("role", ROLES)
def test_only_curators_change_the_phase(world: World, client_for, role: str) -> None:
    url = reverse("networks:phase", args=[world.network.slug])
    response = client_for(world.user(role)).post(
        url, {"phase": "formalisation", "date": "2026-01-05", "note": "Los"}
    )
    assert response.status_code == PHASE_POST[role]
    world.network.refresh_from_db()
    changed = PHASE_POST[role] == 302 and role != "anonymous"
    assert world.network.phase == ("formalisation" if changed else "founding")
    assert world.network.phase_changes.exists() == changed


@pytest.mark.parametrize("role", ROLES)
def test_only_curators_add_tasks(world: World, client_for, role: str) -> None:
    url = reverse("networks:tasks", args=[world.network.slug])
    response = client_for(world.user(role)).post(
        url, {"title": "Flyer", "responsible": world.coordinating_organisation.pk}
    )
    assert response.status_code == TASK_POST[role]
    added = TASK_POST[role] == 302 and role != "anonymous"
    assert world.network.tasks.exists() == added


@pytest.mark.parametrize("role", ROLES)
def test_who_ticks_a_task(world: World, client_for, role: str) -> None:
    task = NetworkTaskFactory(network=world.network, responsible=world.coordinating_organisation)
    url = reverse("networks:task_done", args=[world.network.slug, task.pk])
    response = client_for(world.user(role)).post(url, {"done": "1"})
    assert response.status_code == TASK_POST[role]
    task.refresh_from_db()
    assert task.is_done == (TASK_POST[role] == 302 and role != "anonymous")


def test_members_see_the_tasks_but_only_tick_their_own(world: World, client_for) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    others = NetworkTaskFactory(network=world.network, responsible=world.coordinating_organisation)
    own = NetworkTaskFactory(network=world.network, responsible=world.cast.organisation)
    client = client_for(world.cast.editor)
    tasks = reverse("networks:tasks", args=[world.network.slug])
    response = client.get(tasks)
    assert response.status_code == 200
    assert "Add a task" not in response.content.decode()
    assert client.post(tasks, {"title": "X", "responsible": own.responsible_id}).status_code == 403
    edit = reverse("networks:task_edit", args=[world.network.slug, own.pk])
    assert client.get(edit).status_code == 403

    def done(task: NetworkTask) -> int:
        url = reverse("networks:task_done", args=[world.network.slug, task.pk])
        return client.post(url, {"done": "1"}).status_code

    assert (done(others), done(own)) == (403, 302)
    own.refresh_from_db()
    others.refresh_from_db()
    assert (own.is_done, others.is_done) == (True, False)


def test_a_task_of_another_network_is_not_found(world: World, client_for) -> None:
    task = NetworkTaskFactory(network=world.other_network)
    url = reverse("networks:task_edit", args=[world.network.slug, task.pk])
    assert client_for(world.coordinator).get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_of_the_district_decide_a_proposal(world: World, client_for, role: str) -> None:
    proposal = _proposal(world)
    url = reverse("networks:proposal", args=[proposal.pk])
    response = client_for(world.user(role)).post(
        url, {"decision": "decline", "message": "Gibt es schon."}
    )
    assert response.status_code == DECIDE_POST[role]
    proposal.refresh_from_db()
    decided = DECIDE_POST[role] == 302 and role != "anonymous"
    assert proposal.status == ("declined" if decided else "pending")
    assert len(mail.outbox) == (1 if decided else 0)
    assert not Network.objects.filter(name=proposal.name).exists()
