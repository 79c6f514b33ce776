"""Creating and changing networks and notes: who may, what is derived, and that no change
overwrites one it did not see."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks import services
from networks.models import Network
from networks.services import NetworkData
from tests.concurrency import race
from tests.factories import TopicFactory
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db


def test_staff_create_a_district_network(world: World) -> None:
    network = services.network_create(
        user=world.cast.staff,
        data=NetworkData(name="Neu", scope="district", district=world.cast.district, goal="G"),
    )
    assert network.slug == "neu"
    assert network.city == world.cast.district.city
    assert not network.curators.exists()


def test_staff_who_create_a_city_wide_network_curate_it(world: World) -> None:
    network = services.network_create(
        user=world.cast.staff, data=NetworkData(name="Curation", scope="city", goal="G")
    )
    assert network.slug == "curation-2"
    assert list(network.curators.all()) == [world.cast.staff]


def test_coordinators_cannot_create_networks(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.network_create(
            user=world.coordinator, data=NetworkData(name="X", scope="city", goal="G")
        )
    assert Network.objects.count() == 2


def test_staff_cannot_create_a_network_in_another_district(world: World) -> None:
    data = NetworkData(name="Fremd", district=world.cast.other_district, goal="G")
    with pytest.raises(PermissionDenied):
        services.network_create(user=world.cast.staff, data=data)
    assert not Network.objects.filter(name="Fremd").exists()


def _edited(network: Network, **changes: object) -> NetworkData:
    saved = NetworkData.of(network)
    return NetworkData(**{**vars(saved), **changes})  # type: ignore[arg-type]


def test_a_coordinator_edits_the_network_as_a_new_revision(world: World) -> None:
    network = world.network
    services.network_update(
        network=network,
        user=world.coordinator,
        data=_edited(network, goal="Ein neues Ziel"),
        revision=network.revision,
    )
    network.refresh_from_db()
    assert (network.goal, network.revision) == ("Ein neues Ziel", 2)


def test_a_coordinator_cannot_change_scope_or_district(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.network_update(
            network=world.network,
            user=world.coordinator,
            data=_edited(world.network, scope=Network.Scope.CITY, district=None),
        )
    world.network.refresh_from_db()
    assert (world.network.scope, world.network.district) == ("district", world.cast.district)


def test_staff_cannot_move_a_network_to_another_district(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.network_update(
            network=world.network,
            user=world.cast.staff,
            data=_edited(world.network, district=world.cast.other_district),
        )
    world.network.refresh_from_db()
    assert world.network.district == world.cast.district


def test_staff_of_another_district_cannot_edit(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.network_update(
            network=world.network, user=world.cast.other_staff, data=_edited(world.network)
        )


def test_an_edit_opened_before_another_save_saves_nothing_and_names_both_values(
    world: World,
) -> None:
    opened, goal = world.network.revision, world.network.goal
    services.network_update(
        network=world.network, user=world.cast.staff, data=_edited(world.network, rules="Neu")
    )
    with pytest.raises(services.NetworkChanged) as conflict:
        services.network_update(
            network=world.network,
            user=world.coordinator,
            data=_edited(world.network, goal="Neu", rules=""),
            revision=opened,
        )
    assert conflict.value.differences == [("goal", goal, "Neu"), ("rules", "Neu", "")]
    world.network.refresh_from_db()
    assert (world.network.rules, world.network.goal, world.network.revision) == (
        "Neu",
        goal,
        opened + 1,
    )


def test_an_edit_writes_only_the_fields_it_changes(world: World) -> None:
    with CaptureQueriesContext(connection) as queries:
        services.network_update(
            network=world.network, user=world.coordinator, data=_edited(world.network, goal="Neu")
        )
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert '"goal"' in updates[0]
    assert '"phase"' not in updates[0]
    assert '"name"' not in updates[0]


def test_changing_only_the_topics_is_a_new_revision(world: World) -> None:
    topic = TopicFactory()
    services.network_update(
        network=world.network, user=world.coordinator, data=_edited(world.network, topics=(topic,))
    )
    world.network.refresh_from_db()
    assert list(world.network.topics.all()) == [topic]
    assert world.network.revision == 2


def test_a_coordinator_closes_the_network_and_others_cannot(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.network_change_phase(
            network=world.network, user=world.other_coordinator, phase="closed", note="Ende"
        )
    services.network_change_phase(
        network=world.network, user=world.coordinator, phase="closed", note="Ende"
    )
    world.network.refresh_from_db()
    # The phase is not one of the fields of the edit form: no new revision.
    assert (world.network.phase, world.network.revision) == (Network.Phase.CLOSED, 1)


def test_a_coordinator_adds_a_note(world: World) -> None:
    note = services.note_create(
        network=world.network,
        user=world.coordinator,
        title="Minutes",
        text="We met.",
        date=datetime.date(2026, 3, 4),
    )
    assert note.author_name == str(world.coordinator)
    assert list(world.network.notes.all()) == [note]


def test_members_who_do_not_coordinate_cannot_add_notes(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.note_create(
            network=world.network,
            user=world.cast.owner,
            title="Minutes",
            text="We met.",
            date=datetime.date(2026, 3, 4),
        )
    assert not world.network.notes.exists()


@pytest.mark.django_db(transaction=True)
def test_an_edit_and_closing_at_the_same_moment_never_reopen_the_network(world: World) -> None:
    for attempt in range(5):
        Network.objects.filter(pk=world.network.pk).update(phase=Network.Phase.FOUNDING)
        world.network.refresh_from_db()
        opened = world.network.revision
        edited = _edited(world.network, goal=f"Gleichzeitig geändert ({attempt})")
        results = race(
            lambda data=edited, revision=opened: services.network_update(
                network=world.network, user=world.coordinator, data=data, revision=revision
            ),
            lambda: services.network_change_phase(
                network=world.network, user=world.cast.staff, phase="closed", note="Ende"
            ),
        )
        world.network.refresh_from_db()
        # Both are saved: the edit never writes the phase, closing never the edited fields.
        assert world.network.phase == Network.Phase.CLOSED, results
        assert isinstance(results[0], Network), results
        assert (world.network.goal, world.network.revision) == (edited.goal, opened + 1)
