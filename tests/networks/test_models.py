import pytest
from django.db import IntegrityError, transaction

from networks.models import Network, NetworkMembership
from tests.factories import NetworkFactory, NetworkMembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

Status = NetworkMembership.Status


def test_an_organisation_cannot_have_two_current_memberships_in_one_network() -> None:
    membership = NetworkMembershipFactory(status=Status.REQUESTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkMembershipFactory(
            network=membership.network,
            organisation=membership.organisation,
            status=Status.INVITED,
        )
    assert NetworkMembership.objects.count() == 1


@pytest.mark.parametrize("past", [Status.DECLINED, Status.LEFT, Status.REMOVED, Status.WITHDRAWN])
def test_past_memberships_do_not_block_a_new_one(past: str) -> None:
    old = NetworkMembershipFactory(status=past)
    NetworkMembershipFactory(
        network=old.network, organisation=old.organisation, status=Status.REQUESTED
    )
    assert old.network.memberships.filter(organisation=old.organisation).count() == 2


def test_only_active_members_can_be_coordinators() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkMembershipFactory(status=Status.LEFT, role=NetworkMembership.Role.COORDINATOR)
    assert not NetworkMembership.objects.exists()


def test_a_district_network_needs_a_district() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkFactory(scope=Network.Scope.DISTRICT, district=None)
    assert not Network.objects.exists()


def test_public_networks_leave_out_those_being_set_up() -> None:
    shown = NetworkFactory(phase=Network.Phase.DORMANT)
    NetworkFactory(phase=Network.Phase.PREPARATION)
    assert list(Network.objects.public()) == [shown]


def test_network_page_members_are_active_and_published() -> None:
    network = NetworkFactory()
    shown = NetworkMembershipFactory(network=network)
    NetworkMembershipFactory(network=network, status=Status.REQUESTED)
    NetworkMembershipFactory(network=network, organisation=OrganisationFactory(status="archived"))
    assert list(network.memberships.public()) == [shown]
