"""The HSDS 3.0 read API: public JSON, no login, only published entries.

Paths and paging follow the Open Referral OpenAPI description
(tests/opendata/hsds/openapi.json). Every list costs the same few queries whatever the page
size; every response carries an ETag (a hash of the body) and a Last-Modified date and answers a
matching conditional request with 304. The data licence is in the API info and in a
``Link: <...>; rel="license"`` header on every response.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Max, Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from opendata import hsds, selectors
from opendata import hsds_records as records
from opendata.api_query import (
    OFFER_FILTERS,
    ORGANISATION_FILTERS,
    ApiError,
    ListQuery,
    get_uuid_or_none,
    read_list_query,
    with_public_place,
)
from opendata.hsds import HSDS_VERSION, JSON, OPENAPI_URL
from opendata.hsds_records import Site
from organisations.models import Offer, Organisation

T = TypeVar("T")
M = TypeVar("M", bound=Model)


# --- Responses ----------------------------------------------------------------------------------


def site_of(request: HttpRequest) -> Site:
    return Site(request.build_absolute_uri("/"))


def hsds_response(
    request: HttpRequest,
    data: JSON,
    *,
    last_modified: datetime.datetime | None = None,
    status: int = 200,
) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    response = HttpResponse(body, status=status, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{settings.DATA_LICENCE_URL}>; rel="license"'
    if status != 200:
        return response
    response["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:40] + '"'
    response["Cache-Control"] = "public, max-age=60"
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    conditional = get_conditional_response(
        request, etag=response["ETag"], last_modified=timestamp, response=response
    )
    return conditional if conditional is not None else response


def error_response(request: HttpRequest, error: ApiError) -> HttpResponse:
    return hsds_response(request, {"detail": error.detail}, status=error.status)


def not_found(request: HttpRequest) -> HttpResponse:
    return error_response(request, ApiError(404, "not found"))


def page_body(
    items: Sequence[T], *, total: int, query: ListQuery, serialize: Callable[[T], JSON]
) -> JSON:
    total_pages = math.ceil(total / query.per_page)
    contents = [serialize(item) for item in items]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": query.page,
        "size": len(contents),
        "first_page": query.page == 1,
        "last_page": query.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def queryset_page(queryset: QuerySet[Any], query: ListQuery) -> tuple[list[Any], int]:
    total = queryset.count()
    start = (query.page - 1) * query.per_page
    if start >= total:
        # Past the last page: empty, without asking the database (whose offsets are 64-bit).
        return [], total
    return list(queryset[start : start + query.per_page]), total


def list_page(items: list[T], query: ListQuery) -> list[T]:
    start = (query.page - 1) * query.per_page
    return items[start : start + query.per_page]


def row_of(rows: QuerySet[M], id: str) -> M | None:
    """The row with this id, or None when there is none or the id is no UUID (both are 404)."""
    row_id = get_uuid_or_none(id)
    return rows.filter(uuid=row_id).first() if row_id else None


def latest_change(*, offers: bool) -> datetime.datetime | None:
    """When the directory last changed, over all entries (unpublishing an entry counts too)."""
    moments = [Organisation.objects.aggregate(latest=Max("updated_at"))["latest"]]
    if offers:
        moments.append(Offer.objects.aggregate(latest=Max("updated_at"))["latest"])
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


def api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET/HEAD only; an ApiError becomes a JSON error response."""

    @require_safe
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return error_response(request, error)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def info_body(site: Site) -> JSON:
    return {
        "version": HSDS_VERSION,
        "openapi_url": OPENAPI_URL,
        "publisher": settings.SITE_NAME,
        "source": site.url("/"),
        "license": {"name": settings.DATA_LICENCE_NAME, "url": settings.DATA_LICENCE_URL},
        "attribution": str(
            _("Data: %(site)s (%(url)s), licence %(licence)s")
            % {
                "site": settings.SITE_NAME,
                "url": site.url("/"),
                "licence": settings.DATA_LICENCE_NAME,
            }
        ),
        "endpoints": [
            site.url(reverse(name))
            for name in (
                "hsds:organizations",
                "hsds:services",
                "hsds:service_at_locations",
                "hsds:taxonomies",
                "hsds:taxonomy_terms",
            )
        ],
    }


