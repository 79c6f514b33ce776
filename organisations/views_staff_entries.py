"""Pages for district staff about entries as a whole: entering a new one themselves, and
finding and merging entries that are the same organisation twice.

Like the review pages, everything here is a 404 for people who are not district staff, and an
entry outside the staff member's districts is a 404 too.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from migra_hub.http import AuthenticatedHttpRequest
from organisations import services
from organisations.access import require_entry_staff, reviewable_organisations
from organisations.duplicates import likely_duplicates
from organisations.forms_manage import OrganisationForm
from organisations.models import District, Organisation, OrganisationMerge
from organisations.services import OrganisationData
from organisations.views_pin import form_with_pin_found, pin_lookup_requested

PAGE_SIZE = 20


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def staff_entry_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Staff enter an organisation; it is published at once and has no owner until claimed."""
    require_entry_staff(request.user)
    form = OrganisationForm(request.POST or None, submitting=True)
    if pin_lookup_requested(request):
        form = form_with_pin_found(request, form)
    elif request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_enter(
                data=OrganisationData.from_values(form.cleaned_data), staff=request.user
            )
        except services.OutsideDistricts:
            form.add_error("districts", _("Please choose at least one district you work for."))
        except services.IncompleteEntry as incomplete:
            form.add_error(None, incomplete.message())
        else:
            messages.success(request, _("The entry is published."))
            return redirect(organisation)
    return render(request, "organisations/staff_entry_form.html", {"form": form})


def _entries_for_pairs(request: HttpRequest, ids: set[int]) -> dict[int, Organisation]:
    return (
        reviewable_organisations(request.user)
        .defer_search_data()
        .select_related("kind")
        .prefetch_related("kind__translations", Prefetch("districts", District.objects.all()))
        .in_bulk(ids)
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def duplicate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_entry_staff(request.user)
    pairs = likely_duplicates(reviewable_organisations(request.user))
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    entries = _entries_for_pairs(
        request, {pk for pair in page for pk in (pair.first_id, pair.second_id)}
    )
    rows = [(pair, entries[pair.first_id], entries[pair.second_id]) for pair in page]
    merges = OrganisationMerge.objects.filter(
        kept__in=reviewable_organisations(request.user)
    ).select_related("kept", "merged_by")[:PAGE_SIZE]
    return render(
        request,
        "organisations/staff_duplicates.html",
        {"page": page, "rows": rows, "merges": merges, "labels": services.merge_labels()},
    )


def _with_counts(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(
        reviewable_organisations(request.user)
        .defer_search_data()
        .select_related("kind")
        .prefetch_related("districts")
        .annotate(
            offer_count=Count("offers", distinct=True),
            member_count=Count("memberships", distinct=True),
        ),
        slug=slug,
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def merge_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Both entries side by side; confirming merges the second into the first."""
    require_entry_staff(request.user)
    source = request.POST if request.method == "POST" else request.GET
    kept = _with_counts(request, source.get("keep", ""))
    removed = _with_counts(request, source.get("remove", ""))
    if kept.pk == removed.pk:
        messages.error(request, _("An entry cannot be merged with itself."))
        return redirect("organisations:duplicates")
    if request.method == "POST":
        try:
            services.organisation_merge(kept=kept, removed=removed, staff=request.user)
        except services.MergeNotAllowed:
            messages.error(request, _("These entries cannot be merged."))
            return redirect("organisations:duplicates")
        messages.success(
            request,
            _("“%(removed)s” is merged into “%(kept)s”.")
            % {"removed": removed.name, "kept": kept.name},
        )
        return redirect("organisations:review_detail", slug=kept.slug)
    return render(
        request, "organisations/staff_merge_confirm.html", {"kept": kept, "removed": removed}
    )
