"""Everything that changes networks and their memberships.

Each membership change runs in one transaction: it locks the membership row
(``select_for_update``), checks the state it found, changes it, writes the history entry and,
once the transaction has committed, e-mails the organisation's owners. Two curators deciding the
same request at once therefore cannot both succeed: the second one waits for the row lock and
then sees the decision of the first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.mail import Link, recipient, send_templated_mail
from networks import access
from networks.models import MembershipChange, Network, NetworkMembership, NetworkNote
from organisations.models import Organisation, OrganisationMembership, Topic

Status = NetworkMembership.Status
Action = MembershipChange.Action

# Paths under /networks/ that a network's slug must not take.
RESERVED_SLUGS = {"new", "mine", "curation"}


class NetworkError(Exception):
    """A change that is not possible in the current state; the message is for the user."""


# --- Networks ----------------------------------------------------------------------------------


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "network"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Network.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def network_create(*, user: User, data: dict, topics: Iterable[Topic] = ()) -> Network:
    """Create a network. Staff who create a network without a district are named its curators,
    so that it is never without someone who curates it."""
    if not access.can_create_networks(user):
        raise PermissionDenied
    network = Network(**data)
    network.slug = _unique_slug(network.name)
    if network.district is not None:
        network.city_id = network.district.city_id
    network.full_clean()
    network.save()
    network.topics.set(topics)
    if network.district_id is None or not access.is_staff_curator(user, network):
        network.curators.add(user)
    return network


# --- Membership changes ------------------------------------------------------------------------


def _lock(membership: NetworkMembership, *, roles: bool = False) -> NetworkMembership:
    """Lock the membership row and return it as it is now.

    Changes that may touch the network's coordinators (``roles=True``) first lock the network
    row: it serialises them per network, always in the same order (network, then membership),
    so two people ending the last two coordinator roles at once neither both succeed nor
    deadlock. Callers check permissions after the lock, so a coordinator whose role was ended
    a moment ago is refused.
    """
    if roles:
        Network.objects.select_for_update().get(pk=membership.network_id)
    return (
        NetworkMembership.objects.select_for_update()
        .select_related("network", "organisation")
        .get(pk=membership.pk)
    )


def _record(
    membership: NetworkMembership,
    *,
    action: str,
    user: User,
    status_before: str,
    message: str = "",
) -> MembershipChange:
    return MembershipChange.objects.create(
        membership=membership,
        action=action,
        status_before=status_before,
        status_after=membership.status,
        actor=user,
        actor_name=str(user),
        message=message,
    )


def _decide(
    membership: NetworkMembership,
    *,
    status: str,
    user: User,
    action: str,
    message: str,
    status_before: str,
) -> None:
    membership.status = status
    if status != Status.ACTIVE:
        membership.role = NetworkMembership.Role.MEMBER
    membership.note = message[:500]
    membership.decided_by = user
    membership.decided_at = timezone.now()
    membership.save()
    change = _record(
        membership, action=action, user=user, status_before=status_before, message=message
    )
    transaction.on_commit(lambda: notify_owners(change.pk))


def _require_curator(user: User, network: Network) -> None:
    if not access.can_curate(user, network):
        raise PermissionDenied


def _require_member(user: User, organisation: Organisation) -> None:
    if not access.acts_for(user, organisation):
        raise PermissionDenied


def _not_open_message(membership: NetworkMembership) -> str:
    if membership.status == Status.WITHDRAWN:
        return str(_("The organisation has withdrawn this request in the meantime."))
    return str(
        _("This has already been decided in the meantime (now: %(status)s).")
        % {"status": membership.get_status_display()}
    )


def _check_last_coordinator(membership: NetworkMembership) -> None:
    """Refuse to end the role of a network's last coordinator (the caller holds the network
    lock, see ``_lock(roles=True)``)."""
    if not membership.is_coordinator:
        return
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


def membership_request(
    *, network: Network, organisation: Organisation, user: User, message: str = ""
) -> NetworkMembership:
    """An organisation asks to join an open network."""
    _require_member(user, organisation)
    with transaction.atomic():
        network = Network.objects.select_for_update().get(pk=network.pk)
        if not network.accepts_requests:
            raise NetworkError(_("This network does not take requests to join at the moment."))
        existing = network.memberships.current().filter(organisation=organisation).first()
        if existing is not None:
            raise NetworkError(_already_message(existing))
        try:
            with transaction.atomic():
                membership = NetworkMembership.objects.create(
                    network=network,
                    organisation=organisation,
                    status=Status.REQUESTED,
                    note=message[:500],
                )
        except IntegrityError as error:
            raise NetworkError(
                _("%(organisation)s has already asked to join or is a member.")
                % {"organisation": organisation}
            ) from error
        change = _record(
            membership, action=Action.REQUESTED, user=user, status_before="", message=message
        )
        transaction.on_commit(lambda: notify_owners(change.pk))
    return membership


def _already_message(existing: NetworkMembership) -> str:
    messages: dict[str, Any] = {
        Status.REQUESTED: _("%(organisation)s has already asked to join this network."),
        Status.INVITED: _("%(organisation)s has already been invited to this network."),
        Status.ACTIVE: _("%(organisation)s is already a member of this network."),
    }
    return str(messages[existing.status] % {"organisation": existing.organisation})


def membership_invite(
    *, network: Network, organisation: Organisation, user: User, message: str = ""
) -> NetworkMembership:
    """A curator invites an organisation of the directory."""
    _require_curator(user, network)
    if not organisation.is_public:
        raise NetworkError(_("Only organisations published in the directory can be invited."))
    with transaction.atomic():
        network = Network.objects.select_for_update().get(pk=network.pk)
        if network.status == Network.Status.CLOSED:
            raise NetworkError(_("This network is closed."))
        existing = network.memberships.current().filter(organisation=organisation).first()
        if existing is not None:
            raise NetworkError(_already_message(existing))
        try:
            with transaction.atomic():
                membership = NetworkMembership.objects.create(
                    network=network,
                    organisation=organisation,
                    status=Status.INVITED,
                    note=message[:500],
                    decided_by=user,
                    decided_at=timezone.now(),
                )
        except IntegrityError as error:
            raise NetworkError(
                _("%(organisation)s has already asked to join or is a member.")
                % {"organisation": organisation}
            ) from error
        change = _record(
            membership, action=Action.INVITED, user=user, status_before="", message=message
        )
        transaction.on_commit(lambda: notify_owners(change.pk))
    return membership


@transaction.atomic
def membership_withdraw(*, membership: NetworkMembership, user: User) -> NetworkMembership:
    membership = _lock(membership)
    _require_member(user, membership.organisation)
    if membership.status != Status.REQUESTED:
        raise NetworkError(_("This request is no longer open and cannot be withdrawn."))
    _decide(
        membership,
        status=Status.WITHDRAWN,
        user=user,
        action=Action.WITHDRAWN,
        message="",
        status_before=Status.REQUESTED,
    )
    return membership


@transaction.atomic
def membership_accept_invitation(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    membership = _lock(membership)
    _require_member(user, membership.organisation)
    if membership.status != Status.INVITED:
        raise NetworkError(_("This invitation is no longer open."))
    _decide(
        membership,
        status=Status.ACTIVE,
        user=user,
        action=Action.INVITATION_ACCEPTED,
        message=message,
        status_before=Status.INVITED,
    )
    return membership


@transaction.atomic
def membership_decline_invitation(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    membership = _lock(membership)
    _require_member(user, membership.organisation)
    if membership.status != Status.INVITED:
        raise NetworkError(_("This invitation is no longer open."))
    _decide(
        membership,
        status=Status.DECLINED,
        user=user,
        action=Action.INVITATION_DECLINED,
        message=message,
        status_before=Status.INVITED,
    )
    return membership


@transaction.atomic
def membership_leave(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    membership = _lock(membership, roles=True)
    _require_member(user, membership.organisation)
    if membership.status != Status.ACTIVE:
        raise NetworkError(_("The organisation is not a member of this network."))
    _check_last_coordinator(membership)
    _decide(
        membership,
        status=Status.LEFT,
        user=user,
        action=Action.LEFT,
        message=message,
        status_before=Status.ACTIVE,
    )
    return membership


@transaction.atomic
def membership_approve(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    membership = _lock(membership)
    _require_curator(user, membership.network)
    if membership.status != Status.REQUESTED:
        raise NetworkError(_not_open_message(membership))
    _decide(
        membership,
        status=Status.ACTIVE,
        user=user,
        action=Action.APPROVED,
        message=message,
        status_before=Status.REQUESTED,
    )
    return membership


@transaction.atomic
def membership_decline(
    *, membership: NetworkMembership, user: User, message: str = ""
) -> NetworkMembership:
    membership = _lock(membership)
    _require_curator(user, membership.network)
    if membership.status != Status.REQUESTED:
        raise NetworkError(_not_open_message(membership))
    _decide(
        membership,
        status=Status.DECLINED,
        user=user,
        action=Action.DECLINED,
        message=message,
        status_before=Status.REQUESTED,
    )
    return membership


@transaction.atomic
def membership_remove(
    *, membership: NetworkMembership, user: User, reason: str
) -> NetworkMembership:
    """Remove an active member, or withdraw an open invitation; a reason is required."""
    if not reason.strip():
        raise NetworkError(_("Please give a reason."))
    membership = _lock(membership, roles=True)
    _require_curator(user, membership.network)
    if membership.status == Status.INVITED:
        action = Action.INVITATION_WITHDRAWN
    elif membership.status == Status.ACTIVE:
        action = Action.REMOVED
        _check_last_coordinator(membership)
    else:
        raise NetworkError(_("The organisation is not a member of this network."))
    _decide(
        membership,
        status=Status.REMOVED,
        user=user,
        action=action,
        message=reason,
        status_before=membership.status,
    )
    return membership


def _set_role(membership: NetworkMembership, *, role: str, user: User, action: str) -> None:
    membership.role = role
    membership.decided_by = user
    membership.decided_at = timezone.now()
    membership.save()
    change = _record(membership, action=action, user=user, status_before=membership.status)
    transaction.on_commit(lambda: notify_owners(change.pk))


@transaction.atomic
def membership_name_coordinator(*, membership: NetworkMembership, user: User) -> NetworkMembership:
    membership = _lock(membership, roles=True)
    _require_curator(user, membership.network)
    if membership.status != Status.ACTIVE:
        raise NetworkError(_("Only active members can coordinate a network."))
    if membership.role == NetworkMembership.Role.COORDINATOR:
        raise NetworkError(
            _("%(organisation)s already coordinates this network.")
            % {"organisation": membership.organisation}
        )
    _set_role(
        membership,
        role=NetworkMembership.Role.COORDINATOR,
        user=user,
        action=Action.COORDINATOR_NAMED,
    )
    return membership


@transaction.atomic
def membership_remove_coordinator(
    *, membership: NetworkMembership, user: User
) -> NetworkMembership:
    membership = _lock(membership, roles=True)
    _require_curator(user, membership.network)
    if not membership.is_coordinator:
        raise NetworkError(
            _("%(organisation)s does not coordinate this network.")
            % {"organisation": membership.organisation}
        )
    _check_last_coordinator(membership)
    _set_role(
        membership,
        role=NetworkMembership.Role.MEMBER,
        user=user,
        action=Action.COORDINATOR_REMOVED,
    )
    return membership


# --- Notes -------------------------------------------------------------------------------------


def note_create(*, network: Network, user: User, data: dict) -> NetworkNote:
    _require_curator(user, network)
    note = NetworkNote(network=network, author=user, author_name=str(user), **data)
    note.full_clean()
    note.save()
    return note


# --- E-mail ------------------------------------------------------------------------------------


def notify_owners(change_pk: int) -> None:
    """E-mail the owners of the organisation about one change, each in their language."""
    change = MembershipChange.objects.select_related(
        "membership__network", "membership__organisation"
    ).get(pk=change_pk)
    membership = change.membership
    owners = User.objects.filter(
        organisation_memberships__organisation=membership.organisation,
        organisation_memberships__role=OrganisationMembership.Role.OWNER,
        is_active=True,
    )
    context = {
        "change": change,
        "membership": membership,
        "network": membership.network,
        "organisation": membership.organisation,
        "network_url": Link("networks:detail", {"slug": membership.network.slug}),
        "my_networks_url": Link("networks:mine"),
    }
    send_templated_mail(
        "networks/email/membership_change", [recipient(owner) for owner in owners], context
    )
