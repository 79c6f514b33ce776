"""Pages of the network's curators: the network itself, its members, history and notes, and
everything waiting for a decision in the networks they curate.

Pages that show people's messages, names in the history or the network's notes are
``never_cache``: no browser or proxy keeps a copy of them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from migra_hub.http import AuthenticatedHttpRequest
from networks import access, services
from networks.forms import DecisionForm, NetworkForm, NoteForm, OrganisationSearchForm
from networks.models import MembershipChange, NetworkMembership
from organisations.models import Organisation

Status = NetworkMembership.Status


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_create_networks(request.user):
        raise PermissionDenied
    form = NetworkForm(
        request.POST if request.method == "POST" else None,
        districts=access.creatable_districts(request.user),
    )
    if request.method == "POST" and form.is_valid():
        network = services.network_create(
            user=request.user, data=form.network_data(), phase=form.cleaned_data["phase"]
        )
        messages.success(request, _("The network has been created."))
        return redirect(network)
    return render(request, "networks/network_form.html", {"form": form, "network": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    form = NetworkForm(
        request.POST if request.method == "POST" else None,
        instance=network,
        districts=access.editable_districts(request.user, network),
    )
    conflict: services.NetworkChanged | None = None
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_update(
                network=network,
                user=request.user,
                data=form.network_data(),
                revision=form.revision(),
            )
        except services.NetworkChanged as changed:
            conflict = changed
            form.add_error(None, changed)
            form.take_revision(changed.current.revision)
        else:
            messages.success(request, _("The network has been saved."))
            return redirect(network)
    return render(
        request,
        "networks/network_form.html",
        {
            "form": form,
            "network": network,
            "differences": form.conflict_rows(conflict) if conflict else [],
        },
        # 409 Conflict, as for entries: nothing was saved, the page shows both versions.
        status=409 if conflict else 200,
    )


@never_cache
@login_required
@require_safe
def network_members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    memberships = list(
        network.memberships.current()
        .select_related("organisation", "decided_by")
        .order_by("created_at", "pk")
    )
    for membership in memberships:
        membership.decision_form = DecisionForm(prefix=f"m{membership.pk}")  # type: ignore[attr-defined]
    return render(
        request,
        "networks/network_members.html",
        {
            "network": network,
            "requests": [m for m in memberships if m.status == Status.REQUESTED],
            "invitations": [m for m in memberships if m.status == Status.INVITED],
            "members": sorted(
                (m for m in memberships if m.status == Status.ACTIVE),
                key=lambda m: (not m.is_coordinator, m.organisation.name.lower()),
            ),
        },
    )


@login_required
@require_safe
def network_invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    form = OrganisationSearchForm(request.GET or None)
    results: list[Organisation] = []
    statuses: dict[int, str] = {}
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        results = list(
            Organisation.objects.published()
            .filter(Q(name__icontains=query) | Q(short_name__icontains=query))
            .order_by("name")[:30]
        )
        statuses = dict(
            network.memberships.current()
            .filter(organisation__in=[o.pk for o in results])
            .values_list("organisation_id", "status")
        )
    rows = [(o, Status(statuses[o.pk]).label if o.pk in statuses else None) for o in results]
    return render(
        request,
        "networks/network_invite.html",
        {"network": network, "form": form, "rows": rows, "searched": form.is_bound},
    )


@never_cache
@login_required
@require_safe
def network_history(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    changes = MembershipChange.objects.filter(membership__network=network).select_related(
        "membership__organisation"
    )
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    return render(request, "networks/network_history.html", {"network": network, "page": page})


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_notes(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_network(request.user, slug)
    if not access.can_see_notes(request.user, network):
        raise PermissionDenied
    can_write = access.can_curate(request.user, network)
    form = NoteForm(request.POST if request.method == "POST" else None) if can_write else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.note_create(
                network=network,
                user=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                date=form.cleaned_data["date"],
                attachment_url=form.cleaned_data["attachment_url"],
            )
            messages.success(request, _("The note has been added."))
            return redirect("networks:notes", slug=network.slug)
    page = Paginator(network.notes.newest_first(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "networks/network_notes.html",
        {"network": network, "form": form, "page": page, "can_curate": can_write},
    )


@never_cache
@login_required
@require_safe
def curation(request: AuthenticatedHttpRequest) -> HttpResponse:
    networks = access.curated_networks(request.user)
    if not networks.exists():
        raise PermissionDenied
    open_items = (
        NetworkMembership.objects.open()
        .filter(network__in=networks)
        .select_related("network", "organisation")
        .order_by("created_at", "pk")
    )
    page = Paginator(open_items, 50).get_page(request.GET.get("page"))
    for membership in page:
        membership.decision_form = DecisionForm(prefix=f"m{membership.pk}")  # type: ignore[attr-defined]
    return render(
        request,
        "networks/curation.html",
        {
            "page": page,
            "networks": networks.with_member_count().select_related("district").order_by("name"),
            "can_create": access.can_create_networks(request.user),
        },
    )
