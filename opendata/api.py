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
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Max, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from opendata import hsds
from opendata.hsds import JSON, Site, Term
from organisations.models import Offer, Organisation

T = TypeVar("T")


class ApiError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class ListQuery:
    page: int
    per_page: int
    search: str
    term: Term | None
    taxonomy_id: str
    organisation_id: uuid.UUID | None
    modified_after: datetime.datetime | None


def read_list_query(request: HttpRequest) -> ListQuery:
    params = request.GET
    page = _positive_int(params.get("page"), "page", default=1)
    per_page = min(
        _positive_int(params.get("per_page"), "per_page", default=settings.HSDS_DEFAULT_PER_PAGE),
        settings.HSDS_MAX_PER_PAGE,
    )
    term = None
    if params.get("taxonomy_term_id"):
        term_id = _uuid(params["taxonomy_term_id"], "taxonomy_term_id")
        term = hsds.find_term(term_id)
        if term is None:
            raise ApiError(400, "taxonomy_term_id: no taxonomy term has this id")
    organisation_id = None
    if params.get("organization_id"):
        organisation_id = _uuid(params["organization_id"], "organization_id")
    taxonomy_id = params.get("taxonomy_id", "").strip()
    return ListQuery(
        page=page,
        per_page=per_page,
        search=params.get("search", "").strip()[:200],
        term=term,
        taxonomy_id=taxonomy_id,
        organisation_id=organisation_id,
        modified_after=_datetime(params.get("modified_after")),
    )


def _positive_int(value: str | None, name: str, *, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, f"{name}: a whole number is needed") from None
    if number < 1:
        raise ApiError(400, f"{name}: must be 1 or more")
    return number


