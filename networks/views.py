"""Pages of the networks everyone sees, and an organisation's own networks.

The networks' pages are in three modules: this one, ``views_memberships`` (what organisations
and curators decide about memberships) and ``views_curation`` (what curators keep: the network
itself, its members, history and notes). Every view is the same short script: look the objects
up through ``networks.access`` (404 for what the user may not see, 403 for what they may see but
not do), bind the form, call the service, redirect.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from networks import access
from networks.filters import NetworkFilter
from networks.models import Network, NetworkMembership
from organisations.models import Organisation

# The network page shows this many entries of the timeline and open tasks (the newest, the
# most urgent); the tasks page lists them all.
TIMELINE_SHOWN = 20
TASKS_SHOWN = 10


@require_safe
def network_list(request: HttpRequest) -> HttpResponse:
    networks = (
        Network.objects.public().select_related("district").prefetch_related("topics__translations")
    )
    network_filter = NetworkFilter(request.GET, queryset=networks)
    results = network_filter.qs.with_member_count().order_by("name")
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "networks/network_list.html",
        {
            "filter": network_filter,
            "page": page,
            "query": query.urlencode(),
            "can_create": access.can_create_networks(request.user),
            # Organisations propose networks; staff decide on them.
            "can_propose": access.proposing_organisations(request.user).exists(),
        },
    )


@require_safe
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = access.get_network(request.user, slug)
    members = list(
        network.memberships.public().select_related("organisation").order_by("organisation__name")
    )
    user = request.user
    own_memberships = []
    joinable: list[Organisation] = []
    if user.is_authenticated:
        own_memberships = list(
            network.memberships.current()
            .filter(organisation__in=access.acting_organisations(user))
            .select_related("organisation")
            .order_by("organisation__name")
        )
        if network.accepts_requests:
            joinable = list(access.joinable_organisations(user, network))
    can_curate = access.can_curate(user, network)
    can_see_notes = can_curate or access.can_see_notes(user, network)
    open_tasks = []
    if can_see_notes:
        open_tasks = list(
            network.tasks.open().in_order().select_related("responsible")[:TASKS_SHOWN]
        )
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "topics": network.topics.prefetch_related("translations"),
            "members": members,
            "coordinators": [m for m in members if m.is_coordinator],
            "own_memberships": own_memberships,
            "joinable": joinable,
            "can_curate": can_curate,
            "can_see_documents": access.can_see_documents(user, network),
            "partners": list(network.partners.all()),
            "can_see_notes": can_see_notes,
            "timeline": network.phase_changes.all()[:TIMELINE_SHOWN],
            "open_tasks": open_tasks,
        },
    )


@never_cache
@login_required
def my_networks(request: HttpRequest) -> HttpResponse:
    organisations = list(
        access.acting_organisations(request.user)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "network_memberships",
                queryset=NetworkMembership.objects.current()
                .select_related("network")
                .order_by("network__name"),
                to_attr="current_memberships",
            )
        )
    )
    return render(
        request,
        "networks/my_networks.html",
        {
            "organisations": organisations,
            # Staff act for no organisation: they see the networks they curate instead.
            "curated": list(access.curated_networks(request.user).order_by("name")[:50]),
        },
    )
