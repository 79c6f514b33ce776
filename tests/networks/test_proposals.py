"""Networks proposed by organisations: staff of the district decide, and on approval the
proposing organisation becomes the first coordinator of the new network."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from networks import access, services
from networks.models import MembershipChange, Network, NetworkMembership, NetworkProposal
from organisations.models import Organisation
from tests.factories import CityStaffFactory, OrganisationFactory, TopicFactory
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db


def _propose(world: World, **values: object) -> NetworkProposal:
    data: dict = {
        "organisation": world.cast.organisation,
        "user": world.cast.owner,
        "name": "Elternnetzwerk Pankow",
        "goal": "Elternvereine teilen Sprachmittlung.",
        "scope": "district",
        "district": world.cast.district,
        "topics": [TopicFactory()],
    }
    return services.proposal_create(**(data | values))


def test_staff_of_the_district_approve_and_the_organisation_coordinates(world: World) -> None:
    world.cast.owner.language = "en"
    world.cast.owner.save()
    proposal = _propose(world)
    assert list(access.proposals_for_staff(world.cast.staff)) == [proposal]
    assert not access.proposals_for_staff(world.cast.other_staff).exists()
    network = services.proposal_approve(
        proposal=proposal, user=world.cast.staff, message="Willkommen!"
    )
    assert (network.name, network.district, network.phase) == (
        "Elternnetzwerk Pankow",
        world.cast.district,
        Network.Phase.PREPARATION,
    )
    assert list(network.topics.all()) == list(proposal.topics.all())
    membership = network.memberships.get()
    assert (membership.organisation, membership.is_coordinator) == (world.cast.organisation, True)
    change = membership.changes.get()
    assert (change.action, change.actor) == (MembershipChange.Action.FOUNDED, world.cast.staff)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.network, proposal.decided_by) == (
        NetworkProposal.Status.APPROVED,
        network,
        world.cast.staff,
    )
    assert network.phase_changes.get().phase_after == Network.Phase.PREPARATION
    decision = next(m for m in mail.outbox if "has been approved" in m.subject)
    assert decision.to == [world.cast.owner.email]  # in the proposer's language
    assert "Willkommen!" in decision.body
    # The proposing organisation's people now curate the network, still hidden from others.
    assert access.can_curate(world.cast.editor, network)
    assert not access.visible_networks(world.cast.other_member).filter(pk=network.pk).exists()
    assert not access.proposals_for_staff(world.cast.staff).exists()


def test_staff_of_another_district_can_neither_see_nor_decide(world: World, client_for) -> None:
    proposal = _propose(world)
    with pytest.raises(PermissionDenied):
        services.proposal_approve(proposal=proposal, user=world.cast.other_staff)
    client = client_for(world.cast.other_staff)
    url = reverse("networks:proposal", args=[proposal.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "approve"}).status_code == 404
    assert client_for(world.cast.owner).post(url, {"decision": "approve"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == NetworkProposal.Status.PENDING
    assert not Network.objects.filter(name=proposal.name).exists()


def test_city_wide_staff_decide_city_wide_proposals(world: World) -> None:
    city_staff = CityStaffFactory().user
    proposal = _propose(world, scope="city", district=world.cast.district)
    assert proposal.district is None
    assert not access.can_decide_proposal(world.cast.staff, proposal)
    assert list(access.proposals_for_staff(city_staff)) == [proposal]
    network = services.proposal_approve(proposal=proposal, user=city_staff)
    assert (network.scope, network.district) == ("city", None)
    assert city_staff in network.curators.all()
    assert network.memberships.coordinators().get().organisation == world.cast.organisation


def test_declining_needs_a_reason_that_goes_to_the_proposer(world: World) -> None:
    proposal = _propose(world)
    with pytest.raises(services.NetworkError):
        services.proposal_decline(proposal=proposal, user=world.cast.staff, reason=" ")
    services.proposal_decline(proposal=proposal, user=world.cast.staff, reason="Gibt es schon.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.reason) == (NetworkProposal.Status.DECLINED, "Gibt es schon.")
    [message] = mail.outbox
    assert message.to == [world.cast.owner.email]
    assert "abgelehnt" in message.subject  # German, the proposer's language
    assert "Gibt es schon." in message.body
    with pytest.raises(services.NetworkError, match="already been decided"):
        services.proposal_approve(proposal=proposal, user=world.cast.staff)


def test_only_people_of_a_published_organisation_propose(world: World) -> None:
    draft = OrganisationFactory(status=Organisation.Status.DRAFT)
    with pytest.raises(PermissionDenied):
        _propose(world, organisation=draft)
    with pytest.raises(PermissionDenied):
        _propose(world, user=world.cast.other_member)
    assert not NetworkProposal.objects.exists()


def test_an_organisation_proposes_on_the_site_and_staff_see_it_waiting(
    world: World, client_for
) -> None:
    client = client_for(world.cast.editor)
    url = reverse("networks:propose")
    response = client.post(url, {"organisation": world.cast.organisation.pk, "name": "Netz"})
    assert response.status_code == 200
    assert response.context["form"]["name"].value() == "Netz"
    response = client.post(
        url,
        {
            "organisation": world.cast.organisation.pk,
            "name": "Netz",
            "goal": "Gemeinsam",
            "scope": "district",
            "district": world.cast.district.pk,
        },
    )
    proposal = NetworkProposal.objects.get()
    assert response.status_code == 302
    assert (proposal.proposed_by, proposal.district) == (world.cast.editor, world.cast.district)
    staff_page = client_for(world.cast.staff).get(reverse("networks:proposals"))
    assert "Netz" in staff_page.content.decode()
    response = client_for(world.cast.staff).post(
        reverse("networks:proposal", args=[proposal.pk]), {"decision": "approve"}
    )
    network = Network.objects.get(name="Netz")
    assert response["Location"] == network.get_absolute_url()
    assert network.memberships.get().role == NetworkMembership.Role.COORDINATOR


def test_staff_start_networks_as_before(world: World, client_for) -> None:
    response = client_for(world.cast.owner).get(reverse("networks:create"))
    assert response.status_code == 403
    assert client_for(world.cast.staff).get(reverse("networks:create")).status_code == 200


def test_pages_of_proposals_have_a_fixed_query_count(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    for count in (2, 12):
        for _ in range(count):
            _propose(world)
        proposal = NetworkProposal.objects.first()
        assert proposal is not None
        detail = reverse("networks:proposal", args=[proposal.pk])
        for user in (world.cast.owner, world.cast.staff):
            client = client_for(user)
            with django_assert_max_num_queries(12):
                assert client.get(reverse("networks:proposals")).status_code == 200
            with django_assert_max_num_queries(14):
                assert client.get(detail).status_code == 200
        owner = client_for(world.cast.owner)
        with django_assert_max_num_queries(14):
            assert owner.get(reverse("networks:propose")).status_code == 200