def _uuid(value: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ApiError(400, f"{name}: not a UUID") from None


def _datetime(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    # A "+" of a time-zone offset arrives as a space when the client did not encode it.
    value = value.strip().replace(" ", "+")
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is not None:
                moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        moment = None
    if moment is None:
        raise ApiError(400, "modified_after: an ISO 8601 date or date-time is needed")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        # Within hours of the year 1 or 9999: the database cannot hold the moment in UTC, and
        # nothing changed before the one or after the other.
        edge = datetime.datetime.min if moment.year == 1 else datetime.datetime.max
        return edge.replace(tzinfo=datetime.UTC)


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


# --- Filters ------------------------------------------------------------------------------------

# Which relation of an organisation or an offer a taxonomy term is matched against.
ORGANISATION_TERM_LOOKUPS = {
    hsds.TOPICS.key: ["topics__uuid"],
    hsds.TARGET_GROUPS.key: ["target_groups__uuid"],
    hsds.ORGANISATION_KINDS.key: ["kind__uuid"],
    hsds.OFFER_KINDS.key: ["offers__kind__uuid"],
    hsds.LANGUAGES.key: ["languages__uuid", "counselling_languages__uuid"],
}
OFFER_TERM_LOOKUPS = {
    hsds.TOPICS.key: ["topics__uuid"],
    hsds.TARGET_GROUPS.key: ["target_groups__uuid"],
    hsds.ORGANISATION_KINDS.key: ["organisation__kind__uuid"],
    hsds.OFFER_KINDS.key: ["kind__uuid"],
    hsds.LANGUAGES.key: ["languages__uuid"],
}


def term_filter(term: Term, lookups: dict[str, list[str]], migrant_led_lookup: str) -> Q:
    if term.taxonomy is hsds.CHARACTERISTICS:
        return Q(**{migrant_led_lookup: True})
    condition = Q()
    for lookup in lookups[term.taxonomy.key]:
        condition |= Q(**{lookup: uuid.UUID(term.id)})
    return condition


def filter_organisations(
    organisations: QuerySet[Organisation], query: ListQuery
) -> QuerySet[Organisation]:
    if query.search:
        organisations = organisations.filter(
            Q(name__icontains=query.search)
            | Q(short_name__icontains=query.search)
            | Q(description__icontains=query.search)
        )
    if query.term is not None:
        # A subquery, so that several matching rows never repeat an organisation.
        matching = Organisation.objects.filter(
            term_filter(query.term, ORGANISATION_TERM_LOOKUPS, "migrant_led")
        )
        organisations = organisations.filter(pk__in=matching.values("pk"))
    if query.modified_after is not None:
        organisations = organisations.filter(updated_at__gte=query.modified_after)
    return organisations


def filter_offers(offers: QuerySet[Offer], query: ListQuery) -> QuerySet[Offer]:
    if query.search:
        offers = offers.filter(
            Q(title__icontains=query.search)
            | Q(description__icontains=query.search)
            | Q(organisation__name__icontains=query.search)
        )
    if query.term is not None:
        matching = Offer.objects.filter(
            term_filter(query.term, OFFER_TERM_LOOKUPS, "organisation__migrant_led")
        )
        offers = offers.filter(pk__in=matching.values("pk"))
    if query.organisation_id is not None:
        offers = offers.filter(organisation__uuid=query.organisation_id)
    if query.modified_after is not None:
        offers = offers.filter(
            Q(updated_at__gte=query.modified_after)
            | Q(organisation__updated_at__gte=query.modified_after)
        )
    return offers


def with_public_place(offers: QuerySet[Offer]) -> QuerySet[Offer]:
    """Offers whose place may be shown (the same rule as ``hsds.service_location``)."""
    organisation_place = (
        ~Q(organisation__street="")
        | ~Q(organisation__locality="")
        | Q(organisation__latitude__isnull=False)
    )
    own_place = ~Q(street="") | ~Q(locality="") | Q(latitude__isnull=False)
    return offers.filter(organisation__no_public_address=False).filter(
        (Q(at_organisation_address=True) & organisation_place)
        | (Q(at_organisation_address=False) & own_place)
    )


def get_uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


# --- Views --------------------------------------------------------------------------------------


@api_view
def api_info(request: HttpRequest) -> HttpResponse:
    return hsds_response(request, hsds.api_info(site_of(request)))


@api_view
def organization_list(request: HttpRequest) -> HttpResponse:
    query = read_list_query(request)
    organisations = filter_organisations(hsds.public_organisations(), query).order_by("name", "pk")
    items, total = queryset_page(organisations, query)
    site = site_of(request)
    body = page_body(
        items,
        total=total,
        query=query,
        serialize=lambda organisation: hsds.organisation_basic(site, organisation),
    )
    return hsds_response(request, body, last_modified=latest_change(offers=False))


@api_view
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    organisation_id = get_uuid_or_none(id)
    organisation = (
        hsds.public_organisations_in_full().filter(uuid=organisation_id).first()
        if organisation_id
        else None
    )
    if organisation is None:
        return not_found(request)
    changes = [organisation.updated_at, *(offer.updated_at for offer in organisation.offers.all())]
    return hsds_response(
        request, hsds.organisation_full(site_of(request), organisation), last_modified=max(changes)
    )


@api_view
def service_list(request: HttpRequest) -> HttpResponse:
    query = read_list_query(request)
    offers = filter_offers(hsds.public_offers(), query).order_by("title", "pk")
    items, total = queryset_page(offers, query)
    site = site_of(request)
    body = page_body(
        items, total=total, query=query, serialize=lambda offer: hsds.service_list_item(site, offer)
    )
    return hsds_response(request, body, last_modified=latest_change(offers=True))


@api_view
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    offer_id = get_uuid_or_none(id)
    offer = hsds.public_offers_in_full().filter(uuid=offer_id).first() if offer_id else None
    if offer is None:
        return not_found(request)
    data = hsds.service_full(site_of(request), offer, organisation=offer.organisation)
    return hsds_response(
        request, data, last_modified=max(offer.updated_at, offer.organisation.updated_at)
    )


@api_view
def service_at_location_list(request: HttpRequest) -> HttpResponse:
    query = read_list_query(request)
    offers = with_public_place(filter_offers(hsds.public_offers(), query)).order_by("title", "pk")
    items, total = queryset_page(offers, query)
    site = site_of(request)
    body = page_body(
        items,
        total=total,
        query=query,
        serialize=lambda offer: hsds.service_at_location_list_item(site, offer) or {},
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
