"""Every change of a membership: a table of steps and the one function that takes them.

Every step is one row of ``TRANSITIONS`` and goes through
``membership_transition``: in one transaction it locks the network and the membership rows
(``select_for_update``), checks the state it found, changes it, writes the history entry and
e-mails the organisation's owners. Two curators deciding the same request at once therefore
cannot both succeed: the second one waits for the row lock and then sees the decision of the
first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from networks import access
from networks.access import Party
from networks.models import MembershipChange, Network, NetworkMembership
from networks.services.common import NetworkError
from networks.services.membership_mail import notify_coordinators, notify_owners
from organisations.models import Organisation

Status = NetworkMembership.Status
Role = NetworkMembership.Role
Action = MembershipChange.Action


class State(StrEnum):
    """Where an organisation stands in a network: the membership's status, with active members
    told apart by their role (naming a coordinator is a step like any other)."""

    NONE = "none"  # no current membership: it may ask to join or be invited
    REQUESTED = "requested"
    INVITED = "invited"
    MEMBER = "member"
    COORDINATOR = "coordinator"
    DECLINED = "declined"
    LEFT = "left"
    REMOVED = "removed"
    WITHDRAWN = "withdrawn"


def state_of(membership: NetworkMembership) -> State:
    if membership.pk is None:
        return State.NONE
    if membership.status == Status.ACTIVE:
        return State.COORDINATOR if membership.is_coordinator else State.MEMBER
    return State(membership.status)


# The status and role a membership has in each state.
_FIELDS: dict[State, tuple[str, str]] = {
    State.MEMBER: (Status.ACTIVE, Role.MEMBER),
    State.COORDINATOR: (Status.ACTIVE, Role.COORDINATOR),
    **{
        state: (Status(state.value), Role.MEMBER)
        for state in State
        if state not in (State.NONE, State.MEMBER, State.COORDINATOR)
    },
}


@dataclass(frozen=True)
class Transition:
    sources: frozenset[State]
    target: State
    party: Party  # who may take the step
    needs_reason: bool = False


# Every change of a membership: the history's action, the states it starts from, the state it
# leads to and who may take it (the organisation's owners and editors, or the network's
# curators: its district staff, the staff named for it and its coordinators).
TRANSITIONS: dict[str, Transition] = {
    Action.REQUESTED: Transition(frozenset({State.NONE}), State.REQUESTED, Party.ORGANISATION),
    Action.INVITED: Transition(frozenset({State.NONE}), State.INVITED, Party.CURATOR),
    Action.WITHDRAWN: Transition(frozenset({State.REQUESTED}), State.WITHDRAWN, Party.ORGANISATION),
    Action.INVITATION_ACCEPTED: Transition(
        frozenset({State.INVITED}), State.MEMBER, Party.ORGANISATION
    ),
    Action.INVITATION_DECLINED: Transition(
        frozenset({State.INVITED}), State.DECLINED, Party.ORGANISATION
    ),
    Action.LEFT: Transition(
        frozenset({State.MEMBER, State.COORDINATOR}), State.LEFT, Party.ORGANISATION
    ),
    Action.APPROVED: Transition(frozenset({State.REQUESTED}), State.MEMBER, Party.CURATOR),
    Action.DECLINED: Transition(frozenset({State.REQUESTED}), State.DECLINED, Party.CURATOR),
    Action.REMOVED: Transition(
        frozenset({State.MEMBER, State.COORDINATOR}),
        State.REMOVED,
        Party.CURATOR,
        needs_reason=True,
    ),
    Action.INVITATION_WITHDRAWN: Transition(
        frozenset({State.INVITED}), State.REMOVED, Party.CURATOR, needs_reason=True
    ),
    Action.COORDINATOR_NAMED: Transition(
        frozenset({State.MEMBER}), State.COORDINATOR, Party.CURATOR
    ),
    Action.COORDINATOR_REMOVED: Transition(
        frozenset({State.COORDINATOR}), State.MEMBER, Party.CURATOR
    ),
    # Only when staff approve the organisation's proposal of the network.
    Action.FOUNDED: Transition(frozenset({State.NONE}), State.COORDINATOR, Party.CURATOR),
}

# What someone is told whose step the membership's current state does not allow: by the
# state it is in, else the general answer (key None).
_ALREADY: dict[State | None, Any] = {
    State.REQUESTED: _("%(organisation)s has already asked to join this network."),
    State.INVITED: _("%(organisation)s has already been invited to this network."),
    State.MEMBER: _("%(organisation)s is already a member of this network."),
    State.COORDINATOR: _("%(organisation)s is already a member of this network."),
    None: _("%(organisation)s has already asked to join or is a member."),
}
_DECIDED: dict[State | None, Any] = {
    State.WITHDRAWN: _("The organisation has withdrawn this request in the meantime."),
    None: _("This has already been decided in the meantime (now: %(status)s)."),
}
_INVITATION_CLOSED: dict[State | None, Any] = {None: _("This invitation is no longer open.")}
_NOT_A_MEMBER: dict[State | None, Any] = {
    None: _("The organisation is not a member of this network.")
}
REFUSALS: dict[str, dict[State | None, Any]] = {
    Action.REQUESTED: _ALREADY,
    Action.INVITED: _ALREADY,
    Action.WITHDRAWN: {None: _("This request is no longer open and cannot be withdrawn.")},
    Action.INVITATION_ACCEPTED: _INVITATION_CLOSED,
    Action.INVITATION_DECLINED: _INVITATION_CLOSED,
    Action.LEFT: _NOT_A_MEMBER,
    Action.APPROVED: _DECIDED,
    Action.DECLINED: _DECIDED,
    Action.REMOVED: _NOT_A_MEMBER,
    Action.INVITATION_WITHDRAWN: _NOT_A_MEMBER,
    Action.COORDINATOR_NAMED: {
        State.COORDINATOR: _("%(organisation)s already coordinates this network."),
        None: _("Only active members can coordinate a network."),
    },
    Action.COORDINATOR_REMOVED: {None: _("%(organisation)s does not coordinate this network.")},
    Action.FOUNDED: _ALREADY,
}


def can_transition(membership: NetworkMembership, action: str) -> bool:
    return state_of(membership) in TRANSITIONS[action].sources


def _refusal(action: str, membership: NetworkMembership) -> NetworkError:
    messages = REFUSALS[action]
    message = messages.get(state_of(membership)) or messages[None]
    return NetworkError(
        message
        % {"organisation": membership.organisation, "status": membership.get_status_display()}
    )


def _locked(membership: NetworkMembership, network: Network) -> NetworkMembership:
    """The membership as it is now, its row locked; for a new one (not saved yet) the
    organisation's current membership in the network if it has one, else the new one.

    Every change first locks the network row (the caller), then the membership: one order
    for all, so changes of one network wait for each other instead of deadlocking, and two
    people ending the last two coordinator roles at once cannot both succeed.
    """
    memberships = NetworkMembership.objects.select_for_update().select_related(
        "network", "organisation"
    )
    if membership.pk is not None:
        return memberships.get(pk=membership.pk, network=network)
    current = memberships.current().filter(network=network, organisation=membership.organisation_id)
    membership.network = network
    return current.first() or membership


def _check_network(action: str, membership: NetworkMembership) -> None:
    """Whether the network (and the invited organisation) allow a new membership."""
    network = membership.network
    if action == Action.REQUESTED and not network.accepts_requests:
        raise NetworkError(_("This network does not take requests to join at the moment."))
    if action == Action.INVITED:
        if not membership.organisation.is_public:
            raise NetworkError(_("Only organisations published in the directory can be invited."))
        if network.is_closed:
            raise NetworkError(_("This network is closed."))


def _check_last_coordinator(membership: NetworkMembership) -> None:
    """Refuse to end the role of a network's last coordinator (the network row is locked)."""
    others = (
        NetworkMembership.objects.coordinators()
        .filter(network=membership.network_id)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise NetworkError(
            _(
                "%(organisation)s is the last coordinator of this network. "
                "Please name another coordinator first."
            )
            % {"organisation": membership.organisation}
        )


def _save(membership: NetworkMembership, *, user: User, target: State, message: str) -> None:
    status, role = _FIELDS[target]
    values: dict[str, Any] = {"status": status, "role": role}
    if membership.pk is None or status != membership.status:
        values["note"] = message[:500]
    changed = [name for name, value in values.items() if getattr(membership, name) != value]
    if target != State.REQUESTED:  # a request waits for a decision; every other step is one
        values |= {"decided_by": user, "decided_at": timezone.now()}
        changed += ["decided_by", "decided_at"]
    for name, value in values.items():
        setattr(membership, name, value)
    if membership.pk is None:
        try:
            with transaction.atomic():
                membership.save()
        except IntegrityError as error:  # the database's one-current-membership rule
            raise NetworkError(
                _("%(organisation)s has already asked to join or is a member.")
                % {"organisation": membership.organisation}
            ) from error
    else:
        membership.save(update_fields=[*changed, "updated_at"])


@transaction.atomic
def membership_transition(
    membership: NetworkMembership, *actions: str, user: User, message: str = ""
) -> NetworkMembership:
    """Take the first of ``actions`` that the membership's current state allows.

    Under the network's and the membership's row locks: checks that ``user`` may take the
    step and that the state allows it, that a reason is given where one is needed and that
    the network keeps a coordinator; then changes the membership, writes the history entry
    and e-mails the organisation's owners. A new membership (not saved yet) starts from
    ``State.NONE``.
    """
    network = Network.objects.select_for_update().get(pk=membership.network_id)
    membership = _locked(membership, network)
    if not access.acts_as(user, TRANSITIONS[actions[0]].party, membership):
        raise PermissionDenied
    state = state_of(membership)
    action = next((a for a in actions if state in TRANSITIONS[a].sources), None)
    if action is None:
        raise _refusal(actions[0], membership)
    transition = TRANSITIONS[action]
    if transition.needs_reason and not message.strip():
        raise NetworkError(_("Please give a reason."))
    if state == State.NONE:
        _check_network(action, membership)
    if state == State.COORDINATOR and transition.target != State.COORDINATOR:
        _check_last_coordinator(membership)
    status_before = "" if state == State.NONE else membership.status
    _save(membership, user=user, target=transition.target, message=message)
    change = MembershipChange.objects.create(
        membership=membership,
        action=action,
        status_before=status_before,
        status_after=membership.status,
        actor=user,
        actor_name=str(user),
        message=message,
    )
    notify_owners(change)
    if action == Action.REQUESTED:
        notify_coordinators(change)
    return membership


def membership_request(
    *, network: Network, organisation: Organisation, user: User, message: str = ""
) -> NetworkMembership:
    """An organisation asks to join an open network."""
    new = NetworkMembership(network=network, organisation=organisation)
    return membership_transition(new, Action.REQUESTED, user=user, message=message)


def membership_invite(
    *, network: Network, organisation: Organisation, user: User, message: str = ""
) -> NetworkMembership:
    """A curator invites an organisation of the directory."""
    new = NetworkMembership(network=network, organisation=organisation)
    return membership_transition(new, Action.INVITED, user=user, message=message)


def membership_withdraw(*, membership: NetworkMembership, user: User) -> NetworkMembership:
    return membership_transition(membership, Action.WITHDRAWN, user=user)


def membership_accept_invitation(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    return membership_transition(membership, Action.INVITATION_ACCEPTED, user=user, message=message)


def membership_decline_invitation(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    return membership_transition(membership, Action.INVITATION_DECLINED, user=user, message=message)


def membership_leave(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    return membership_transition(membership, Action.LEFT, user=user, message=message)


def membership_approve(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    return membership_transition(membership, Action.APPROVED, user=user, message=message)


def membership_decline(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    return membership_transition(membership, Action.DECLINED, user=user, message=message)


def membership_remove(
    *, membership: NetworkMembership, user: User, reason: str
) -> NetworkMembership:
    """Remove an active member, or withdraw an open invitation; a reason is required."""
    return membership_transition(
        membership, Action.REMOVED, Action.INVITATION_WITHDRAWN, user=user, message=reason
    )


def membership_name_coordinator(*, membership: NetworkMembership, user: User) -> NetworkMembership:
    return membership_transition(membership, Action.COORDINATOR_NAMED, user=user)


def membership_found(
    *, network: Network, organisation: Organisation, user: User, message: str = ""
) -> NetworkMembership:
    """The organisation that proposed the network becomes its first member and coordinator."""
    new = NetworkMembership(network=network, organisation=organisation)
    return membership_transition(new, Action.FOUNDED, user=user, message=message)


def membership_remove_coordinator(
    *, membership: NetworkMembership, user: User
) -> NetworkMembership:
    return membership_transition(membership, Action.COORDINATOR_REMOVED, user=user)
