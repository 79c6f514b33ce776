"""Every membership transition: state, history entry and e-mail to the owners."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from networks import services
from networks.access import Party
from networks.models import MembershipChange, Network, NetworkMembership
from networks.services import TRANSITIONS, State
from organisations.models import OrganisationMembership
from tests.concurrency import race
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
)
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db

Status = NetworkMembership.Status
Action = MembershipChange.Action


def last_change(membership: NetworkMembership) -> MembershipChange:
    return membership.changes.order_by("-pk").first()


# --- The table of steps ----------------------------------------------------------------------


def _membership_in(network: Network, state: State) -> NetworkMembership:
    status, role = {
        State.MEMBER: (Status.ACTIVE, NetworkMembership.Role.MEMBER),
        State.COORDINATOR: (Status.ACTIVE, NetworkMembership.Role.COORDINATOR),
    }.get(state, (state.value, NetworkMembership.Role.MEMBER))
    return NetworkMembershipFactory(network=network, status=status, role=role)


@pytest.mark.parametrize(
    "action", [action for action, step in TRANSITIONS.items() if State.NONE not in step.sources]
)
def test_a_step_is_taken_from_the_states_of_the_table_and_refused_from_all_others(
    world: World, action: str
) -> None:
    step = TRANSITIONS[action]
    for state in State:
        if state == State.NONE:
            continue
        membership = _membership_in(world.network, state)
        owner = MembershipFactory(organisation=membership.organisation).user
        user = owner if step.party == Party.ORGANISATION else world.cast.staff
        mail.outbox.clear()
        if state not in step.sources:
            with pytest.raises(services.NetworkError):
                services.membership_transition(membership, action, user=user, message="Why")
            membership.refresh_from_db()
            assert services.state_of(membership) == state
            assert not membership.changes.exists()
            assert not mail.outbox
            continue
        services.membership_transition(membership, action, user=user, message="Why")
        membership.refresh_from_db()
        assert services.state_of(membership) == step.target, state
        assert (membership.decided_by, membership.changes.get().action) == (user, action)
        assert [m.to for m in mail.outbox] == [[owner.email]]


@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_each_step_is_refused_to_those_who_may_not_take_it(world: World, action: str) -> None:
    step = TRANSITIONS[action]
    membership = (
        NetworkMembership(network=world.network, organisation=world.cast.other_organisation)
        if State.NONE in step.sources
        else _membership_in(world.network, next(iter(step.sources)))
    )
    # Staff of the district curate the network but do not act for the organisation; staff of
    # another district do neither.
    user = world.cast.staff if step.party == Party.ORGANISATION else world.cast.other_staff
    with pytest.raises(PermissionDenied):
        services.membership_transition(membership, action, user=user, message="Why")
    assert not MembershipChange.objects.filter(membership__organisation=membership.organisation)


# --- Requests ------------------------------------------------------------------------------------


def test_owner_requests_to_join_and_the_owners_are_told(world: World) -> None:
    cast = world.cast
    organisation = OrganisationFactory(name="Frauenforum", districts=[cast.district])
    owner = MembershipFactory(organisation=organisation).user
    editor = MembershipFactory(
        organisation=organisation, role=OrganisationMembership.Role.EDITOR
    ).user
    membership = services.membership_request(
        network=world.network, organisation=organisation, user=editor, message="Hello"
    )
    assert membership.status == Status.REQUESTED
    assert membership.note == "Hello"
    change = last_change(membership)
    assert (change.action, change.actor, change.message) == (Action.REQUESTED, editor, "Hello")
    # The owners of the organisation, and those of the coordinating organisation.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, world.coordinator.email])
    assert all("Mehrsprachigkeit Pankow" in m.subject for m in mail.outbox)


def test_requesting_twice_is_refused_with_a_clear_message(world: World) -> None:
    with pytest.raises(services.NetworkError, match="already asked to join"):
        services.membership_request(
            network=world.network, organisation=world.cast.organisation, user=world.cast.owner
        )
    assert world.network.memberships.filter(organisation=world.cast.organisation).count() == 1


def test_a_member_cannot_request_again(world: World) -> None:
    with pytest.raises(services.NetworkError, match="already a member"):
        services.membership_request(
            network=world.network,
            organisation=world.coordinating_organisation,
            user=world.coordinator,
        )


@pytest.mark.parametrize(
    ("policy", "phase"),
    [
        (Network.JoinPolicy.INVITATION, Network.Phase.CONSOLIDATION),
        (Network.JoinPolicy.OPEN, Network.Phase.CLOSED),
        (Network.JoinPolicy.OPEN, Network.Phase.PREPARATION),
    ],
)
def test_networks_that_take_no_requests_refuse_them(world: World, policy: str, phase: str) -> None:
    network = NetworkFactory(join_policy=policy, phase=phase)
    with pytest.raises(services.NetworkError, match="does not take requests"):
        services.membership_request(
            network=network, organisation=world.cast.organisation, user=world.cast.owner
        )
    assert not network.memberships.exists()


def test_only_people_of_the_organisation_may_request_for_it(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.membership_request(
            network=world.network, organisation=world.cast.organisation, user=world.cast.staff
        )


def test_a_withdrawn_request_cannot_be_approved_a_second_later(world: World) -> None:
    services.membership_withdraw(membership=world.request, user=world.cast.owner)
    with pytest.raises(services.NetworkError, match="withdrawn this request"):
        services.membership_approve(membership=world.request, user=world.coordinator)
    world.request.refresh_from_db()
    assert world.request.status == Status.WITHDRAWN
    assert list(world.request.changes.values_list("action", flat=True)) == [
        Action.WITHDRAWN,
        Action.REQUESTED,
    ]
    assert len(mail.outbox) == 1


def test_coordinator_approves_a_request_with_a_message(world: World) -> None:
    services.membership_approve(
        membership=world.request, user=world.coordinator, message="Welcome!"
    )
    world.request.refresh_from_db()
    assert world.request.status == Status.ACTIVE
    assert world.request.decided_by == world.coordinator
    assert world.request.decided_at is not None
    change = last_change(world.request)
    assert (change.action, change.status_before, change.status_after) == (
        Action.APPROVED,
        Status.REQUESTED,
        Status.ACTIVE,
    )
    assert [m.to for m in mail.outbox] == [[world.cast.owner.email]]
    assert "Welcome!" in mail.outbox[0].body


def test_staff_decline_a_request_with_a_message(world: World) -> None:
    services.membership_decline(
        membership=world.request, user=world.cast.staff, message="Not our district."
    )
    world.request.refresh_from_db()
    assert world.request.status == Status.DECLINED
    assert last_change(world.request).message == "Not our district."
    assert "Not our district." in mail.outbox[0].body


def test_a_decided_request_cannot_be_decided_again(world: World) -> None:
    services.membership_decline(membership=world.request, user=world.cast.staff)
    with pytest.raises(services.NetworkError, match="already been decided"):
        services.membership_approve(membership=world.request, user=world.coordinator)
    world.request.refresh_from_db()
    assert world.request.status == Status.DECLINED


def test_staff_of_another_district_cannot_decide(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.membership_approve(membership=world.request, user=world.cast.other_staff)
    with pytest.raises(PermissionDenied):
        services.membership_approve(membership=world.request, user=world.other_coordinator)
    world.request.refresh_from_db()
    assert world.request.status == Status.REQUESTED


def test_a_declined_organisation_may_ask_again(world: World) -> None:
    services.membership_decline(membership=world.request, user=world.cast.staff)
    again = services.membership_request(
        network=world.network, organisation=world.cast.organisation, user=world.cast.owner
    )
    assert again.pk != world.request.pk
    assert again.status == Status.REQUESTED


# --- Invitations ---------------------------------------------------------------------------------


def test_staff_invite_an_organisation_and_its_owner_accepts(world: World) -> None:
    invitee = world.cast.other_organisation
    owner = MembershipFactory(organisation=invitee).user
    membership = services.membership_invite(
        network=world.network, organisation=invitee, user=world.cast.staff, message="Join us"
    )
    assert membership.status == Status.INVITED
    assert "Join us" in mail.outbox[-1].body
    services.membership_accept_invitation(membership=membership, user=owner)
    membership.refresh_from_db()
    assert membership.status == Status.ACTIVE
    assert list(membership.changes.values_list("action", flat=True)) == [
        Action.INVITATION_ACCEPTED,
        Action.INVITED,
    ]
    # other_member (the factory's owner) and the new owner both hear of both changes
    assert len(mail.outbox) == 4


def test_an_invitation_can_be_declined(world: World) -> None:
    invitee = world.cast.other_organisation
    membership = services.membership_invite(
        network=world.network, organisation=invitee, user=world.coordinator
    )
    services.membership_decline_invitation(membership=membership, user=world.cast.other_member)
    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    assert last_change(membership).action == Action.INVITATION_DECLINED
    assert len(mail.outbox) == 2  # the invitation, then the answer


def test_inviting_an_existing_member_is_refused(world: World) -> None:
    with pytest.raises(services.NetworkError, match="already a member"):
        services.membership_invite(
            network=world.network,
            organisation=world.coordinating_organisation,
            user=world.cast.staff,
        )
    assert world.network.memberships.count() == 2


def test_inviting_an_organisation_that_asked_already_is_refused(world: World) -> None:
    with pytest.raises(services.NetworkError, match="already asked to join"):
        services.membership_invite(
            network=world.network, organisation=world.cast.organisation, user=world.cast.staff
        )


def test_unpublished_organisations_cannot_be_invited(world: World) -> None:
    draft = OrganisationFactory(status="draft")
    with pytest.raises(services.NetworkError, match="published"):
        services.membership_invite(network=world.network, organisation=draft, user=world.admin)
    assert not world.network.memberships.filter(organisation=draft).exists()


def test_a_withdrawn_invitation_cannot_be_accepted(world: World) -> None:
    membership = services.membership_invite(
        network=world.network, organisation=world.cast.other_organisation, user=world.cast.staff
    )
    services.membership_remove(membership=membership, user=world.cast.staff, reason="Mistake")
    with pytest.raises(services.NetworkError, match="no longer open"):
        services.membership_accept_invitation(membership=membership, user=world.cast.other_member)
    membership.refresh_from_db()
    assert membership.status == Status.REMOVED
    assert last_change(membership).action == Action.INVITATION_WITHDRAWN


# --- Members and coordinators --------------------------------------------------------------------


def test_staff_remove_a_member_with_a_reason(world: World) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    services.membership_remove(
        membership=world.request, user=world.cast.staff, reason="Inactive for two years"
    )
    world.request.refresh_from_db()
    assert world.request.status == Status.REMOVED
    change = last_change(world.request)
    assert (change.action, change.message, change.actor) == (
        Action.REMOVED,
        "Inactive for two years",
        world.cast.staff,
    )
    assert "Inactive for two years" in mail.outbox[-1].body


def test_removing_needs_a_reason(world: World) -> None:
    with pytest.raises(services.NetworkError, match="reason"):
        services.membership_remove(membership=world.coordination, user=world.admin, reason=" ")
    world.coordination.refresh_from_db()
    assert world.coordination.status == Status.ACTIVE


def test_the_last_coordinator_cannot_be_removed(world: World) -> None:
    with pytest.raises(services.NetworkError, match="last coordinator"):
        services.membership_remove(
            membership=world.coordination, user=world.cast.staff, reason="Moved away"
        )
    with pytest.raises(services.NetworkError, match="last coordinator"):
        services.membership_remove_coordinator(membership=world.coordination, user=world.admin)
    with pytest.raises(services.NetworkError, match="last coordinator"):
        services.membership_leave(membership=world.coordination, user=world.coordinator)
    world.coordination.refresh_from_db()
    assert world.coordination.is_coordinator
    assert world.coordination.changes.count() == 0


def test_a_coordinator_names_another_and_then_steps_down(world: World) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    services.membership_name_coordinator(membership=world.request, user=world.coordinator)
    world.request.refresh_from_db()
    assert world.request.is_coordinator
    assert "now coordinates" in mail.outbox[-1].subject or mail.outbox[-1].subject
    services.membership_remove_coordinator(membership=world.coordination, user=world.coordinator)
    world.coordination.refresh_from_db()
    assert world.coordination.role == NetworkMembership.Role.MEMBER
    assert world.coordination.status == Status.ACTIVE
    assert last_change(world.coordination).action == Action.COORDINATOR_REMOVED


def test_a_coordinator_who_leaves_gives_up_the_role(world: World) -> None:
    second = NetworkMembershipFactory(
        network=world.network, role=NetworkMembership.Role.COORDINATOR
    )
    services.membership_leave(membership=world.coordination, user=world.coordinator)
    world.coordination.refresh_from_db()
    assert (world.coordination.status, world.coordination.role) == (Status.LEFT, "member")
    assert list(world.network.memberships.coordinators()) == [second]


def test_naming_a_coordinator_twice_is_refused(world: World) -> None:
    with pytest.raises(services.NetworkError, match="already coordinates"):
        services.membership_name_coordinator(membership=world.coordination, user=world.admin)


def test_only_active_members_can_be_named_coordinators(world: World) -> None:
    with pytest.raises(services.NetworkError, match="Only active members"):
        services.membership_name_coordinator(membership=world.request, user=world.cast.staff)
    world.request.refresh_from_db()
    assert world.request.role == NetworkMembership.Role.MEMBER


def test_leaving_a_network_the_organisation_is_not_in_is_refused(world: World) -> None:
    with pytest.raises(services.NetworkError, match="not a member"):
        services.membership_leave(membership=world.request, user=world.cast.owner)


# --- E-mail ---------------------------------------------------------------------------------


def test_emails_are_written_in_german_by_default(world: World) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    assert mail.outbox[0].subject == "[Migra Hub] Willkommen im Netzwerk „Mehrsprachigkeit Pankow“"
    assert "Mehrsprachigkeit Pankow" in mail.outbox[0].body


# --- Concurrency (PostgreSQL: real row locks) ----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_deciding_the_same_request_at_once(world: World) -> None:
    second = MembershipFactory(organisation=world.coordinating_organisation).user
    results = race(
        lambda: services.membership_approve(membership=world.request, user=world.coordinator),
        lambda: services.membership_decline(membership=world.request, user=second),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], services.NetworkError)
    world.request.refresh_from_db()
    decisions = world.request.changes.exclude(action=Action.REQUESTED)
    assert decisions.count() == 1
    assert world.request.status == decisions.get().status_after


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_ending_each_others_role_at_once_keep_one(world: World) -> None:
    services.membership_approve(membership=world.request, user=world.coordinator)
    services.membership_name_coordinator(membership=world.request, user=world.coordinator)
    results = race(
        lambda: services.membership_remove_coordinator(
            membership=world.request, user=world.coordinator
        ),
        lambda: services.membership_remove_coordinator(
            membership=world.coordination, user=world.cast.owner
        ),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    # The loser is refused: it is no longer a coordinator, or would remove the last one.
    assert isinstance(errors[0], PermissionDenied | services.NetworkError), errors
    assert world.network.memberships.coordinators().count() == 1
