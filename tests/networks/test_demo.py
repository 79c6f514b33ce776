import io

import pytest
from django.core.management import call_command

from networks.models import MembershipChange, Network, NetworkMembership, NetworkNote

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_networks_once_through_the_services() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    counts = (
        Network.objects.count(),
        NetworkMembership.objects.count(),
        MembershipChange.objects.count(),
        NetworkNote.objects.count(),
    )
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (
        Network.objects.count(),
        NetworkMembership.objects.count(),
        MembershipChange.objects.count(),
        NetworkNote.objects.count(),
    )
    assert set(Network.objects.values_list("scope", flat=True)) == {
        "district",
        "city",
        "national",
        "international",
    }
    assert NetworkMembership.objects.requested().exists()
    assert NetworkMembership.objects.invited().exists()
    coordinator = Network.objects.get(slug="netzwerk-mehrsprachigkeit-pankow").memberships.get(
        role="coordinator"
    )
    assert coordinator.organisation.memberships.filter(
        user__email="coordinator@demo.migra-hub.invalid"
    ).exists()
    assert_built_through_the_services()


def assert_built_through_the_services() -> None:
    """Every membership has the history its steps write, and the demo queued no mail."""
    from mailer.models import Message

    for membership in NetworkMembership.objects.all():
        actions = list(membership.changes.order_by("pk").values_list("action", flat=True))
        assert actions[0] == ("requested" if membership.status == "requested" else "invited")
        if membership.status == "active":
            assert "invitation_accepted" in actions
        if membership.role == "coordinator":
            assert actions[-1] == "coordinator_named"
    assert not MembershipChange.objects.filter(actor_name="").exclude(actor=None).exists()
    assert Network.objects.get(slug="europaisches-diaspora-forum").status == "dormant"
    assert not NetworkNote.objects.filter(author=None).exists()
    assert not any(
        address.endswith("@demo.migra-hub.invalid")
        for message in Message.objects.all()
        for address in message.to_addresses
    )
