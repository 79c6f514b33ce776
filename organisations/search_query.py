"""Querying the directory's search data (written by ``organisations.search``).

On PostgreSQL the query is a full-text query in the ``migra_hub`` configuration (``unaccent``,
then the German Snowball stemmer) over a GIN index, each word also in the configuration of every
language organisations write in. Words of five letters or more that occur nowhere in the
directory are corrected against :class:`SearchWord` (a trigram index finds candidates, one edit
or swap of neighbouring letters is accepted), and "ae/oe/ue" spellings are tried as umlauts. On
SQLite the fallback is a substring match of every word on the normalised document: case and
accents do not matter, typos and word forms do.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Expression, F, IntegerField, Q, QuerySet, Value, When

from organisations.models import SearchWord
from organisations.search_text import (
    TS_CONFIG,
    TYPO_MIN_LENGTH,
    WORD,
    language_ts_configs,
    normalise,
    search_terms,
    uses_postgres,
)

# Weights of D, C, B, A: a name match (A) always outranks any number of matches elsewhere.
RANK_WEIGHTS = [0.05, 0.2, 0.4, 1.0]

# Search.filter() and Search.order_by_relevance() return the queryset class they were given.
_QuerySetT = TypeVar("_QuerySetT", bound=QuerySet[Any, Any])

_UMLAUT_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def _is_one_typo_apart(a: str, b: str) -> bool:
    """Optimal string alignment distance <= 1: one letter added, dropped, changed or swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _typo_corrections(terms: list[str]) -> dict[str, list[str]]:
    """Known words one typo away from each longer search term that is not a known word."""
    long_terms = [term for term in terms if len(term) >= TYPO_MIN_LENGTH and term.isalpha()]
    if not long_terms:
        return {}
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT raw.term, unaccent(lower(raw.term)), candidate.word
            FROM unnest(%s::text[]) AS raw(term)
            CROSS JOIN LATERAL (
                SELECT word FROM {table}
                ORDER BY word <-> unaccent(lower(raw.term))
                LIMIT 12
            ) AS candidate
            """,
            [long_terms],
        )
        rows = cursor.fetchall()
    candidates: dict[str, tuple[str, list[str]]] = {}
    for term, normalised, word in rows:
        candidates.setdefault(term, (normalised, []))[1].append(word)
    corrections = {}
    for term, (normalised, words) in candidates.items():
        if normalised in words:
            continue  # a known word: taken as written
        corrections[term] = [word for word in words if _is_one_typo_apart(normalised, word)]
    return corrections


# Corrections found by this process, per directory version and search terms: the word list
# changes only with a refresh, which changes the version.
_corrections: OrderedDict[tuple[str, tuple[str, ...]], dict[str, list[str]]] = OrderedDict()
CORRECTIONS_IN_MEMORY = 2000


def _remembered_corrections(terms: list[str], version: str) -> dict[str, list[str]]:
    if not version:
        return _typo_corrections(terms)
    key = (version, tuple(terms))
    try:
        corrections = _corrections[key]
    except KeyError:
        corrections = _corrections[key] = _typo_corrections(terms)
        while len(_corrections) > CORRECTIONS_IN_MEMORY:
            _corrections.popitem(last=False)
    return corrections


def _umlaut_spellings(term: str) -> list[str]:
    """ "Tuerkisch" -> ["Türkisch"]: the umlaut a German keyboard-less spelling stands for."""
    variant = term
    for plain, umlaut in _UMLAUT_SPELLINGS:
        variant = re.sub(plain, umlaut, variant, flags=re.IGNORECASE)
    return [variant] if variant != term else []


@dataclass
class Search:
    """One search box input, prepared once per request and applied to several querysets."""

    q: str
    terms: list[str]
    # The directory version the typo corrections may be remembered under ("": not at all).
    version: str = ""
    _tsquery: SearchQuery | None = None

    @classmethod
    def parse(cls, q: str | None, *, version: str = "") -> Search | None:
        terms = search_terms(q or "")
        return cls(q=q or "", terms=terms, version=version) if terms else None

    @property
    def tsquery(self) -> SearchQuery:
        if self._tsquery is None:
            corrections = _remembered_corrections(self.terms, self.version)
            other_configs = sorted(set(language_ts_configs().values()))
            query: SearchQuery | None = None
            for term in self.terms:
                alternatives = [
                    alternative
                    for alternative in (term, *_umlaut_spellings(term), *corrections.get(term, []))
                    if WORD.fullmatch(alternative)
                ]
                prefix = ":*" if len(term) >= 3 else ""
                raw = " | ".join(f"{alternative}{prefix}" for alternative in alternatives)
                # A word matches in the directory's configuration or in the configuration of
                # any language the organisations write in ("консультації" in "simple",
                # "консультации" stemmed by "russian").
                clause = SearchQuery(raw, search_type="raw", config=TS_CONFIG)
                for config in other_configs:
                    clause |= SearchQuery(raw, search_type="raw", config=config)
                query = clause if query is None else query & clause
            assert query is not None  # parse() gives no Search without terms
            self._tsquery = query
        return self._tsquery

    def filter(self, queryset: _QuerySetT) -> _QuerySetT:
        if uses_postgres():
            return queryset.filter(search_vector=self.tsquery)
        for term in self.terms:
            queryset = queryset.filter(search_document__contains=normalise(term))
        return queryset

    def relevance(self, name_field: str) -> tuple[dict[str, Expression], list[str]]:
        """Best matches first; a match in the name before a match anywhere else: the
        annotations and the ``order_by()`` arguments."""
        if uses_postgres():
            rank = SearchRank(F("search_vector"), self.tsquery, weights=RANK_WEIGHTS)
            return {"search_rank": rank}, ["-search_rank", name_field, "pk"]
        in_name = Q()
        for term in self.terms:
            in_name &= Q(**{f"{name_field}__icontains": term})
        name_first = Case(
            When(in_name, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return {"name_first": name_first}, ["name_first", name_field, "pk"]

    def order_by_relevance(self, queryset: _QuerySetT, name_field: str) -> _QuerySetT:
        """Best matches first; a match in the name before a match anywhere else."""
        annotations, order = self.relevance(name_field)
        return queryset.annotate(**annotations).order_by(*order)
