"""The network's agreements: tasks that a member organisation takes on, by a date."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from networks import access
from networks.models import Network, NetworkTask
from networks.services.common import NetworkError
from organisations.models import Organisation


def _check_responsible(network: Network, organisation: Organisation) -> None:
    if not network.memberships.active().filter(organisation=organisation).exists():
        raise NetworkError(
            _("%(organisation)s is not an active member of this network.")
            % {"organisation": organisation}
        )


def _locked_network(network: Network, user: User) -> Network:
    """The network's row lock keeps a task from going to an organisation that is leaving."""
    locked = Network.objects.select_for_update().get(pk=network.pk)
    if not access.can_curate(user, locked):
        raise PermissionDenied
    return locked


@transaction.atomic
def task_create(
    *,
    network: Network,
    user: User,
    title: str,
    responsible: Organisation,
    due_date: datetime.date | None = None,
) -> NetworkTask:
    """A curator records an agreement: ``responsible`` (an active member) does ``title``."""
    locked = _locked_network(network, user)
    _check_responsible(locked, responsible)
    task = NetworkTask(
        network=locked,
        title=title.strip(),
        responsible=responsible,
        responsible_name=responsible.name,
        due_date=due_date,
        created_by=user,
    )
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_update(
    *,
    task: NetworkTask,
    user: User,
    title: str,
    responsible: Organisation,
    due_date: datetime.date | None = None,
) -> NetworkTask:
    """A curator changes an agreement. A task may stay with an organisation that has left;
    it can only be handed to an active member."""
    _locked_network(task.network, user)
    locked = NetworkTask.objects.select_for_update().get(pk=task.pk)
    if responsible.pk != locked.responsible_id:
        _check_responsible(locked.network, responsible)
        locked.responsible = responsible
        locked.responsible_name = responsible.name
    locked.title = title.strip()
    locked.due_date = due_date
    locked.full_clean()
    locked.save(
        update_fields=["title", "responsible", "responsible_name", "due_date", "updated_at"]
    )
    return locked


@transaction.atomic
def task_set_done(*, task: NetworkTask, user: User, done: bool) -> NetworkTask:
    """Mark the task done, or open again; by a curator or the responsible organisation."""
    locked = (
        NetworkTask.objects.select_for_update(of=("self",))
        .select_related("network", "responsible")
        .get(pk=task.pk)
    )
    if not access.can_tick(user, locked):
        raise PermissionDenied
    if done != locked.is_done:
        locked.done_at = timezone.now() if done else None
        locked.done_by = user if done else None
        locked.save(update_fields=["done_at", "done_by", "updated_at"])
    return locked
