"""Pages for district staff: the review queue, decisions, claims, reports and the change log.

Staff see only entries that serve one of their districts; everything else is a 404, as it is
for people who are not staff at all.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.refusals import refusals_as_messages
from organisations import services
from organisations.access import (
    is_reviewer,
    reviewable_organisations,
)
from organisations.forms_manage import MessageForm
from organisations.models import Offer, Organisation, OwnershipClaim, ProblemReport
from organisations.review_decisions import DECISIONS
from organisations.review_queue import live_changes, review_queue


def _require_staff(request: HttpRequest) -> None:
    if not is_reviewer(request.user):
        raise Http404


def _reviewable(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(
        reviewable_organisations(request.user).select_related("kind"), slug=slug
    )


def _decision_forms(organisation: Organisation, data: Any = None, action: str = "") -> dict:
    return {
        name: MessageForm(
            data if name == action else None,
            label=decision.reason,
            required=decision.reason_required,
            prefix=name,
        )
        for name, decision in DECISIONS.items()
        if services.can_transition(organisation, name)
    }


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def review_queue_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_staff(request)
    return render(
        request, "organisations/review_queue.html", {"sections": review_queue(request.user)}
    )


def _detail(
    request: HttpRequest, organisation: Organisation, forms: dict, status: int = 200
) -> HttpResponse:
    history = organisation.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )[:20]
    return render(
        request,
        "organisations/review_detail.html",
        {
            "organisation": organisation,
            "forms": forms,
            "decisions": organisation.review_decisions.select_related("decided_by")[:50],
            "claims": organisation.claims.pending().select_related("user"),
            "reports": organisation.problem_reports.filter(resolved_at__isnull=True),
            "members": organisation.memberships.select_related("user"),
            "offers": organisation.offers.select_related("kind")
            .prefetch_related("kind__translations")
            .order_by("title"),
            "history": history,
            "merges": organisation.merges.select_related("merged_by"),
            "missing": services.missing_essentials(organisation),
        },
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def review_detail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = _reviewable(request, slug)
    return _detail(request, organisation, _decision_forms(organisation))


@login_required
@never_cache
@require_POST
def review_decide(request: AuthenticatedHttpRequest, slug: str, action: str) -> HttpResponse:
    organisation = _reviewable(request, slug)
    if action not in DECISIONS:
        raise Http404
    forms = _decision_forms(organisation, request.POST, action)
    form = forms.get(action)
    if form is None:
        messages.error(request, _("This decision is not possible in the entry's current state."))
        return redirect("organisations:review_detail", slug=organisation.slug)
    if not form.is_valid():
        return _detail(request, organisation, forms, status=400)
    try:
        DECISIONS[action].take(organisation, request.user, form.cleaned_data["message"])
    except services.TransitionNotAllowed:
        messages.error(request, _("This decision is not possible in the entry's current state."))
        return redirect("organisations:review_detail", slug=organisation.slug)
    messages.success(request, str(DECISIONS[action].done))
    return redirect("organisations:review_queue")


@login_required
@require_POST
def review_verify(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = _reviewable(request, slug)
    verified = request.POST.get("verified") == "yes"
    with refusals_as_messages(
        request,
        {services.TransitionNotAllowed: _("Only published entries can be marked as verified.")},
    ):
        services.organisation_set_verified(
            organisation=organisation, staff=request.user, verified=verified
        )
        messages.success(
            request,
            _("The entry is marked as verified.") if verified else _("The mark is removed."),
        )
    return redirect("organisations:review_detail", slug=organisation.slug)


@login_required
@require_POST
def review_clear_owner_flag(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = _reviewable(request, slug)
    services.organisation_clear_owner_flag(organisation=organisation, staff=request.user)
    messages.success(request, _("The entry is no longer marked as without owner."))
    return redirect("organisations:review_detail", slug=organisation.slug)


def _claims_in_reach(request: HttpRequest) -> QuerySet[OwnershipClaim]:
    return OwnershipClaim.objects.filter(
        organisation__in=reviewable_organisations(request.user)
    ).select_related("organisation", "user")


@login_required
@require_POST
def claim_decide(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    claim = get_object_or_404(_claims_in_reach(request), pk=pk)
    if action not in ("approve", "decline"):
        raise Http404
    with refusals_as_messages(
        request, {services.TransitionNotAllowed: _("This claim was decided already.")}
    ):
        if action == "approve":
            services.claim_approve(claim=claim, staff=request.user)
            messages.success(
                request, _("%(person)s is now an owner of the entry.") % {"person": claim.user}
            )
        else:
            services.claim_decline(
                claim=claim, staff=request.user, reason=request.POST.get("reason", "")[:2000]
            )
            messages.success(request, _("The claim is declined."))
    return redirect("organisations:review_detail", slug=claim.organisation.slug)


@login_required
@require_POST
def report_resolve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        ProblemReport.objects.filter(organisation__in=reviewable_organisations(request.user)),
        pk=pk,
    )
    services.problem_report_resolve(
        report=report, staff=request.user, note=request.POST.get("note", "")[:2000]
    )
    messages.success(request, _("The report is marked as resolved."))
    return redirect("organisations:review_detail", slug=report.organisation.slug)


# --- Change log ------------------------------------------------------------------------------

HISTORY_MODELS: dict[str, type[Organisation] | type[Offer]] = {
    "organisation": Organisation,
    "offer": Offer,
}


def _live_changes(request: HttpRequest, kind: str) -> QuerySet:
    return live_changes(request.user, kind)  # type: ignore[arg-type]


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def change_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Edits that went live on published entries (and their offers), newest first."""
    _require_staff(request)
    kind = "offer" if request.GET.get("kind") == "offer" else "organisation"
    records = _live_changes(request, kind).select_related("history_user")
    page = Paginator(records.order_by("-history_date", "-history_id"), 20).get_page(
        request.GET.get("page")
    )
    rows = [(record, services.record_changes(record)) for record in page]
    return render(
        request,
        "organisations/change_log.html",
        {"page": page, "rows": rows, "kind": kind},
    )


@login_required
@require_POST
def change_revert(request: AuthenticatedHttpRequest, kind: str, history_id: int) -> HttpResponse:
    if kind not in HISTORY_MODELS:
        raise Http404
    record = get_object_or_404(_live_changes(request, kind), history_id=history_id)
    with refusals_as_messages(
        request, {services.TransitionNotAllowed: _("This change cannot be reverted.")}
    ):
        services.history_revert(record=record, staff=request.user)
        messages.success(request, _("The change is reverted."))
    return redirect(reverse("organisations:change_log") + f"?kind={kind}")
