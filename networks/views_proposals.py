"""Networks proposed by organisations: the proposal, and the staff's decision on it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from migra_hub.http import AuthenticatedHttpRequest
from networks import access, services
from networks.forms_proposals import ProposalDecisionForm, ProposalForm
from networks.models import NetworkProposal

# The proposals page lists at most this many (waiting ones first, then the latest decided).
PROPOSALS_SHOWN = 50


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = list(access.proposing_organisations(request.user))
    if not organisations:
        raise PermissionDenied
    form = ProposalForm(
        request.POST if request.method == "POST" else None,
        organisations=access.proposing_organisations(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proposal = services.proposal_create(
            organisation=data["organisation"],
            user=request.user,
            name=data["name"],
            goal=data["goal"],
            description=data["description"],
            scope=data["scope"],
            district=data["district"],
            topics=data["topics"],
        )
        messages.success(
            request,
            _("Thank you. Your proposal has been sent; staff will decide on it and write to you."),
        )
        return redirect("networks:proposal", pk=proposal.pk)
    return render(request, "networks/proposal_form.html", {"form": form})


@never_cache
@login_required
@require_safe
def proposal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    proposals = list(
        access.visible_proposals(request.user)
        .select_related("organisation", "district")
        .order_by("-status", "-created_at", "-pk")[:PROPOSALS_SHOWN]
    )
    # "pending" sorts after "declined" and "approved": waiting ones come first.
    return render(
        request,
        "networks/proposal_list.html",
        {
            "proposals": proposals,
            "can_propose": access.proposing_organisations(request.user).exists(),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal(request.user, pk)
    can_decide = access.can_decide_proposal(request.user, proposal)
    form = ProposalDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        if form.is_valid():
            message = form.cleaned_data["message"]
            try:
                if request.POST.get("decision") == "approve":
                    network = services.proposal_approve(
                        proposal=proposal, user=request.user, message=message
                    )
                    messages.success(
                        request,
                        _(
                            "The network has been created in preparation; the proposing "
                            "organisation coordinates it."
                        ),
                    )
                    return redirect(network)
                services.proposal_decline(proposal=proposal, user=request.user, reason=message)
            except services.NetworkError as error:
                form.add_error("message", str(error))
            else:
                messages.success(request, _("The proposal has been declined."))
                return redirect("networks:proposals")
    pending = proposal.status == NetworkProposal.Status.PENDING
    return render(
        request,
        "networks/proposal_detail.html",
        {
            "proposal": proposal,
            "topics": proposal.topics.prefetch_related("translations"),
            "form": form if can_decide and pending else None,
        },
    )
