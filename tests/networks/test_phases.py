"""A network's phases and its agreements: the steps between phases are a table, every change is
dated and explained in the timeline, tasks go to active members and stay with the network."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from networks import services
from networks.models import Network, NetworkPhaseChange
from tests.factories import (
    EventFactory,
    NetworkMembershipFactory,
    NetworkTaskFactory,
    OrganisationFactory,
)
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db

Phase = Network.Phase


def _move(world: World, phase: str, *, user=None, note: str = "Treffen", days_ago: int = 0):  # type: ignore[no-untyped-def]
    return services.network_change_phase(
        network=world.network,
        user=user or world.coordinator,
        phase=phase,
        note=note,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
    )


def test_a_network_grows_from_preparation_to_formalisation_with_tasks(world: World) -> None:
    Network.objects.filter(pk=world.network.pk).update(phase=Phase.PREPARATION)
    world.network.refresh_from_db()
    _move(world, Phase.FOUNDING, note="Gründungstreffen", days_ago=30)
    task = services.task_create(
        network=world.network,
        user=world.coordinator,
        title="Geschäftsordnung entwerfen",
        responsible=world.coordinating_organisation,
        due_date=timezone.localdate() + datetime.timedelta(days=14),
    )
    _move(world, Phase.FORMALISATION, note="Aufgaben verteilt")
    world.network.refresh_from_db()
    assert world.network.phase == Phase.FORMALISATION
    assert [(c.phase_before, c.phase_after, c.note) for c in world.network.phase_changes.all()] == [
        (Phase.FOUNDING, Phase.FORMALISATION, "Aufgaben verteilt"),
        (Phase.PREPARATION, Phase.FOUNDING, "Gründungstreffen"),
    ]
    assert list(world.network.tasks.open()) == [task]
    assert task.responsible_name == "Sprachbrücke e.V."


def test_a_network_cannot_skip_phases(world: World) -> None:
    with pytest.raises(services.NetworkError, match="cannot move to"):
        _move(world, Phase.STABILISATION)
    world.network.refresh_from_db()
    assert world.network.phase == Phase.FOUNDING
    assert not world.network.phase_changes.exists()


def test_every_phase_can_close_and_only_closed_needs_staff_to_reopen(world: World) -> None:
    for source, targets in services.PHASE_STEPS.items():
        if source != Phase.CLOSED:
            assert targets[Phase.CLOSED] == services.Who.CURATOR
    assert services.PHASE_STEPS[Phase.CLOSED] == {Phase.DORMANT: services.Who.STAFF}
    _move(world, Phase.CLOSED)
    assert services.next_phases(world.coordinator, world.network) == []
    with pytest.raises(PermissionDenied):
        _move(world, Phase.DORMANT)
    assert services.next_phases(world.cast.staff, world.network) == [Phase.DORMANT]
    _move(world, Phase.DORMANT, user=world.cast.staff, note="Wieder aufgenommen")
    world.network.refresh_from_db()
    assert world.network.phase == Phase.DORMANT


def test_a_phase_change_needs_a_note_and_a_date_not_in_the_future(world: World) -> None:
    with pytest.raises(services.NetworkError, match="short note"):
        _move(world, Phase.FORMALISATION, note="  ")
    with pytest.raises(services.NetworkError, match="future"):
        _move(world, Phase.FORMALISATION, days_ago=-1)
    _move(world, Phase.FORMALISATION, days_ago=3)
    with pytest.raises(services.NetworkError, match="already has a change"):
        _move(world, Phase.CONSOLIDATION, days_ago=10)
    assert world.network.phase_changes.count() == 1


@pytest.mark.parametrize("role", ["owner", "other_coordinator", "other_staff"])
def test_only_curators_of_the_network_change_its_phase(world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        _move(world, Phase.FORMALISATION, user=world.user(role))
    world.network.refresh_from_db()
    assert world.network.phase == Phase.FOUNDING


def test_a_network_in_preparation_is_hidden_and_takes_no_requests(world: World) -> None:
    Network.objects.filter(pk=world.network.pk).update(phase=Phase.PREPARATION)
    world.network.refresh_from_db()
    assert not world.network.is_public
    assert not world.network.accepts_requests
    assert world.network not in Network.objects.public()
    _move(world, Phase.FOUNDING)
    assert world.network in Network.objects.public()
    assert Network.objects.get(pk=world.network.pk).accepts_requests


def test_a_network_created_by_staff_starts_its_timeline(world: World) -> None:
    network = services.network_create(
        user=world.cast.staff,
        data=services.NetworkData(name="Neu", goal="Ziel", district=world.cast.district),
        phase=Phase.PREPARATION,
    )
    entry = network.phase_changes.get()
    assert (entry.phase_before, entry.phase_after, entry.date) == (
        "",
        Phase.PREPARATION,
        timezone.localdate(),
    )


# --- Tasks -------------------------------------------------------------------------------------


def test_a_task_goes_only_to_an_active_member(world: World) -> None:
    with pytest.raises(services.NetworkError, match="not an active member"):
        services.task_create(
            network=world.network,
            user=world.coordinator,
            title="Raum buchen",
            responsible=world.cast.organisation,  # has only asked to join
        )
    assert not world.network.tasks.exists()


def test_members_who_do_not_coordinate_cannot_add_tasks(world: World) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    with pytest.raises(PermissionDenied):
        services.task_create(
            network=world.network,
            user=world.cast.owner,
            title="Raum buchen",
            responsible=world.cast.organisation,
        )


def test_the_responsible_organisation_ticks_its_own_task_and_no_other(world: World) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    own = services.task_create(
        network=world.network,
        user=world.coordinator,
        title="Protokoll",
        responsible=world.cast.organisation,
    )
    other = services.task_create(
        network=world.network,
        user=world.coordinator,
        title="Einladung",
        responsible=world.coordinating_organisation,
    )
    done = services.task_set_done(task=own, user=world.cast.editor, done=True)
    assert (done.is_done, done.done_by) == (True, world.cast.editor)
    with pytest.raises(PermissionDenied):
        services.task_set_done(task=other, user=world.cast.editor, done=True)
    other.refresh_from_db()
    assert not other.is_done
    again = services.task_set_done(task=own, user=world.coordinator, done=False)
    assert (again.done_at, again.done_by) == (None, None)


def test_a_task_stays_with_the_network_when_its_organisation_leaves(world: World) -> None:
    member = NetworkMembershipFactory(network=world.network)
    task = services.task_create(
        network=world.network,
        user=world.coordinator,
        title="Flyer drucken",
        responsible=member.organisation,
    )
    services.membership_remove(membership=member, user=world.coordinator, reason="Aufgelöst")
    edited = services.task_update(
        task=task,
        user=world.coordinator,
        title="Flyer drucken lassen",
        responsible=member.organisation,
    )
    assert (edited.title, edited.responsible) == ("Flyer drucken lassen", member.organisation)
    with pytest.raises(services.NetworkError):
        services.task_update(
            task=task, user=world.coordinator, title="X", responsible=OrganisationFactory()
        )
    member.organisation.delete()
    task.refresh_from_db()
    assert (task.responsible, task.responsible_name) == (None, member.organisation.name)


# --- Pages -------------------------------------------------------------------------------------


def test_the_coordinator_changes_the_phase_on_its_page(world: World, client_for) -> None:
    url = reverse("networks:phase", args=[world.network.slug])
    client = client_for(world.coordinator)
    response = client.post(
        url, {"phase": "formalisation", "date": "", "note": "Wir verteilen Aufgaben."}
    )
    assert response.status_code == 200  # the date is required
    assert "This field is required" in response.content.decode()
    assert response.context["form"]["note"].value() == "Wir verteilen Aufgaben."
    response = client.post(
        url,
        {
            "phase": "formalisation",
            "date": timezone.localdate().isoformat(),
            "note": "Wir verteilen Aufgaben.",
        },
    )
    assert response.status_code == 302
    page = client.get(world.network.get_absolute_url()).content.decode()
    assert "Wir verteilen Aufgaben." in page
    assert "Phase: formalisation" in page


def test_a_step_the_table_does_not_allow_is_not_offered(world: World, client_for) -> None:
    url = reverse("networks:phase", args=[world.network.slug])
    response = client_for(world.coordinator).post(
        url, {"phase": "stabilisation", "date": timezone.localdate().isoformat(), "note": "x"}
    )
    assert response.status_code == 200
    assert not NetworkPhaseChange.objects.exists()


def test_the_network_page_shows_rules_terms_timeline_tasks_and_next_meeting(
    world: World, client_for
) -> None:
    Network.objects.filter(pk=world.network.pk).update(
        rules="Eine Stimme je Verein.", terms_of_reference="Wir machen Beratung mehrsprachig."
    )
    NetworkTaskFactory(network=world.network, title="Sprachcafé planen")
    EventFactory(
        title="Netzwerktreffen im Mai",
        organiser_district=None,
        organiser_network=world.network,
        status=Event.Status.PUBLISHED,
    )
    _move(world, Phase.FORMALISATION, note="Aufgaben verteilt")
    member_page = client_for(world.coordinator).get(world.network.get_absolute_url())
    html = member_page.content.decode()
    for text in (
        "Eine Stimme je Verein.",
        "Wir machen Beratung mehrsprachig.",
        "Aufgaben verteilt",
        "Sprachcafé planen",
        "Next meeting",
        "Netzwerktreffen im Mai",
    ):
        assert text in html, text
    public = client_for(None).get(world.network.get_absolute_url()).content.decode()
    assert "Aufgaben verteilt" in public
    assert "Sprachcafé planen" not in public


def test_the_network_page_query_count_does_not_grow_with_tasks_and_timeline(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            NetworkTaskFactory(network=world.network, responsible=world.coordinating_organisation)
            NetworkPhaseChange.objects.create(
                network=world.network, phase_after=Phase.FOUNDING, note="x"
            )

    for user in (None, world.cast.owner, world.coordinator, world.cast.staff):
        client = client_for(user)
        add(2)
        with django_assert_max_num_queries(28):
            assert client.get(world.network.get_absolute_url()).status_code == 200
        add(12)
        with django_assert_max_num_queries(28):
            assert client.get(world.network.get_absolute_url()).status_code == 200


def test_the_tasks_page_query_count_does_not_grow_with_tasks(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    url = reverse("networks:tasks", args=[world.network.slug])
    client = client_for(world.coordinator)
    for count in (2, 20):
        for _ in range(count):
            NetworkTaskFactory(network=world.network, responsible=OrganisationFactory())
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


def test_a_coordinator_adds_and_edits_a_task_on_the_tasks_page(
    world: World, client: Client
) -> None:
    client.force_login(world.coordinator)
    url = reverse("networks:tasks", args=[world.network.slug])
    response = client.post(url, {"title": "Flyer", "responsible": "", "due_date": ""})
    assert response.status_code == 200
    assert response.context["form"]["title"].value() == "Flyer"
    response = client.post(
        url,
        {"title": "Flyer", "responsible": world.coordinating_organisation.pk, "due_date": ""},
    )
    assert response.status_code == 302
    task = world.network.tasks.get()
    edit = reverse("networks:task_edit", args=[world.network.slug, task.pk])
    response = client.post(
        edit,
        {
            "title": "Flyer drucken",
            "responsible": world.coordinating_organisation.pk,
            "due_date": "2030-01-31",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.due_date) == ("Flyer drucken", datetime.date(2030, 1, 31))
    done = reverse("networks:task_done", args=[world.network.slug, task.pk])
    assert client.post(done, {"done": "1"}).status_code == 302
    task.refresh_from_db()
    assert task.is_done
