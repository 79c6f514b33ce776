"""What a list of the HSDS API is asked for: the query parameters, checked (a bad one is a 400 that
says which), and the filters they set, the same for organisations and for services."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from opendata import hsds
from opendata.hsds import Term
from organisations.models import Offer, Organisation

_ModelT = TypeVar("_ModelT", bound=Model)


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


# --- Filters ------------------------------------------------------------------------------------


def any_of(lookups: tuple[str, ...], value: Any) -> Q:
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{lookup: value})
    return condition


@dataclass(frozen=True)
class ListFilters:
    """How the parameters of a list filter one model: which fields the search looks in, which
    relations a taxonomy term is matched against, which change dates ``modified_after`` reads."""

    model: type[Organisation] | type[Offer]
    search: tuple[str, ...]
    # The key of a taxonomy -> the relations whose public ids a term of it is matched against.
    terms: dict[str, tuple[str, ...]]
    migrant_led: str
    modified: tuple[str, ...]
    # Where the organisation's public id is (organization_id); None: not a filter of this list.
    organisation: str | None = None
    search_lookups: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "search_lookups", tuple(f"{f}__icontains" for f in self.search))

    def term_condition(self, term: Term) -> Q:
        if term.taxonomy is hsds.CHARACTERISTICS:
            return Q(**{self.migrant_led: True})
        return any_of(self.terms[term.taxonomy.key], uuid.UUID(term.id))

    def apply(self, queryset: QuerySet[_ModelT], query: ListQuery) -> QuerySet[_ModelT]:
        if query.search:
            queryset = queryset.filter(any_of(self.search_lookups, query.search))
        if query.term is not None:
            # A subquery, so that several matching rows never repeat an entry.
            matching = self.model._default_manager.filter(self.term_condition(query.term))
            queryset = queryset.filter(pk__in=matching.values("pk"))
        if query.organisation_id is not None and self.organisation:
            queryset = queryset.filter(**{self.organisation: query.organisation_id})
        if query.modified_after is not None:
            modified = tuple(f"{name}__gte" for name in self.modified)
            queryset = queryset.filter(any_of(modified, query.modified_after))
        return queryset


ORGANISATION_FILTERS = ListFilters(
    model=Organisation,
    search=("name", "short_name", "description"),
    terms={
        hsds.TOPICS.key: ("topics__uuid",),
        hsds.TARGET_GROUPS.key: ("target_groups__uuid",),
        hsds.ORGANISATION_KINDS.key: ("kind__uuid",),
        hsds.OFFER_KINDS.key: ("offers__kind__uuid",),
        hsds.LANGUAGES.key: ("languages__uuid", "counselling_languages__uuid"),
    },
    migrant_led="migrant_led",
    modified=("updated_at",),
)
OFFER_FILTERS = ListFilters(
    model=Offer,
    search=("title", "description", "organisation__name"),
    terms={
        hsds.TOPICS.key: ("topics__uuid",),
        hsds.TARGET_GROUPS.key: ("target_groups__uuid",),
        hsds.ORGANISATION_KINDS.key: ("organisation__kind__uuid",),
        hsds.OFFER_KINDS.key: ("kind__uuid",),
        hsds.LANGUAGES.key: ("languages__uuid",),
    },
    migrant_led="organisation__migrant_led",
    # A service changes with its organisation (its record repeats the organisation's).
    modified=("updated_at", "organisation__updated_at"),
    organisation="organisation__uuid",
)


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