# --- Views --------------------------------------------------------------------------------------


@api_view
def api_info(request: HttpRequest) -> HttpResponse:
    return hsds_response(request, info_body(site_of(request)))


def _list_response(
    request: HttpRequest,
    rows: QuerySet[Any],
    *,
    filters: Any,
    ordering: tuple[str, ...],
    serialize: Callable[[Site, Any], Any],
    offers: bool,
) -> HttpResponse:
    """One page of a list endpoint: the query's filters, its page, each row serialised."""
    query = read_list_query(request)
    items, total = queryset_page(filters.apply(rows, query).order_by(*ordering), query)
    site = site_of(request)
    body = page_body(items, total=total, query=query, serialize=lambda row: serialize(site, row))
    return hsds_response(request, body, last_modified=latest_change(offers=offers))


@api_view
def organization_list(request: HttpRequest) -> HttpResponse:
    return _list_response(
        request,
        selectors.public_organisations(),
        filters=ORGANISATION_FILTERS,
        ordering=("name", "pk"),
        serialize=records.organisation_basic,
        offers=False,
    )


@api_view
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    organisation = row_of(selectors.public_organisations_in_full(), id)
    if organisation is None:
        return not_found(request)
    changes = [organisation.updated_at, *(offer.updated_at for offer in organisation.offers.all())]
    return hsds_response(
        request,
        records.organisation_full(site_of(request), organisation),
        last_modified=max(changes),
    )


@api_view
def service_list(request: HttpRequest) -> HttpResponse:
    return _list_response(
        request,
        selectors.public_offers(),
        filters=OFFER_FILTERS,
        ordering=("title", "pk"),
        serialize=records.service_list_item,
        offers=True,
    )


@api_view
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    offer = row_of(selectors.public_offers_in_full(), id)
    if offer is None:
        return not_found(request)
    data = records.service_full(site_of(request), offer, organisation=offer.organisation)
    return hsds_response(
        request, data, last_modified=max(offer.updated_at, offer.organisation.updated_at)
    )


@api_view
def service_at_location_list(request: HttpRequest) -> HttpResponse:
    query = read_list_query(request)
    offers = with_public_place(OFFER_FILTERS.apply(selectors.public_offers(), query)).order_by(
        "title", "pk"
    )
    items, total = queryset_page(offers, query)
    site = site_of(request)
    body = page_body(
        items,
        total=total,
        query=query,
        serialize=lambda offer: records.service_at_location_list_item(site, offer) or {},
    )
    return hsds_response(request, body, last_modified=latest_change(offers=True))


@api_view
def taxonomy_list(request: HttpRequest) -> HttpResponse:
    query = read_list_query(request)
    taxonomies = [
        taxonomy
        for taxonomy in hsds.TAXONOMIES
        if query.search.casefold() in str(taxonomy.name).casefold()
    ]
    body = page_body(
        list_page(taxonomies, query),
        total=len(taxonomies),
        query=query,
        serialize=lambda taxonomy: taxonomy.as_hsds(),
    )
    return hsds_response(request, body)


@api_view
def taxonomy_detail(request: HttpRequest, id: str) -> HttpResponse:
    taxonomy = hsds.TAXONOMY_BY_ID.get(id.lower())
    if taxonomy is None:
        return not_found(request)
    return hsds_response(request, taxonomy.as_hsds())


@api_view
def taxonomy_term_list(request: HttpRequest) -> HttpResponse:
    query = read_list_query(request)
    needle = query.search.casefold()
    terms = [
        term
        for term in hsds.all_terms()
        if (not query.taxonomy_id or term.taxonomy.id == query.taxonomy_id.lower())
        and (needle in term.name.casefold() or needle in term.code.casefold())
    ]
    body = page_body(
        list_page(terms, query),
        total=len(terms),
        query=query,
        serialize=lambda term: term.as_hsds(detail=True),
    )
    return hsds_response(request, body)


@api_view
def taxonomy_term_detail(request: HttpRequest, id: str) -> HttpResponse:
    term_id = get_uuid_or_none(id)
    term = hsds.find_term(term_id) if term_id else None
    if term is None:
        return not_found(request)
    return hsds_response(request, term.as_hsds(detail=True))
