"""Merging two entries of the same organisation into one.

Everything that hangs on the entry that goes moves to the entry that stays: offers (with
their version history), members (someone who is a member of both keeps one membership, with
the higher role), invitations, claims, problem reports, staff decisions, old addresses, and
whatever higher apps registered in ``organisations/merging.py`` (network memberships, events).
The entry that stays keeps its own content and status; the one that goes is deleted, its
address redirects permanently to the one that stays, and a merge record says who merged what
when and which rows moved. Its own version history stays in the history table under its old
number, which the record names.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from organisations import merging
from organisations.access import reviewable_organisations
from organisations.merging import Moved
from organisations.models import (
    Offer,
    Organisation,
    OrganisationMembership,
    OrganisationMerge,
    OrganisationRedirect,
    OwnershipClaim,
)
from organisations.services.common import Action, Role, record_decision, refresh_search

MERGE_CHANGE = "merge"

# What the organisations app moves itself, in this order, and how the record names it.
OWN_LABELS = {
    "offers": _("offers"),
    "memberships": _("members"),
    "invitations": _("invitations"),
    "claims": _("claims"),
    "problem_reports": _("problem reports"),
    "review_decisions": _("staff decisions"),
    "redirects": _("old addresses"),
    "merges": _("earlier merges"),
}


class MergeNotAllowed(Exception):
    """The two entries cannot be merged (the same entry, or one outside the staff's reach)."""


class MergeIncomplete(Exception):
    """Rows still point at the entry that would be deleted: nothing is merged."""


def merge_labels() -> dict[str, object]:
    return {**OWN_LABELS, **merging.labels()}


def _move_all(related: models.Manager, kept: Organisation) -> Moved:
    ids = list(related.values_list("pk", flat=True))
    related.model._default_manager.filter(pk__in=ids).update(organisation=kept)
    return Moved(moved=ids)


def _move_offers(removed: Organisation, kept: Organisation) -> Moved:
    moved = _move_all(removed.offers, kept)
    # Their versions follow them, so that the offers' history stays whole.
    Offer.history.filter(id__in=moved.moved).update(organisation=kept)  # type: ignore[attr-defined]
    return moved


def _move_memberships(removed: Organisation, kept: Organisation) -> Moved:
    roles = dict(kept.memberships.values_list("user_id", "role"))
    moved: list[int] = []
    dropped: list[int] = []
    for membership in removed.memberships.all():
        if membership.user_id not in roles:
            moved.append(membership.pk)
            continue
        if membership.role == Role.OWNER and roles[membership.user_id] != Role.OWNER:
            kept.memberships.filter(user_id=membership.user_id).update(role=Role.OWNER)
        dropped.append(membership.pk)
    OrganisationMembership.objects.filter(pk__in=dropped).delete()
    OrganisationMembership.objects.filter(pk__in=moved).update(organisation=kept)
    return Moved(moved=moved, dropped=dropped)


def _move_claims(removed: Organisation, kept: Organisation) -> Moved:
    # One pending claim per person and entry: a second one for the same entry is dropped.
    waiting = kept.claims.pending().values("user_id")
    duplicates = removed.claims.pending().filter(user_id__in=waiting)
    dropped = list(duplicates.values_list("pk", flat=True))
    OwnershipClaim.objects.filter(pk__in=dropped).delete()
    return Moved(moved=_move_all(removed.claims, kept).moved, dropped=dropped)


def _move_merges(removed: Organisation, kept: Organisation) -> Moved:
    ids = list(removed.merges.values_list("pk", flat=True))
    OrganisationMerge.objects.filter(pk__in=ids).update(kept=kept)
    return Moved(moved=ids)


OWN_MOVERS: dict[str, Callable[[Organisation, Organisation], Moved]] = {
    "offers": _move_offers,
    "memberships": _move_memberships,
    "invitations": lambda removed, kept: _move_all(removed.invitations, kept),
    "claims": _move_claims,
    "problem_reports": lambda removed, kept: _move_all(removed.problem_reports, kept),
    "review_decisions": lambda removed, kept: _move_all(removed.review_decisions, kept),
    "redirects": lambda removed, kept: _move_all(removed.redirects, kept),
    "merges": _move_merges,
}


def _lock_both(staff: User, kept: Organisation, removed: Organisation) -> dict[int, Organisation]:
    """Both entries under their row locks, in the order of their ids (two merges of the same
    pair in opposite directions then wait for each other instead of deadlocking)."""
    if kept.pk == removed.pk:
        raise MergeNotAllowed("an entry cannot be merged into itself")
    rows = {
        organisation.pk: organisation
        for organisation in reviewable_organisations(staff)
        .select_for_update()
        .filter(pk__in=[kept.pk, removed.pk])
        .order_by("pk")
    }
    if len(rows) != 2:
        raise MergeNotAllowed("both entries must serve a district of the staff member")
    return rows


def _leftovers(removed: Organisation) -> list[str]:
    """Relations that would still lose rows when the removed entry is deleted."""
    names = []
    for relation in Organisation._meta.related_objects:
        if relation.many_to_many or relation.one_to_one:
            continue
        accessor = relation.get_accessor_name()
        if accessor and getattr(removed, accessor).exists():
            names.append(accessor)
    return names


@transaction.atomic
def organisation_merge(
    *, kept: Organisation, removed: Organisation, staff: User
) -> OrganisationMerge:
    """Merge ``removed`` into ``kept`` (see the module's description). Raises
    ``MergeNotAllowed`` or ``MergeIncomplete``; then nothing changed."""
    rows = _lock_both(staff, kept, removed)
    kept, removed = rows[kept.pk], rows[removed.pk]
    moved: dict[str, list[int]] = {}
    dropped: dict[str, list[int]] = {}
    steps = {**OWN_MOVERS, **{key: reg.mover for key, reg in merging.movers.items()}}
    for key, mover in steps.items():
        result = mover(removed, kept)
        if result.moved:
            moved[key] = sorted(result.moved)
        if result.dropped:
            dropped[key] = sorted(result.dropped)
    left = _leftovers(removed)
    if left:
        raise MergeIncomplete(", ".join(left))
    OrganisationRedirect.objects.create(old_slug=removed.slug, organisation=kept)
    record = OrganisationMerge.objects.create(
        kept=kept,
        removed_name=removed.name,
        removed_slug=removed.slug,
        removed_pk=removed.pk,
        removed_uuid=removed.uuid,
        merged_by=staff,
        moved=moved,
        dropped=dropped,
    )
    record_decision(kept, action=Action.MERGED, staff=staff, message=removed.name)
    removed._history_user = staff  # type: ignore[attr-defined]
    removed._change_reason = MERGE_CHANGE  # type: ignore[attr-defined]
    removed.delete()
    # The offers that moved are found under the entry that stays from now on.
    refresh_search(kept)
    return record
