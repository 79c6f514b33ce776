"""The following app's cast: a network of the cast's district whose member is the cast's
organisation, a person who follows nothing yet, and a clock for digest runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone, translation

from accounts.models import User
from events.models import Event
from networks.models import Network, NetworkMembership
from tests.conftest import Cast
from tests.factories import EventFactory, NetworkFactory, NetworkMembershipFactory, UserFactory


@dataclass
class World:
    cast: Cast
    network: Network
    follower: User

    def event(self, **kwargs: object) -> Event:
        """A public event of the network, published now."""
        kwargs.setdefault("organiser_district", None)
        kwargs.setdefault("organiser_network", self.network)
        kwargs.setdefault("published_at", timezone.now())
        return EventFactory(**kwargs)


@pytest.fixture(autouse=True)
def english() -> object:
    with translation.override("en"):
        yield


@pytest.fixture
def world(cast: Cast) -> World:
    network = NetworkFactory(name="Mehrsprachigkeit Pankow", district=cast.district)
    NetworkMembershipFactory(
        network=network, organisation=cast.organisation, role=NetworkMembership.Role.COORDINATOR
    )
    return World(cast=cast, network=network, follower=UserFactory(language="en"))


def later(**delta: float) -> datetime.datetime:
    """A moment after now, for a digest run after what the test just created."""
    return timezone.now() + datetime.timedelta(**delta)
