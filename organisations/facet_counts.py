"""The number of results of the directory, and of results per value of every filter, counted
from the facet keys of the result's rows (``organisations.facets``) in one query."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from organisations.directory_version import directory_cache
from organisations.facets import Facet, decode

if TYPE_CHECKING:
    from organisations.filters import DirectoryFilterSet, OrganisationFilterSet

# "total": {None: results}; per filter: {value id: results} ({None: results} for a checkbox
# and for "without:<filter>", the results if that filter were not set).
Counts = dict[str, dict[int | None, int]]
YES_NO_FACETS = {Facet.MIGRANT_LED, Facet.FREE_OFFER}
UNFILTERED_CACHE_SECONDS = 600
# More results than a directory will ever have.
MAX_OFFSET = 2**31


def _count_keys_sql(base_sql: str) -> str:
    """SQL counting the facet keys of the rows of ``base_sql``, plus a key 0 for each row."""
    # unnest() in the select list (ProjectSet) is cheaper than a lateral function scan.
    return (
        "SELECT keys.value, COUNT(*) FROM (SELECT unnest(base.facet_keys || 0::bigint)"
        f" AS value FROM ({base_sql}) AS base) AS keys GROUP BY keys.value"
    )


def _rows(queryset: QuerySet) -> tuple[str, list[Any]]:
    sql, params = queryset.order_by().values("facet_keys").query.sql_with_params()
    return sql, list(params)


class _Counter:
    """Gathers the rows of :func:`_count_keys_sql` by the filters of one filter set."""

    def __init__(self, filterset: DirectoryFilterSet) -> None:
        self.names = {facet: name for name, facet in filterset.facets.items()}
        self.counts: Counts = defaultdict(dict)
        self.counts["total"][None] = 0

    def add(self, key: int, count: int) -> None:
        if key == 0:
            self.counts["total"][None] = count
            return
        facet, value = decode(key)
        self.counts[self.names[facet]][None if facet in YES_NO_FACETS else value] = count


def _set_filters(filterset: DirectoryFilterSet) -> list[str]:
    """The filters that are set (the search is one; the sort order is none)."""
    return [
        name
        for name in filterset.form.fields
        if name != "sort" and filterset.cleaned_value(name) not in (None, "", False)
    ]


def facet_counts(filterset: DirectoryFilterSet) -> Counts:
    """The number of results, and of results per value of every filter, in one query that
    reads the rows of the result once and groups their facet keys.

    The counts of the whole directory (no filter, no search) are the same for every visitor
    and the most expensive: they are cached until the next refresh of the search data (every
    write path refreshes it), at most ten minutes, and per day (offers end at midnight).
    """
    if _set_filters(filterset):
        return _count_facets(filterset)
    day = timezone.localdate().isoformat()
    key = f"directory:facets:{type(filterset).__name__}:{filterset.version}:{day}"
    counts = directory_cache.get_or_set(
        key, lambda: _count_facets(filterset), UNFILTERED_CACHE_SECONDS
    )
    assert isinstance(counts, dict)  # never None: the default is not None
    return counts


def _count_facets(filterset: DirectoryFilterSet) -> Counts:
    counter = _Counter(filterset)
    sql, params = _rows(filterset.qs)
    with connection.cursor() as cursor:
        cursor.execute(_count_keys_sql(sql), params)
        for key, count in cursor.fetchall():
            counter.add(key, count)
    return dict(counter.counts)


def facet_counts_and_page(
    filterset: OrganisationFilterSet, *, offset: int, limit: int
) -> tuple[Counts, list[int]]:
    """The counts of :func:`facet_counts` and the ids of one page of the ordered result, in one
    query that finds the result once.

    For searches: the full-text match (and the rank of every match) is the expensive part of
    the directory; counting and ranking in two queries would run it twice.
    """
    # A page number far past the end must not overflow the database's 64-bit OFFSET; any
    # offset past the last result gives the same empty page.
    offset = min(offset, MAX_OFFSET)
    annotations, order = filterset.sort_order()
    sort_fields = [name.lstrip("-") for name in order]
    # Fields first, then annotations: the order of the columns of the SELECT.
    columns = ["facet_keys"]
    columns += [name for name in sort_fields if name not in annotations and name not in columns]
    columns += [name for name in annotations if name in sort_fields]
    matches = filterset.qs.annotate(**annotations).order_by().values(*columns)
    matches_sql, params = matches.query.sql_with_params()
    quote = connection.ops.quote_name
    order_sql = ", ".join(
        f"{quote(name[1:])} DESC" if name.startswith("-") else quote(name) for name in order
    )
    sql = (
        f"WITH matches ({', '.join(map(quote, columns))}) AS ({matches_sql})"
        f" SELECT 0, counted.* FROM ({_count_keys_sql('SELECT facet_keys FROM matches')})"
        f" AS counted UNION ALL SELECT 1, top.{quote('pk')},"
        f" ROW_NUMBER() OVER (ORDER BY {order_sql}) FROM"
        f" (SELECT * FROM matches ORDER BY {order_sql} LIMIT %s OFFSET %s) AS top"
    )
    counter = _Counter(filterset)
    positions: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        for part, key, count in cursor.fetchall():
            if part == 1:
                positions[key] = count
            else:
                counter.add(key, count)
    return dict(counter.counts), sorted(positions, key=positions.__getitem__)


def counts_without_each_filter(filterset: DirectoryFilterSet) -> Counts:
    """How many results there would be without each filter that is set (one query); for the
    page that found nothing."""
    active = _set_filters(filterset)
    if not active:
        return {}
    parts: list[str] = []
    params: list[Any] = []
    for number, name in enumerate(active):
        queryset = filterset.queryset_without(name).order_by().values("pk")
        sql, base_params = queryset.query.sql_with_params()
        parts.append(f"SELECT {number}, COUNT(*) FROM ({sql}) AS base")
        params += base_params
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {f"without:{active[number]}": {None: count} for number, count in cursor.fetchall()}
