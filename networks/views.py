"""Pages of the networks: public list and detail, what organisations do, what curators do.

Every view is the same short script: look the objects up through ``networks.access`` (404 for
what the user may not see, 403 for what they may see but not do), bind the form, call the
service, redirect.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import User
from networks import access, services
from networks.filters import NetworkFilter
from networks.forms import (
    DecisionForm,
    JoinRequestForm,
    NetworkForm,
    NoteForm,
    OrganisationSearchForm,
    RemovalForm,
)
from networks.models import MembershipChange, Network, NetworkMembership
from organisations.models import District, Organisation

Status = NetworkMembership.Status


def _network(request: HttpRequest, slug: str) -> Network:
    return get_object_or_404(
        access.visible_networks(request.user).select_related("district"), slug=slug
    )


def _curated_network(request: HttpRequest, slug: str) -> Network:
    network = _network(request, slug)
    if not access.can_curate(request.user, network):
        raise PermissionDenied
    return network


def _membership(request: HttpRequest, network: Network, pk: int) -> NetworkMembership:
    return get_object_or_404(
        access.visible_memberships(request.user, network).select_related("organisation"), pk=pk
    )


def _user(request: HttpRequest) -> User:
    """The logged-in user (for views behind login_required)."""
    assert isinstance(request.user, User)
    return request.user


def _data(request: HttpRequest) -> Any:
    """The submitted data for a form: bound on POST (even when empty), unbound otherwise."""
    return request.POST if request.method == "POST" else None


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


# --- Public pages ------------------------------------------------------------------------------


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
        },
    )


@require_safe
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(request, slug)
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
            "can_see_notes": can_curate or access.can_see_notes(user, network),
        },
    )


# --- What organisations do ---------------------------------------------------------------------


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
            "curates": access.curated_networks(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_request(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(request, slug)
    if not access.acting_organisations(request.user).exists():
        raise PermissionDenied
    # All the user's published organisations: one that already asked gets a clear message
    # from the service rather than "not a valid choice".
    organisations = (
        access.acting_organisations(request.user)
        .filter(status=Organisation.Status.PUBLISHED)
        .order_by("name")
    )
    form = JoinRequestForm(_data(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(
                network=network,
                organisation=form.cleaned_data["organisation"],
                user=_user(request),
                message=form.cleaned_data["message"],
            )
        except services.NetworkError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Your request has been sent. The coordinators will decide on it."),
            )
        return redirect(network)
    return render(
        request,
        "networks/membership_request.html",
        {
            "network": network,
            "form": form,
            "joinable": access.joinable_organisations(request.user, network).exists(),
        },
    )


def _decision_view(
    *,
    service: Callable[..., NetworkMembership],
    title: Any,
    button: Any,
    success: Any,
    curator: bool,
    form_class: type | None = DecisionForm,
    danger: bool = False,
) -> Callable[..., HttpResponse]:
    """A view for one membership decision: GET shows the question (and a message field), POST
    decides. Curator decisions need curators, organisation decisions owners or editors."""

    @login_required
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        network = _network(request, slug)
        membership = _membership(request, network, pk)
        allowed = (
            access.can_curate(request.user, network)
            if curator
            else access.acts_for(request.user, membership.organisation)
        )
        if not allowed:
            raise PermissionDenied
        default_next = (
            reverse("networks:members", kwargs={"slug": network.slug})
            if curator
            else network.get_absolute_url()
        )
        form = form_class(_data(request), prefix=f"m{membership.pk}") if form_class else None
        if request.method == "POST" and (form is None or form.is_valid()):
            data = dict(form.cleaned_data) if form else {}
            try:
                service(membership=membership, user=_user(request), **data)
            except services.NetworkError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, success % {"organisation": membership.organisation.name})
            return redirect(_next_or(request, default_next))
        return render(
            request,
            "networks/membership_decision.html",
            {
                "network": network,
                "membership": membership,
                "form": form,
                "title": title % {"organisation": membership.organisation.name},
                "button": button,
                "danger": danger,
                "cancel_url": default_next,
            },
        )

    return view


membership_withdraw = _decision_view(
    service=services.membership_withdraw,
    title=_("Withdraw the request of %(organisation)s?"),
    button=_("Withdraw request"),
    success=_("The request of %(organisation)s has been withdrawn."),
    curator=False,
    form_class=None,
)
membership_accept = _decision_view(
    service=services.membership_accept_invitation,
    title=_("Accept the invitation for %(organisation)s?"),
    button=_("Accept invitation"),
    success=_("%(organisation)s is now a member of the network."),
    curator=False,
)
membership_decline_invitation = _decision_view(
    service=services.membership_decline_invitation,
    title=_("Decline the invitation for %(organisation)s?"),
    button=_("Decline invitation"),
    success=_("The invitation for %(organisation)s has been declined."),
    curator=False,
)
membership_leave = _decision_view(
    service=services.membership_leave,
    title=_("Should %(organisation)s leave the network?"),
    button=_("Leave the network"),
    success=_("%(organisation)s has left the network."),
    curator=False,
    danger=True,
)
membership_approve = _decision_view(
    service=services.membership_approve,
    title=_("Approve the request of %(organisation)s?"),
    button=_("Approve"),
    success=_("%(organisation)s is now a member of the network."),
    curator=True,
)
membership_decline = _decision_view(
    service=services.membership_decline,
    title=_("Decline the request of %(organisation)s?"),
    button=_("Decline"),
    success=_("The request of %(organisation)s has been declined."),
    curator=True,
)
membership_remove = _decision_view(
    service=services.membership_remove,
    title=_("Remove %(organisation)s from the network?"),
    button=_("Remove"),
    success=_("%(organisation)s has been removed."),
    curator=True,
    form_class=RemovalForm,
    danger=True,
)
membership_name_coordinator = _decision_view(
    service=services.membership_name_coordinator,
    title=_("Name %(organisation)s a coordinator?"),
    button=_("Name coordinator"),
    success=_("%(organisation)s now coordinates the network."),
    curator=True,
    form_class=None,
)
membership_remove_coordinator = _decision_view(
    service=services.membership_remove_coordinator,
    title=_("End the coordinator role of %(organisation)s?"),
    button=_("End coordinator role"),
    success=_("%(organisation)s no longer coordinates the network."),
    curator=True,
    form_class=None,
)


# --- What curators do --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_create(request: HttpRequest) -> HttpResponse:
    if not access.can_create_networks(request.user):
        raise PermissionDenied
    form = NetworkForm(_data(request), districts=access.creatable_districts(request.user))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "topics"}
        network = services.network_create(
            user=_user(request), data=data, topics=form.cleaned_data["topics"]
        )
        messages.success(request, _("The network has been created."))
        return redirect(network)
    return render(request, "networks/network_form.html", {"form": form, "network": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_edit(request: HttpRequest, slug: str) -> HttpResponse:
    network = _curated_network(request, slug)
    districts = None
    if access.is_staff_curator(request.user, network):
        districts = access.creatable_districts(request.user)
        if network.district_id:
            districts = districts | District.objects.filter(pk=network.district_id)
    form = NetworkForm(_data(request), instance=network, districts=districts)
    if request.method == "POST" and form.is_valid():
        network = form.save(commit=False)
        if network.district_id:
            network.city_id = network.district.city_id
        network.save()
        form.save_m2m()
        messages.success(request, _("The network has been saved."))
        return redirect(network)
    return render(request, "networks/network_form.html", {"form": form, "network": network})


@login_required
@require_safe
def network_members(request: HttpRequest, slug: str) -> HttpResponse:
    network = _curated_network(request, slug)
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
def network_invite(request: HttpRequest, slug: str) -> HttpResponse:
    network = _curated_network(request, slug)
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


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_invite(request: HttpRequest, slug: str, organisation: str) -> HttpResponse:
    network = _curated_network(request, slug)
    invitee = get_object_or_404(Organisation.objects.published(), slug=organisation)
    form = DecisionForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_invite(
                network=network,
                organisation=invitee,
                user=_user(request),
                message=form.cleaned_data["message"],
            )
        except services.NetworkError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(organisation)s has been invited.") % {"organisation": invitee.name},
            )
        return redirect("networks:members", slug=network.slug)
    return render(
        request,
        "networks/membership_invite.html",
        {"network": network, "organisation": invitee, "form": form},
    )


@login_required
@require_safe
def network_history(request: HttpRequest, slug: str) -> HttpResponse:
    network = _curated_network(request, slug)
    changes = MembershipChange.objects.filter(membership__network=network).select_related(
        "membership__organisation"
    )
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    return render(request, "networks/network_history.html", {"network": network, "page": page})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_notes(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(request, slug)
    if not access.can_see_notes(request.user, network):
        raise PermissionDenied
    can_write = access.can_curate(request.user, network)
    form = NoteForm(_data(request)) if can_write else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.note_create(network=network, user=_user(request), data=form.cleaned_data)
            messages.success(request, _("The note has been added."))
            return redirect("networks:notes", slug=network.slug)
    page = Paginator(network.notes.newest_first(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "networks/network_notes.html",
        {"network": network, "form": form, "page": page, "can_curate": can_write},
    )


@login_required
@require_safe
def curation(request: HttpRequest) -> HttpResponse:
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
