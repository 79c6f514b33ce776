"""Pages that change memberships: an organisation asks to join, answers an invitation or
leaves; curators invite, decide requests, remove members and name coordinators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from migra_hub.http import AuthenticatedHttpRequest
from networks import access, services
from networks.access import Party
from networks.forms import DecisionForm, JoinRequestForm, RemovalForm
from networks.models import MembershipChange
from organisations.models import Organisation

Action = MembershipChange.Action


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_request(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_network(request.user, slug)
    if not access.acting_organisations(request.user).exists():
        raise PermissionDenied
    # All the user's published organisations: one that already asked gets a clear message
    # from the service rather than "not a valid choice".
    organisations = (
        access.acting_organisations(request.user)
        .filter(status=Organisation.Status.PUBLISHED)
        .order_by("name")
    )
    form = JoinRequestForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(
                network=network,
                organisation=form.cleaned_data["organisation"],
                user=request.user,
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
    *actions: str,
    title: Any,
    button: Any,
    success: Any,
    form_class: type[DecisionForm] | type[RemovalForm] | None = DecisionForm,
    danger: bool = False,
) -> Callable[..., HttpResponse]:
    """A view for one step of ``services.TRANSITIONS``: GET shows the question (and a message
    field), POST takes the step. The table says who may: curators, or the organisation's
    owners and editors."""
    party = services.TRANSITIONS[actions[0]].party

    @never_cache  # the request's message and who decided
    @login_required
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
        network = access.get_network(request.user, slug)
        membership = access.get_membership(request.user, network, pk)
        if not access.acts_as(request.user, party, membership):
            raise PermissionDenied
        default_next = (
            reverse("networks:members", kwargs={"slug": network.slug})
            if party == Party.CURATOR
            else network.get_absolute_url()
        )
        data = request.POST if request.method == "POST" else None
        form = form_class(data, prefix=f"m{membership.pk}") if form_class else None
        if request.method == "POST" and (form is None or form.is_valid()):
            message = form.cleaned_data[form.text_field] if form else ""
            try:
                services.membership_transition(
                    membership, *actions, user=request.user, message=message
                )
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
    Action.WITHDRAWN,
    title=_("Withdraw the request of %(organisation)s?"),
    button=_("Withdraw request"),
    success=_("The request of %(organisation)s has been withdrawn."),
    form_class=None,
)
membership_accept = _decision_view(
    Action.INVITATION_ACCEPTED,
    title=_("Accept the invitation for %(organisation)s?"),
    button=_("Accept invitation"),
    success=_("%(organisation)s is now a member of the network."),
)
membership_decline_invitation = _decision_view(
    Action.INVITATION_DECLINED,
    title=_("Decline the invitation for %(organisation)s?"),
    button=_("Decline invitation"),
    success=_("The invitation for %(organisation)s has been declined."),
)
membership_leave = _decision_view(
    Action.LEFT,
    title=_("Should %(organisation)s leave the network?"),
    button=_("Leave the network"),
    success=_("%(organisation)s has left the network."),
    danger=True,
)
membership_approve = _decision_view(
    Action.APPROVED,
    title=_("Approve the request of %(organisation)s?"),
    button=_("Approve"),
    success=_("%(organisation)s is now a member of the network."),
)
membership_decline = _decision_view(
    Action.DECLINED,
    title=_("Decline the request of %(organisation)s?"),
    button=_("Decline"),
    success=_("The request of %(organisation)s has been declined."),
)
membership_remove = _decision_view(
    Action.REMOVED,
    Action.INVITATION_WITHDRAWN,
    title=_("Remove %(organisation)s from the network?"),
    button=_("Remove"),
    success=_("%(organisation)s has been removed."),
    form_class=RemovalForm,
    danger=True,
)
membership_name_coordinator = _decision_view(
    Action.COORDINATOR_NAMED,
    title=_("Name %(organisation)s a coordinator?"),
    button=_("Name coordinator"),
    success=_("%(organisation)s now coordinates the network."),
    form_class=None,
)
membership_remove_coordinator = _decision_view(
    Action.COORDINATOR_REMOVED,
    title=_("End the coordinator role of %(organisation)s?"),
    button=_("End coordinator role"),
    success=_("%(organisation)s no longer coordinates the network."),
    form_class=None,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_invite(
    request: AuthenticatedHttpRequest, slug: str, organisation: str
) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    invitee = get_object_or_404(Organisation.objects.published(), slug=organisation)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_invite(
                network=network,
                organisation=invitee,
                user=request.user,
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
