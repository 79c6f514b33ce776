"""Networks proposed by organisations: the proposal, and the staff's decision on it.

On approval the network is created (in preparation, visible to its members and curators
until its coordinators start it) and the proposing organisation becomes its first coordinator
through the membership steps, so that the network's history starts with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.mail import Link, recipient, send_templated_mail
from networks import access
from networks.models import Network, NetworkProposal
from networks.services.common import NetworkError
from networks.services.memberships import membership_found
from networks.services.networks import NetworkData, network_create
from organisations.models import District, Organisation, Topic

Status = NetworkProposal.Status


@transaction.atomic
def proposal_create(
    *,
    organisation: Organisation,
    user: User,
    name: str,
    goal: str,
    scope: str,
    district: District | None,
    description: str = "",
    topics: Iterable[Topic] = (),
) -> NetworkProposal:
    """An owner or editor of a published organisation proposes a network."""
    if not access.proposing_organisations(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    proposal = NetworkProposal(
        organisation=organisation,
        proposed_by=user,
        name=name.strip(),
        goal=goal.strip(),
        description=description.strip(),
        scope=scope,
        district=district if scope == NetworkProposal.Scope.DISTRICT else None,
    )
    proposal.full_clean()
    proposal.save()
    proposal.topics.set(topics)
    return proposal


def _locked(proposal: NetworkProposal, user: User) -> NetworkProposal:
    locked = (
        NetworkProposal.objects.select_for_update(of=("self",))
        .select_related("organisation", "district", "proposed_by")
        .get(pk=proposal.pk)
    )
    if not access.can_decide_proposal(user, locked):
        raise PermissionDenied
    if locked.status != Status.PENDING:
        raise NetworkError(_("This proposal has already been decided."))
    return locked


def _decide(proposal: NetworkProposal, *, user: User, status: str, reason: str) -> None:
    proposal.status = status
    proposal.reason = reason.strip()
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "reason", "decided_by", "decided_at", "network"])
    _notify_proposer(proposal)


@transaction.atomic
def proposal_approve(*, proposal: NetworkProposal, user: User, message: str = "") -> Network:
    """Create the proposed network; the proposing organisation becomes its first coordinator."""
    locked = _locked(proposal, user)
    if not locked.organisation.is_public:
        raise NetworkError(
            _("%(organisation)s is no longer published in the directory.")
            % {"organisation": locked.organisation}
        )
    data = NetworkData(
        name=locked.name,
        goal=locked.goal,
        description=locked.description,
        scope=locked.scope,
        district=locked.district,
        topics=tuple(locked.topics.order_by("pk")),
    )
    network = network_create(
        user=user,
        data=data,
        phase=Network.Phase.PREPARATION,
        note=str(_("Proposed by %(organisation)s.") % {"organisation": locked.organisation}),
    )
    membership_found(network=network, organisation=locked.organisation, user=user, message=message)
    locked.network = network
    _decide(locked, user=user, status=Status.APPROVED, reason=message)
    return network


@transaction.atomic
def proposal_decline(*, proposal: NetworkProposal, user: User, reason: str) -> NetworkProposal:
    """Decline the proposal; the reason goes to the person who proposed it."""
    if not reason.strip():
        raise NetworkError(_("Please give a reason."))
    locked = _locked(proposal, user)
    _decide(locked, user=user, status=Status.DECLINED, reason=reason)
    return locked


def _notify_proposer(proposal: NetworkProposal) -> None:
    person = proposal.proposed_by
    if person is None or not person.is_active:
        return
    context = {
        "proposal": proposal,
        "organisation": proposal.organisation,
        "proposal_url": Link("networks:proposal", {"pk": proposal.pk}),
        "network_url": (
            Link("networks:detail", {"slug": proposal.network.slug}) if proposal.network else ""
        ),
    }
    send_templated_mail("networks/email/proposal_decision", [recipient(person)], context)
