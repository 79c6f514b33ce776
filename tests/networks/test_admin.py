import pytest
from django.urls import reverse

from tests.networks.conftest import World

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:networks_network_changelist",
        "admin:networks_networkmembership_changelist",
        "admin:networks_membershipchange_changelist",
        "admin:networks_networknote_changelist",
        "admin:networks_network_add",
    ],
)
def test_site_admin_pages_for_networks_open(world: World, client_for, name: str) -> None:
    response = client_for(world.admin).get(reverse(name))
    assert response.status_code == 200


def test_site_admin_sees_a_network_with_its_members(world: World, client_for) -> None:
    client = client_for(world.admin)
    response = client.get(reverse("admin:networks_network_change", args=[world.network.pk]))
    assert response.status_code == 200
    assert world.coordinating_organisation.name in response.content.decode()
    response = client.get(
        reverse("admin:networks_networkmembership_change", args=[world.request.pk])
    )
    assert response.status_code == 200
    assert "We run a language café." in response.content.decode()
