"""What happens to network memberships when two entries of the directory are merged.

Registered in ``networks/apps.py`` with the merge registry of ``organisations``. An
organisation is a current member of a network at most once: when both entries are, the active
membership stays (the kept entry's, when both are active) and the other is dropped; ended
memberships move with their history. Tasks and proposed networks move to the kept entry.
"""

from __future__ import annotations

from networks.models import NetworkMembership, NetworkProposal, NetworkTask
from organisations.merging import Moved
from organisations.models import Organisation

CURRENT = NetworkMembership.CURRENT_STATUSES
ACTIVE = NetworkMembership.Status.ACTIVE


def move_network_memberships(removed: Organisation, kept: Organisation) -> Moved:
    kept_current = {
        membership.network_id: membership
        for membership in NetworkMembership.objects.filter(organisation=kept, status__in=CURRENT)
    }
    moved: list[int] = []
    dropped: list[int] = []
    for membership in NetworkMembership.objects.filter(organisation=removed):
        other = kept_current.get(membership.network_id)
        if other is None or membership.status not in CURRENT:
            moved.append(membership.pk)
        elif membership.status == ACTIVE and other.status != ACTIVE:
            dropped.append(other.pk)
            moved.append(membership.pk)
        else:
            dropped.append(membership.pk)
    NetworkMembership.objects.filter(pk__in=dropped).delete()
    NetworkMembership.objects.filter(pk__in=moved).update(organisation=kept)
    return Moved(moved=moved, dropped=dropped)


def move_network_tasks(removed: Organisation, kept: Organisation) -> Moved:
    """Tasks the entry that goes took on become the kept entry's (the name stays as agreed)."""
    tasks = NetworkTask.objects.filter(responsible=removed)
    moved = list(tasks.values_list("pk", flat=True))
    tasks.update(responsible=kept)
    return Moved(moved=moved)


def move_network_proposals(removed: Organisation, kept: Organisation) -> Moved:
    proposals = NetworkProposal.objects.filter(organisation=removed)
    moved = list(proposals.values_list("pk", flat=True))
    proposals.update(organisation=kept)
    return Moved(moved=moved)
