from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from migra_hub.ratelimit import client_ip, is_rate_limited
from organisations.access import is_staff_for, role_in, visible_organisations
from organisations.cards import directory_cards
from organisations.facet_counts import (
    counts_without_each_filter,
    facet_counts,
)
from organisations.filters import DirectoryFilterSet, OfferFilterSet, OrganisationFilterSet
from organisations.forms import ProblemReportForm
from organisations.models import Offer, Organisation, OrganisationQuerySet, OrganisationRedirect
from organisations.services import (
    entered_by_district_office,
    problem_report_create,
    unanswered_search_count,
)

PAGE_SIZE = 25
MAP_LIMIT = 1000
REPORT_LIMIT = 5  # problem reports per visitor and hour

REPORT_THANKS = _("Thank you. District staff will check the entry.")
REPORT_TOO_MANY = _("You have sent many reports in a short time. Please try again in an hour.")


def _page(request: HttpRequest, queryset: QuerySet, count: int | None = None) -> Page:
    paginator = Paginator(queryset, PAGE_SIZE)
    if count is not None:
        paginator.count = count  # already counted together with the filter values
    return paginator.get_page(request.GET.get("page"))


def _untidy_query_redirect(
    request: HttpRequest, filterset_class: type[DirectoryFilterSet]
) -> HttpResponseRedirect | None:
    """A form submitted with GET sends every field, empty or not: redirect to the URL with
    only what is set, so that shared and bookmarked addresses stay short and readable."""
    query = request.GET.copy()
    for key in list(query):
        values = [value for value in query.getlist(key) if value.strip()]
        if values:
            query.setlist(key, values)
        else:
            del query[key]
    if query.get("sort") == filterset_class.default_sort(query):
        del query["sort"]
    if query.urlencode() == request.GET.urlencode():
        return None
    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)


def _map_settings() -> dict[str, str]:
    return {"tile_url": settings.MAP_TILE_URL, "tile_attribution": settings.MAP_TILE_ATTRIBUTION}


def _search_hints(request: HttpRequest, filterset: DirectoryFilterSet) -> dict[str, Any]:
    """For a search that found nothing: a spelling to try instead ("did you mean") and, for
    a search of several words, the entries with the most of them. A search without filters
    is counted (its words and the day only)."""
    search = filterset.search
    if search is None:
        return {}
    if not filterset.has_facet_filter():
        unanswered_search_count(q=search.q)
    hints: dict[str, Any] = {}
    if suggestion := search.suggestion():
        query = request.GET.copy()
        query["q"] = suggestion
        query.pop("page", None)
        hints.update(suggestion=suggestion, suggestion_query=query.urlencode())
    if isinstance(filterset, OrganisationFilterSet) and len(search.terms) > 1:
        best = search.most_words(filterset.queryset_without("q"), "name")
        ids = list(best.values_list("pk", flat=True)[:PAGE_SIZE])
        hints["most_words"] = directory_cards(
            ids, version=filterset.version, vocabulary=filterset.vocabulary
        )
    return hints


def _counts_and_hints(request: HttpRequest, filterset: Any) -> tuple[Any, dict[str, Any]]:
    """The counts beside each filter choice, shown on the filterset's choices; when nothing is
    found, the counts without each filter and the search's hints (did you mean, best matches)."""
    counts = facet_counts(filterset)
    hints: dict[str, Any] = {}
    if not counts["total"][None]:
        counts.update(counts_without_each_filter(filterset))
        hints = _search_hints(request, filterset)
    filterset.show_counts(counts)
    return counts, hints


def _directory_context(request: HttpRequest) -> dict[str, Any]:
    filterset = OrganisationFilterSet(request.GET, queryset=Organisation.objects.published())
    counts, hints = _counts_and_hints(request, filterset)
    ordered_ids = filterset.ordered(filterset.qs).values_list("pk", flat=True)
    page = _page(request, ordered_ids, counts["total"][None])
    if filterset.search and filterset.sort() == "relevance":
        # Ranks only the rows the page needs (an out-of-range page number shows the last page).
        page_ids = filterset.search.best_page(
            filterset.qs,
            "name",
            unsearched=filterset.queryset_without("q"),
            offset=(page.number - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            in_names=counts.get("names", {}).get(None, 0),
        )
    else:
        page_ids = list(page.object_list)
    page.object_list = directory_cards(
        page_ids, version=filterset.version, vocabulary=filterset.vocabulary
    )
    return {
        "filterset": filterset,
        "page": page,
        "active_filters": filterset.active_filters(counts),
        "query": request.GET.urlencode(),
        **hints,
    }


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    if redirect_to := _untidy_query_redirect(request, OrganisationFilterSet):
        return redirect_to
    return render(request, "organisations/organisation_list.html", _directory_context(request))


@require_safe
def organisation_map(request: HttpRequest) -> HttpResponse:
    if redirect_to := _untidy_query_redirect(request, OrganisationFilterSet):
        return redirect_to
    context = _directory_context(request)
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        _map_settings(),
        geojson_url=f"{reverse('organisations:geojson')}?{query.urlencode()}",
        map_limit=MAP_LIMIT,
    )
    return render(request, "organisations/organisation_map.html", context)


