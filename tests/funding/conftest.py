"""The funding calls' cast: the standing cast, a network of its district with an MSO
coordinator, a coordinator of another district's network, city-wide staff and an administrator,
and calls of each kind: published and draft, of the district and of the network."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import translation

from accounts.models import User
from funding.models import FundingCall
from networks.models import Network, NetworkMembership
from organisations.models import OrganisationMembership
from tests.conftest import Cast
from tests.factories import (
    CityStaffFactory,
    FundingCallFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    UserFactory,
)


@dataclass
class World:
    cast: Cast
    network: Network
    coordinator: User
    other_coordinator: User
    city_staff: User
    admin: User
    district_call: FundingCall
    network_call: FundingCall
    district_draft: FundingCall
    network_draft: FundingCall

    def user(self, role: str) -> User | None:
        """The person playing ``role`` in the permission matrix (None: anonymous)."""
        return {
            "anonymous": None,
            "member": self.cast.owner,
            "coordinator": self.coordinator,
            "other_coordinator": self.other_coordinator,
            "staff": self.cast.staff,
            "other_staff": self.cast.other_staff,
            "city_staff": self.city_staff,
            "admin": self.admin,
        }[role]


@pytest.fixture(autouse=True)
def english() -> object:
    with translation.override("en"):
        yield


def _coordinator_of(network: Network) -> User:
    user = MembershipFactory(role=OrganisationMembership.Role.OWNER).user
    NetworkMembershipFactory(
        network=network,
        organisation=user.organisation_memberships.get().organisation,
        role=NetworkMembership.Role.COORDINATOR,
    )
    return user


def network_call(network: Network, **values: object) -> FundingCall:
    return FundingCallFactory(
        scope=FundingCall.Scope.NETWORK, district=None, network=network, **values
    )


@pytest.fixture
def world(cast: Cast) -> World:
    network = NetworkFactory(name="Mehrsprachigkeit Pankow", district=cast.district)
    other_network = NetworkFactory(name="Vielfalt Spandau", district=cast.other_district)
    return World(
        cast=cast,
        network=network,
        coordinator=_coordinator_of(network),
        other_coordinator=_coordinator_of(other_network),
        city_staff=CityStaffFactory().user,
        admin=UserFactory(is_superuser=True, is_staff=True),
        district_call=FundingCallFactory(title="Kiezfonds Pankow", district=cast.district),
        network_call=network_call(network, title="Sprachfonds im Netzwerk"),
        district_draft=FundingCallFactory(
            title="Entwurf Pankow", district=cast.district, status=FundingCall.Status.DRAFT
        ),
        network_draft=network_call(
            network, title="Entwurf Netzwerk", status=FundingCall.Status.DRAFT
        ),
    )
