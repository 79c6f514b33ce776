"""Querying the directory's search data (written by ``organisations.search``).

The query is a full-text query in the ``migra_hub`` configuration (``unaccent``,
then the German Snowball stemmer) over a GIN index, each word also in the configuration of every
language organisations write in. Words of five letters or more that occur nowhere in the
directory are corrected against :class:`SearchWord` (a trigram index finds candidates, one edit
or swap of neighbouring letters is accepted), "ae/oe/ue" spellings are tried as umlauts, and a
German compound also matches where all its parts do ("Tanzkurs": "Tanzen - Kurs"). An unknown
word further than one typo from every known word gets the nearest known word as a suggestion
("did you mean"); when no entry has all words, :meth:`Search.most_words` finds the entries
with the most of them.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    Case,
    Expression,
    F,
    IntegerField,
    QuerySet,
    Value,
    When,
)

from migra_hub.raw_sql import quoted_table, sql_rows
from organisations.compounds import compound_parts
from organisations.models import SearchWord
from organisations.search_text import (
    TS_CONFIG,
    TYPO_MIN_LENGTH,
    WORD,
    language_ts_configs,
    search_terms,
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


# A suggestion shares at least this share of its trigrams with the misspelt word.
SUGGESTION_MIN_SIMILARITY = 0.3


@dataclass
class Corrections:
    """For each longer search term that is not a known word: the known words one typo away
    (searched too), else the nearest known word (suggested)."""

    typos: dict[str, list[str]]
    suggestions: dict[str, str]
    # The terms that are words of the directory: taken as written.
    known: set[str] = field(default_factory=set)


def _typo_corrections(terms: list[str]) -> Corrections:
    """Known words one typo away from each longer search term that is not a known word, and
    a suggestion for each such term without any."""
    corrections = Corrections(typos={}, suggestions={})
    long_terms = [term for term in terms if len(term) >= TYPO_MIN_LENGTH and term.isalpha()]
    if not long_terms:
        return corrections
    rows = sql_rows(
        f"""
        SELECT raw.term, unaccent(lower(raw.term)), candidate.word, candidate.distance
        FROM unnest(%s::text[]) AS raw(term)
        CROSS JOIN LATERAL (
            SELECT word, word <-> unaccent(lower(raw.term)) AS distance
            FROM {quoted_table(SearchWord)}
            ORDER BY distance
            LIMIT 12
        ) AS candidate
        """,
        [long_terms],
    )
    candidates: dict[str, tuple[str, list[tuple[str, float]]]] = {}
    for term, normalised, word, distance in rows:
        candidates.setdefault(term, (normalised, []))[1].append((word, distance))
    for term, (normalised, words) in candidates.items():
        if normalised in (word for word, _distance in words):
            corrections.known.add(term)  # taken as written
            continue
        typos = [word for word, _distance in words if _is_one_typo_apart(normalised, word)]
        corrections.typos[term] = typos
        nearest, distance = words[0]
        if not typos and 1 - distance >= SUGGESTION_MIN_SIMILARITY:
            corrections.suggestions[term] = nearest
    return corrections


# Corrections found by this process, per directory version and search terms: the word list
# changes only with a refresh, which changes the version.
_corrections: OrderedDict[tuple[str, tuple[str, ...]], Corrections] = OrderedDict()
CORRECTIONS_IN_MEMORY = 2000


def _remembered_corrections(terms: list[str], version: str) -> Corrections:
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
    _corrections: Corrections | None = None
    _clauses: list[SearchQuery] | None = None

    @classmethod
    def parse(cls, q: str | None, *, version: str = "") -> Search | None:
        terms = search_terms(q or "")
        return cls(q=q or "", terms=terms, version=version) if terms else None

    @property
    def corrections(self) -> Corrections:
        if self._corrections is None:
            self._corrections = _remembered_corrections(self.terms, self.version)
        return self._corrections

    def _clause(self, term: str, other_configs: list[str]) -> SearchQuery:
        """What one search word matches: itself, its umlaut spelling and its typo corrections
        (as a word or the start of one), or all the parts of a German compound that is not a
        word of the directory."""
        typos = self.corrections.typos.get(term, [])
        alternatives = [
            f"{alternative}:*" if len(term) >= 3 else alternative
            for alternative in (term, *_umlaut_spellings(term), *typos)
            if WORD.fullmatch(alternative)
        ]
        parts = [] if term in self.corrections.known else compound_parts(term)
        if parts:
            alternatives.append("(" + " & ".join(f"{part}:*" for part in parts) + ")")
        raw = " | ".join(alternatives)
        # A word matches in the directory's configuration or in the configuration of any
        # language the organisations write in ("консультації" in "simple", "консультации"
        # stemmed by "russian").
        clause = SearchQuery(raw, search_type="raw", config=TS_CONFIG)
        for config in other_configs:
            clause |= SearchQuery(raw, search_type="raw", config=config)
        return clause

    @property
    def clauses(self) -> list[SearchQuery]:
        """One query per search word."""
        if self._clauses is None:
            other_configs = sorted(set(language_ts_configs().values()))
            self._clauses = [self._clause(term, other_configs) for term in self.terms]
        return self._clauses

    @property
    def tsquery(self) -> SearchQuery:
        """Every word of the search."""
        query = self.clauses[0]
        for clause in self.clauses[1:]:
            query &= clause
        return query

    def filter(self, queryset: _QuerySetT) -> _QuerySetT:
        return queryset.filter(search_vector=self.tsquery)

    def relevance(self, name_field: str) -> tuple[dict[str, Expression], list[str]]:
        """Best matches first; a match in the name before a match anywhere else: the
        annotations and the ``order_by()`` arguments."""
        rank = SearchRank(F("search_vector"), self.tsquery, weights=RANK_WEIGHTS)
        return {"search_rank": rank}, ["-search_rank", name_field, "pk"]

    def name_relevance(self, name_field: str) -> tuple[dict[str, Expression], list[str]]:
        """The order of :meth:`best_page` as annotations and ``order_by()`` arguments: name
        matches first, then the others, each by name."""
        name_first = Case(
            When(name_vector=self.tsquery, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return {"name_first": name_first}, ["name_first", name_field, "pk"]

    def in_names(self, queryset: _QuerySetT) -> _QuerySetT:
        """The entries of a queryset whose name matches every word."""
        return queryset.filter(name_vector=self.tsquery)

    def best_page(
        self,
        queryset: QuerySet,
        name_field: str,
        *,
        unsearched: QuerySet,
        offset: int,
        limit: int,
        in_names: int,
    ) -> list[int]:
        """The ids of one page of the results of ``queryset`` (already searched), best
        matches first, reading only as many rows as the page needs.

        Entries whose name matches come first, then the others, each by name: both parts are
        read in the order of the index on the name and only until the page is full. (A
        common word is in most entries, and ranking every one of them was the cost of a
        search; among name matches a rank adds little, a name holds each word once.)
        ``unsearched`` is ``queryset`` without the search: a name that matches is always in
        a matching document, so the name alone decides. ``in_names`` is the number of
        entries whose name matches.
        """
        names = (
            self.in_names(unsearched)
            .annotate(tier=Value(0))
            .order_by(name_field, "pk")
            .values_list("pk", "tier")
        )
        others = (
            queryset.exclude(name_vector=self.tsquery)
            .annotate(tier=Value(1))
            .order_by(name_field, "pk")
            .values_list("pk", "tier")
        )
        # One query whatever the page: (name matches of the page) UNION ALL (the others that
        # fill it); each part keeps its own order, the name matches come first.
        start = max(offset - in_names, 0)
        from_names = max(min(in_names - offset, limit), 0)
        parts = names[offset : offset + max(from_names, 1)].union(
            others[start : start + limit - from_names], all=True
        )
        rows = sorted(parts, key=lambda row: row[1])
        return [pk for pk, tier in rows if tier == 1 or from_names][:limit]

    def order_by_relevance(self, queryset: _QuerySetT, name_field: str) -> _QuerySetT:
        """Best matches first; a match in the name before a match anywhere else."""
        annotations, order = self.relevance(name_field)
        return queryset.annotate(**annotations).order_by(*order)

    def most_words(self, queryset: _QuerySetT, name_field: str) -> _QuerySetT:
        """The entries with the most of the search words (for a search that found no entry
        with all of them), those with more words first, then by relevance."""
        any_word = self.clauses[0]
        for clause in self.clauses[1:]:
            any_word |= clause
        words_found = sum(
            (
                Case(
                    When(search_vector=clause, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
                for clause in self.clauses
            ),
            start=Value(0),
        )
        rank = SearchRank(F("search_vector"), any_word, weights=RANK_WEIGHTS)
        return (
            queryset.filter(search_vector=any_word)
            .annotate(words_found=words_found, search_rank=rank)
            .order_by("-words_found", "-search_rank", name_field, "pk")
        )

    def suggestion(self) -> str:
        """The search with each misspelt word replaced by the nearest known word ("" when no
        word is misspelt)."""
        suggestions = self.corrections.suggestions
        if not suggestions:
            return ""
        return " ".join(suggestions.get(term, term) for term in self.terms)