@require_safe
def organisation_geojson(request: HttpRequest) -> JsonResponse:
    """The filtered directory as GeoJSON points; entries without a public address never."""
    filterset = OrganisationFilterSet(
        request.GET, queryset=Organisation.objects.published().with_public_location()
    )
    organisations = list(
        filterset.qs.order_by("name", "pk")
        .select_related("kind")
        .prefetch_related("kind__translations")
        .only("name", "slug", "latitude", "longitude", "kind__slug")[: MAP_LIMIT + 1]
    )
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(o.longitude), float(o.latitude)],  # type: ignore[arg-type]
            },
            "properties": {"name": o.name, "kind": o.kind.name, "url": o.get_absolute_url()},
        }
        for o in organisations[:MAP_LIMIT]
    ]
    collection = {
        "type": "FeatureCollection",
        "features": features,
        "truncated": len(organisations) > MAP_LIMIT,
    }
    return JsonResponse(collection, content_type="application/geo+json")


def _detail_context(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
    offers = list(organisation.offers.all())
    return {
        "organisation": organisation,
        "current_offers": [offer for offer in offers if not offer.has_ended],
        "ended_offers": [offer for offer in offers if offer.has_ended],
        "organisation_role": role_in(request.user, organisation),
        "is_staff_for_organisation": is_staff_for(request.user, organisation),
        "entered_by_district_office": entered_by_district_office(organisation),
        **_map_settings(),
    }


def _organisations_for_detail(request: HttpRequest) -> QuerySet[Organisation]:
    offers = (
        Offer.objects.defer_search_data()
        .select_related("kind")
        .prefetch_related(
            "kind__translations",
            "languages",
            "topics__translations",
            "target_groups__translations",
        )
    )
    organisations = visible_organisations(request.user)
    assert isinstance(organisations, OrganisationQuerySet)  # Organisation.objects made it
    return (
        organisations.defer_search_data()
        .select_related("kind")
        .prefetch_related(
            "kind__translations",
            "districts",
            "languages",
            "counselling_languages",
            "topics__translations",
            "target_groups__translations",
            Prefetch("offers", queryset=offers.order_by("title", "pk")),
        )
    )


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisations_for_detail(request).filter(slug=slug).first()
    if organisation is None:
        # The address of an entry merged into another leads there for good.
        moved = get_object_or_404(
            OrganisationRedirect.objects.select_related("organisation"), old_slug=slug
        )
        return redirect(moved.organisation, permanent=True)
    context = _detail_context(request, organisation)
    context["report_form"] = ProblemReportForm()
    return render(request, "organisations/organisation_detail.html", context)


@require_POST
def organisation_report(request: HttpRequest, slug: str) -> HttpResponse:
    """A visitor reports that the entry is wrong; stored for the district staff."""
    organisation = get_object_or_404(visible_organisations(request.user), slug=slug)
    form = ProblemReportForm(request.POST)
    status = 200
    if is_rate_limited("problem-report", client_ip(request), limit=REPORT_LIMIT, period=3600):
        form.add_error(None, REPORT_TOO_MANY)
        status = 429
    elif form.is_valid():
        problem_report_create(
            organisation=organisation,
            message=form.cleaned_data["message"],
            reporter_email=form.cleaned_data["reporter_email"],
        )
        messages.success(request, REPORT_THANKS)
        return redirect(organisation)
    organisation = get_object_or_404(_organisations_for_detail(request), pk=organisation.pk)
    context = _detail_context(request, organisation)
    context["report_form"] = form
    return render(request, "organisations/organisation_detail.html", context, status=status)


@require_safe
def offer_list(request: HttpRequest) -> HttpResponse:
    if redirect_to := _untidy_query_redirect(request, OfferFilterSet):
        return redirect_to
    filterset = OfferFilterSet(request.GET, queryset=Offer.objects.public())
    counts, hints = _counts_and_hints(request, filterset)
    offers = (
        filterset.ordered(filterset.qs)
        .defer_search_data()
        .defer(
            "organisation__search_vector",
            "organisation__facet_keys",
        )
        .select_related("organisation", "kind")
        .prefetch_related("kind__translations", "languages", "organisation__districts")
    )
    page = _page(request, offers, counts["total"][None])
    context = {
        "filterset": filterset,
        "page": page,
        "active_filters": filterset.active_filters(counts),
        **hints,
    }
    return render(request, "organisations/offer_list.html", context)
