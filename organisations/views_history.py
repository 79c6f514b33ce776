"""The version history of an entry: what each version changed, for its members and for staff."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from migra_hub.http import AuthenticatedHttpRequest
from organisations.access import member_organisations, reviewable_organisations
from organisations.models import Organisation
from organisations.version_history import organisation_versions


def _history(request: HttpRequest, organisation: Organisation, *, back: str) -> HttpResponse:
    """``back``: the name of the page the history belongs to (the entry's, for its slug)."""
    page, versions = organisation_versions(organisation, request.GET.get("page"))
    return render(
        request,
        "organisations/organisation_history.html",
        {"organisation": organisation, "page": page, "versions": versions, "back": back},
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def organisation_history(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """For the entry's members (owners and editors); 404 for everybody else."""
    organisation = get_object_or_404(member_organisations(request.user), slug=slug)
    return _history(request, organisation, back="organisations:manage")


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def review_history(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """For staff of a district the entry serves; 404 for everybody else."""
    organisation = get_object_or_404(reviewable_organisations(request.user), slug=slug)
    return _history(request, organisation, back="organisations:review_detail")
