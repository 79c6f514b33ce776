"""The cast of the events tests: the standing cast plus a network with its coordinator and one
event per kind of organiser."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from events.models import Event
from networks.models import Network, NetworkMembership
from tests.conftest import Cast
from tests.factories import EventFactory, MembershipFactory, OrganisationFactory


@dataclass
class EventsCast:
    cast: Cast
    network: Network
    coordinator: User
    district_event: Event
    network_event: Event
    organisation_event: Event

    def event(self, organiser: str) -> Event:
        return {
            "district": self.district_event,
            "network": self.network_event,
            "organisation": self.organisation_event,
        }[organiser]


def make_network(cast: Cast, *, coordinator_organisation=None) -> tuple[Network, User]:  # type: ignore[no-untyped-def]
    network = Network.objects.create(
        name="Netzwerk Pankow",
        slug="netzwerk-pankow",
        scope=Network.Scope.DISTRICT,
        city=cast.district.city,
        district=cast.district,
        goal="Organisations and the district office work together.",
    )
    coordinating = coordinator_organisation or OrganisationFactory(
        name="Koordination e.V.", districts=[cast.district]
    )
    coordinator = MembershipFactory(organisation=coordinating).user
    NetworkMembership.objects.create(
        network=network,
        organisation=coordinating,
        status=NetworkMembership.Status.ACTIVE,
        role=NetworkMembership.Role.COORDINATOR,
    )
    return network, coordinator


def edit_form_data(client: Client, event: Event, **changes: Any) -> dict[str, Any]:
    """What the edit form posts back, as it was opened now, with ``changes`` typed in."""
    form = client.get(reverse("events:edit", kwargs={"slug": event.slug})).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value not in (None, False) and name not in ("languages", "interpretation_languages")
    }
    for name in ("starts_at", "ends_at"):
        data[name] = timezone.localtime(getattr(event, name)).strftime("%Y-%m-%dT%H:%M")
    data.update(changes)
    return {name: ("on" if value is True else value) for name, value in data.items()}


@pytest.fixture
def events_cast(cast: Cast) -> EventsCast:
    network, coordinator = make_network(cast)
    return EventsCast(
        cast=cast,
        network=network,
        coordinator=coordinator,
        district_event=EventFactory(title="District round table", organiser_district=cast.district),
        network_event=EventFactory(
            title="Network meeting",
            kind=Event.Kind.NETWORK_MEETING,
            organiser_district=None,
            organiser_network=network,
        ),
        organisation_event=EventFactory(
            title="Organisation workshop",
            kind=Event.Kind.WORKSHOP,
            organiser_district=None,
            organiser_organisation=cast.organisation,
        ),
    )
