"""The network's phase and its agreements (tasks): each view the usual short script."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from migra_hub.http import AuthenticatedHttpRequest
from networks import access, services
from networks.forms_phases import PhaseForm, TaskForm
from networks.models import Network, NetworkTask
from organisations.models import Organisation


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_phase(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    form = PhaseForm(
        request.POST if request.method == "POST" else None,
        phases=services.next_phases(request.user, network),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.network_change_phase(
                network=network,
                user=request.user,
                phase=form.cleaned_data["phase"],
                note=form.cleaned_data["note"],
                date=form.cleaned_data["date"],
            )
        except services.NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The network is now in the phase “%(phase)s”.")
                % {"phase": network.get_phase_display()},
            )
            return redirect(network)
    return render(request, "networks/network_phase.html", {"network": network, "form": form})


def _members(network: Network, task: NetworkTask | None = None) -> QuerySet[Organisation]:
    """Who may take on a task: the active members (and whoever holds the task now)."""
    holds = Q(pk=task.responsible_id) if task is not None and task.responsible_id else Q(pk=None)
    return (
        Organisation.objects.filter(Q(network_memberships__in=network.memberships.active()) | holds)
        .distinct()
        .order_by("name")
    )


def _task_values(form: TaskForm) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in ("title", "responsible", "due_date")}


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_tasks(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_member_network(request.user, slug)
    can_curate = access.can_curate(request.user, network)
    form = None
    if can_curate:
        form = TaskForm(
            request.POST if request.method == "POST" else None, organisations=_members(network)
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.task_create(network=network, user=request.user, **_task_values(form))
            except services.NetworkError as error:
                form.add_error("responsible", str(error))
            else:
                messages.success(request, _("The task has been added."))
                return redirect("networks:tasks", slug=network.slug)
    tasks = list(network.tasks.in_order().select_related("responsible"))
    own = set(access.acting_organisations(request.user).values_list("pk", flat=True))
    for task in tasks:
        task.can_tick = can_curate or task.responsible_id in own  # type: ignore[attr-defined]
    return render(
        request,
        "networks/network_tasks.html",
        {"network": network, "form": form, "tasks": tasks, "can_curate": can_curate},
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def task_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    network = access.get_member_network(request.user, slug)
    task = access.get_task(request.user, network, pk)
    if not access.can_curate(request.user, network):
        raise PermissionDenied
    form = TaskForm(
        request.POST if request.method == "POST" else None,
        instance=task,
        organisations=_members(network, task),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.task_update(task=task, user=request.user, **_task_values(form))
        except services.NetworkError as error:
            form.add_error("responsible", str(error))
        else:
            messages.success(request, _("The task has been saved."))
            return redirect("networks:tasks", slug=network.slug)
    return render(
        request, "networks/task_form.html", {"network": network, "task": task, "form": form}
    )


@login_required
@require_POST
def task_done(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Mark a task done (``done=1``) or open again (``done=0``)."""
    network = access.get_member_network(request.user, slug)
    task = access.get_task(request.user, network, pk)
    if not access.can_tick(request.user, task):
        raise PermissionDenied
    done = request.POST.get("done") == "1"
    services.task_set_done(task=task, user=request.user, done=done)
    if done:
        messages.success(request, _("The task is marked done."))
    else:
        messages.success(request, _("The task is open again."))
    return redirect("networks:tasks", slug=network.slug)
