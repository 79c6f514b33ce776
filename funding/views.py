"""The funding calls' pages: the list of open calls and the archive, a call's page, the
calendar of deadlines, and the managers' create, edit, publish and unpublish."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.views.common import access_checked, ics_response
from funding import access, services
from funding.filters import FundingCallFilter
from funding.forms import FundingCallForm
from funding.ical import deadlines_ics
from funding.models import FundingCall, FundingCallQuerySet
from migra_hub.http import AuthenticatedHttpRequest
from organisations.models import District

PAGE_SIZE = 20
# Subscribers keep the deadlines of the last months in their calendars.
FEED_PAST_DAYS = 90


def _call_list(request: HttpRequest, *, past: bool) -> HttpResponse:
    calls = FundingCall.objects.closed() if past else FundingCall.objects.open()
    filters = FundingCallFilter(request.GET or None, queryset=calls)
    results = filters.qs.for_listing()  # type: ignore[attr-defined]
    results = results.order_by("-deadline_date", "-pk") if past else results.by_deadline()
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    district = filters.form.cleaned_data.get("district") if filters.is_valid() else None
    return render(
        request,
        "funding/call_list.html",
        {
            "filter": filters,
            "page": page,
            "past": past,
            "query": query.urlencode(),
            "district": district,
            "can_post": access.can_post(request.user),
        },
    )


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _call_list(request, past=False)


@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    return _call_list(request, past=True)


@require_safe
@access_checked
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = access.get_call(request.user, slug)
    can_manage = access.can_manage(request.user, call)
    changes = call.changes.select_related("actor")[:20] if can_manage else []
    return render(
        request,
        "funding/call_detail.html",
        {"call": call, "can_manage": can_manage, "changes": changes},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def create(request: HttpRequest) -> HttpResponse:
    places = access.require_poster(request.user)
    form = FundingCallForm(request.POST if request.method == "POST" else None, places=places)
    if request.method == "POST" and form.is_valid():
        call = services.funding_call_create(
            user=request.user,  # type: ignore[arg-type]
            data=form.call_data(),
            publish="publish" in request.POST,
        )
        messages.success(
            request,
            _("The call has been published.") if call.is_published else _("The draft is saved."),
        )
        return redirect(call)
    return render(request, "funding/call_form.html", {"form": form, "call": None})


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    call = access.get_managed_call(request.user, slug)
    form = FundingCallForm(
        request.POST if request.method == "POST" else None,
        instance=call,
        places=access.places(request.user),
    )
    conflict: services.FundingCallChanged | None = None
    if request.method == "POST" and form.is_valid():
        try:
            call = services.funding_call_update(
                call=call, user=request.user, data=form.call_data(), revision=form.revision()
            )
        except services.FundingCallChanged as changed:
            conflict = changed
            form.add_error(None, changed)
            form.take_revision(changed.current.revision)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect(call)
    return render(
        request,
        "funding/call_form.html",
        {
            "form": form,
            "call": call,
            "differences": form.conflict_rows(conflict) if conflict else [],
        },
        # 409 Conflict: nothing was saved, the page shows both versions.
        status=409 if conflict else 200,
    )


@require_POST
@access_checked
def publish(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    call = access.get_managed_call(request.user, slug)
    services.funding_call_publish(call=call, user=request.user)
    messages.success(request, _("The call has been published."))
    return redirect(call)


@require_POST
@access_checked
def unpublish(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    call = access.get_managed_call(request.user, slug)
    services.funding_call_unpublish(call=call, user=request.user)
    messages.success(request, _("The call is no longer public."))
    return redirect(call)


# --- Calendars of deadlines -----------------------------------------------------------------


def _feed_calls() -> FundingCallQuerySet:
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    return FundingCall.objects.published().deadline_after(since).by_deadline()


@require_safe
def feed_all(request: HttpRequest) -> HttpResponse:
    name = gettext("%(site)s: funding deadlines") % {"site": settings.SITE_NAME}
    return ics_response(deadlines_ics(_feed_calls(), name=name), "funding.ics")


@require_safe
def feed_district(request: HttpRequest, city: str, district: str) -> HttpResponse:
    place = get_object_or_404(District, city__slug=city, slug=district)
    name = gettext("%(site)s: funding deadlines in %(district)s") % {
        "site": settings.SITE_NAME,
        "district": place,
    }
    calls = _feed_calls().in_district(place)
    return ics_response(deadlines_ics(calls, name=name), f"funding-{place.slug}.ics")
