"""A network's phase: a table of the steps between phases and the one function that takes them.

Every change goes through ``network_change_phase``: under the network's row lock it checks that
the step is in ``PHASE_STEPS`` and that the user may take it, then changes the phase and writes
the timeline entry with its date and note. Two coordinators changing the phase at once take
turns: the second one sees the phase the first one left.
"""

from __future__ import annotations

import datetime
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from networks import access
from networks.models import Network, NetworkPhaseChange
from networks.services.common import NetworkError

Phase = Network.Phase


class Who(StrEnum):
    """Who takes a step between phases."""

    CURATOR = "curator"  # the network's coordinators and curating staff
    STAFF = "staff"  # curating staff only


# From each phase, the phases it may move to and who may take that step. A network grows one
# phase at a time and may go one phase back; any working network may fall dormant or close,
# a dormant one wakes up in any working phase, and only staff reopen a closed one.
PHASE_STEPS: dict[Phase, dict[Phase, Who]] = {
    Phase.PREPARATION: {Phase.FOUNDING: Who.CURATOR, Phase.CLOSED: Who.CURATOR},
    Phase.FOUNDING: {
        Phase.FORMALISATION: Who.CURATOR,
        Phase.PREPARATION: Who.CURATOR,
        Phase.DORMANT: Who.CURATOR,
        Phase.CLOSED: Who.CURATOR,
    },
    Phase.FORMALISATION: {
        Phase.CONSOLIDATION: Who.CURATOR,
        Phase.FOUNDING: Who.CURATOR,
        Phase.DORMANT: Who.CURATOR,
        Phase.CLOSED: Who.CURATOR,
    },
    Phase.CONSOLIDATION: {
        Phase.STABILISATION: Who.CURATOR,
        Phase.FORMALISATION: Who.CURATOR,
        Phase.DORMANT: Who.CURATOR,
        Phase.CLOSED: Who.CURATOR,
    },
    Phase.STABILISATION: {
        Phase.CONSOLIDATION: Who.CURATOR,
        Phase.DORMANT: Who.CURATOR,
        Phase.CLOSED: Who.CURATOR,
    },
    Phase.DORMANT: {
        **dict.fromkeys(Network.WORKING_PHASES, Who.CURATOR),
        Phase.CLOSED: Who.CURATOR,
    },
    Phase.CLOSED: {Phase.DORMANT: Who.STAFF},
}


def next_phases(user: User, network: Network) -> list[Phase]:
    """The phases this user may move the network to now, in the order of the phases."""
    steps = PHASE_STEPS[Phase(network.phase)]
    staff = any(who == Who.STAFF for who in steps.values()) and access.is_staff_curator(
        user, network
    )
    return [phase for phase in Phase if phase in steps and (steps[phase] == Who.CURATOR or staff)]


@transaction.atomic
def network_change_phase(
    *,
    network: Network,
    user: User,
    phase: str,
    note: str,
    date: datetime.date | None = None,
) -> NetworkPhaseChange:
    """Move the network to ``phase`` since ``date`` (today if not given), with a note that
    says why; the change becomes an entry of the network's timeline."""
    locked = Network.objects.select_for_update().get(pk=network.pk)
    if not access.can_curate(user, locked):
        raise PermissionDenied
    target = Phase(phase)
    who = PHASE_STEPS[Phase(locked.phase)].get(target)
    if who is None:
        raise NetworkError(
            _("A network in the phase “%(current)s” cannot move to “%(phase)s”.")
            % {"current": locked.get_phase_display(), "phase": target.label}
        )
    if who == Who.STAFF and not access.is_staff_curator(user, locked):
        raise PermissionDenied
    if not note.strip():
        raise NetworkError(_("Please write a short note about the change."))
    today = timezone.localdate()
    date = date or today
    if date > today:
        raise NetworkError(_("The date of a phase change cannot be in the future."))
    latest = locked.phase_changes.order_by("-date").values_list("date", flat=True).first()
    if latest is not None and date < latest:
        raise NetworkError(
            _("The network's timeline already has a change on %(date)s; pick that day or later.")
            % {"date": latest.isoformat()}
        )
    change = NetworkPhaseChange.objects.create(
        network=locked,
        phase_before=locked.phase,
        phase_after=target,
        date=date,
        note=note.strip(),
        actor=user,
        actor_name=str(user),
    )
    locked.phase = target
    locked.save(update_fields=["phase", "updated_at"])
    network.phase = target
    return change


def record_first_phase(
    *, network: Network, user: User, note: str = "", since: datetime.date | None = None
) -> NetworkPhaseChange:
    """The timeline's first entry: the phase a new network starts in (since today, or since
    the day it began when it is recorded later)."""
    return NetworkPhaseChange.objects.create(
        network=network,
        phase_after=network.phase,
        date=since or timezone.localdate(),
        note=note,
        actor=user,
        actor_name=str(user),
    )
