"""Finding entries that are likely the same organisation twice, for district staff to merge.

Two entries are likely duplicates when their names are alike (the normalised comparison of
``organisations/matching.py``, on PostgreSQL also trigram similarity, which catches typos), or
when they share an address, a website or an e-mail address. The work is a fixed number of
queries whatever the size of the district: one reads the few fields compared, one (on
PostgreSQL) compares the names, one loads the entries of the page shown.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from migra_hub.raw_sql import quoted_table, sql_rows
from organisations.matching import name_key, normalise
from organisations.models import Organisation

REASONS = {
    "name": _("similar name"),
    "address": _("same address"),
    "website": _("same website"),
    "email": _("same e-mail"),
}
# Names at least this alike (pg_trgm's similarity, 0..1) count as similar.
TRIGRAM_THRESHOLD = 0.55
# A value shared by more entries than this (an umbrella body's website, say) says nothing.
LARGEST_GROUP = 8
CLOSED = (Organisation.Status.REJECTED, Organisation.Status.ARCHIVED)


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    second_id: int
    reasons: tuple[str, ...]

    @property
    def labels(self) -> list[str]:
        return [str(REASONS[reason]) for reason in self.reasons]


def _web_address(url: str) -> str:
    text = re.sub(r"^[a-z]+://", "", url.strip().lower())
    return text.removeprefix("www.").rstrip("/")


def _street(street: str, postcode: str) -> str:
    text = normalise(street).replace("strasse", "str").replace("str ", "str")
    return f"{postcode.strip()} {text}" if text and postcode.strip() else ""


def _keys(row: tuple) -> Iterable[tuple[str, str]]:
    _pk, name, street, postcode, website, email = row
    if key := name_key(name):
        yield "name", key
    if address := _street(street, postcode):
        yield "address", address
    if website:
        yield "website", _web_address(website)
    if email:
        yield "email", email.strip().lower()


def _similar_names(ids: list[int]) -> Iterable[tuple[int, int]]:
    """Pairs of these entries whose names are alike by trigram similarity (pg_trgm)."""
    if len(ids) < 2:
        return []
    table = quoted_table(Organisation)
    sql = (
        f"SELECT a.id, b.id FROM {table} a JOIN {table} b ON a.id < b.id "
        "WHERE a.id = ANY(%s) AND b.id = ANY(%s) "
        "AND similarity(lower(a.name), lower(b.name)) >= %s"
    )
    return sql_rows(sql, [ids, ids, TRIGRAM_THRESHOLD])


def likely_duplicates(organisations: QuerySet[Organisation]) -> list[DuplicatePair]:
    """Pairs among ``organisations`` (rejected and archived entries left out), those with the
    most reasons first, then by the first entry's number."""
    rows = list(
        organisations.exclude(status__in=CLOSED).values_list(
            "pk", "name", "street", "postcode", "website", "email"
        )
    )
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        for key in _keys(row):
            groups[key].append(row[0])
    reasons: dict[tuple[int, int], set[str]] = defaultdict(set)
    for (reason, _value), ids in groups.items():
        if 1 < len(ids) <= LARGEST_GROUP:
            for pair in combinations(sorted(ids), 2):
                reasons[pair].add(reason)
    for first, second in _similar_names([row[0] for row in rows]):
        reasons[(min(first, second), max(first, second))].add("name")
    pairs = [
        DuplicatePair(first, second, tuple(reason for reason in REASONS if reason in found))
        for (first, second), found in reasons.items()
    ]
    pairs.sort(key=lambda pair: (-len(pair.reasons), pair.first_id, pair.second_id))
    return pairs
