"""The number of results of the directory, and of results per value of every filter, counted
from the facet keys of the result's rows (``organisations.facets``) in one query."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.utils import timezone

from migra_hub.raw_sql import sql_rows
from organisations.directory_version import directory_cache
from organisations.facets import Facet, decode

if TYPE_CHECKING:
    from organisations.filters import DirectoryFilterSet

# "total": {None: results}; "names": {None: results whose name matches the search}; per
# filter: {value id: results} ({None: results} for a checkbox and for "without:<filter>", the
# results if that filter were not set).
Counts = dict[str, dict[int | None, int]]
YES_NO_FACETS = {Facet.MIGRANT_LED, Facet.FREE_OFFER}
CACHE_SECONDS = 600


# The key counted once for each result, and once for each result whose name matches the search.
TOTAL_KEY = 0
NAME_KEY = -1


def _count_keys_sql(base_sql: str) -> str:
    """SQL counting the facet keys of the rows of ``base_sql`` (columns ``facet_keys`` and
    ``in_name``), plus a key 0 for each row and -1 for each row with ``in_name``."""
    # unnest() in the select list (ProjectSet) is cheaper than a lateral function scan.
    return (
        "SELECT keys.value, COUNT(*) FROM (SELECT unnest(base.facet_keys"
        f" || CASE WHEN base.in_name THEN ARRAY[{TOTAL_KEY}, {NAME_KEY}]::bigint[]"
        f" ELSE ARRAY[{TOTAL_KEY}]::bigint[] END)"
        f" AS value FROM ({base_sql}) AS base) AS keys GROUP BY keys.value"
    )


def _rows(filterset: DirectoryFilterSet) -> tuple[str, list[Any]]:
    """The facet keys of the results and whether the name matches the search (organisations
    only; for the order of the best matches)."""
    in_name: Q | Value = Value(False)
    if filterset.search and filterset.ranks_names:
        in_name = Q(name_vector=filterset.search.tsquery)
    rows = filterset.qs.order_by().annotate(
        in_name=ExpressionWrapper(in_name, output_field=BooleanField())
    )
    sql, params = rows.values("facet_keys", "in_name").query.sql_with_params()
    return sql, list(params)


class _Counter:
    """Gathers the rows of :func:`_count_keys_sql` by the filters of one filter set."""

    def __init__(self, filterset: DirectoryFilterSet) -> None:
        self.names = {facet: name for name, facet in filterset.facets.items()}
        self.counts: Counts = defaultdict(dict)
        self.counts["total"][None] = 0

    def add(self, key: int, count: int) -> None:
        if key == NAME_KEY:
            self.counts["names"][None] = count
            return
        if key == TOTAL_KEY:
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


def _filters_key(filterset: DirectoryFilterSet) -> str:
    """The filters that are set and the words of the search, as part of a cache key."""
    values = [
        f"{name}={filterset.cleaned_value(name)}" for name in _set_filters(filterset) if name != "q"
    ]
    if filterset.search:
        values.append("q=" + " ".join(term.casefold() for term in filterset.search.terms))
    return hashlib.sha256("&".join(values).encode()).hexdigest()[:32]


def _cached(filterset: DirectoryFilterSet, what: str, compute: Callable[[], Any]) -> Any:
    """A number of the directory's results, cached per version of the directory (every write
    path changes it, in the transaction of the change: a count never outlives the data it
    counted), per day (offers end at midnight) and per filters and search, at most ten
    minutes."""
    day = timezone.localdate().isoformat()
    key = (
        f"directory:{what}:{type(filterset).__name__}:{filterset.version}:{day}"
        f":{_filters_key(filterset)}"
    )
    value = directory_cache.get(key)
    if value is None:
        value = compute()
        directory_cache.set(key, value, CACHE_SECONDS)
    return value


def facet_counts(filterset: DirectoryFilterSet) -> Counts:
    """The number of results, and of results per value of every filter, in one query that
    reads the rows of the result once and groups their facet keys; cached (:func:`_cached`):
    counting a search for a common word reads most of the directory, and people search the
    same words again and again."""
    counts = _cached(filterset, "facets", lambda: _count_facets(filterset))
    assert isinstance(counts, dict)
    return counts


def _count_facets(filterset: DirectoryFilterSet) -> Counts:
    counter = _Counter(filterset)
    sql, params = _rows(filterset)
    for key, count in sql_rows(_count_keys_sql(sql), params):
        counter.add(key, count)
    return dict(counter.counts)


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
    rows = sql_rows(" UNION ALL ".join(parts), params)
    return {f"without:{active[number]}": {None: count} for number, count in rows}
