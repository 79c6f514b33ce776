import io

import pytest
from django.core.management import call_command

from networks.models import MembershipChange, Network, NetworkMembership, NetworkNote

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_networks_once() -> None:
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
