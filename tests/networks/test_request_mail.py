"""The coordinators hear by e-mail that a request to join waits for them."""

from __future__ import annotations

import pytest
from django.core import mail

from networks import services
from networks.models import NetworkMembership
from organisations.models import OrganisationMembership
from tests.factories import (
    MembershipFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db


def _request(world: World) -> NetworkMembership:
    organisation = OrganisationFactory(name="Frauenforum", districts=[world.cast.district])
    requester = MembershipFactory(organisation=organisation).user
    return services.membership_request(
        network=world.network, organisation=organisation, user=requester, message="Hello!"
    )


def _to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if message.to == [address]]


def test_the_coordinating_organisations_owners_hear_of_a_request(world: World) -> None:
    world.coordinator.language = "en"
    world.coordinator.save(update_fields=["language"])
    # An editor of the coordinating organisation and the owner of another network's
    # coordinator are not told.
    editor = MembershipFactory(
        organisation=world.coordinating_organisation, role=OrganisationMembership.Role.EDITOR
    ).user

    membership = _request(world)

    [message] = _to(world.coordinator.email)
    assert "Frauenforum asks to join “Mehrsprachigkeit Pankow”" in message.subject
    assert "Hello!" in message.body
    assert f"/en/networks/{world.network.slug}/memberships/{membership.pk}/approve/" in (
        message.body
    )
    assert not _to(editor.email)
    assert not _to(world.other_coordinator.email)


def test_every_coordinating_organisation_is_told_once(world: World) -> None:
    second = OrganisationFactory()
    both = MembershipFactory(organisation=second).user
    MembershipFactory(organisation=world.coordinating_organisation, user=both)
    NetworkMembershipFactory(
        network=world.network, organisation=second, role=NetworkMembership.Role.COORDINATOR
    )

    _request(world)

    assert len(_to(both.email)) == 1
    assert len(_to(world.coordinator.email)) == 1


def test_a_mail_that_cannot_be_queued_does_not_stop_the_request(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    # An address that no mail may carry (a header break in it): building the mail fails.
    broken = UserFactory(email="coordinator@example.org\nBcc: someone@example.org")
    MembershipFactory(organisation=world.coordinating_organisation, user=broken)

    membership = _request(world)

    membership.refresh_from_db()
    assert membership.status == NetworkMembership.Status.REQUESTED
    assert membership.changes.count() == 1
    assert "Could not queue the coordinators' mail" in caplog.text
