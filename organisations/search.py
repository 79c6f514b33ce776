"""Search over the directory: the denormalised search data and the queries that use it.

Every organisation and offer carries denormalised search data:

- on PostgreSQL a weighted ``search_vector`` (GIN-indexed):
  A: name and short name of the organisation (title of an offer),
  B: kind, topics, target groups and languages by their names in every interface language (and
  a language's name in itself), titles of its offers,
  C: description, descriptions of its offers, districts (for offers: the organisation's name);
- on other databases a ``search_document``: the same text, lower case and without accents;
- ``facet_keys``: every filter value (see ``organisations.facets``); for an offer, the
  districts and the migrant-led flag of its organisation too.

All of it is written only by :func:`organisation_search_refresh`. It is not a signal or a
``save()`` override on purpose: every write path (forms, services, the admin, imports, the demo
data) calls it after it changed an organisation (including its status), one of its offers or
a vocabulary entry; ``manage.py refresh_search`` runs nightly for offers that have ended.

Texts that organisations write in several languages (``migra_hub.multilingual``) are all in
the document. On PostgreSQL every text not in German is indexed a second time in its language's
configuration (``LANGUAGE_TS_CONFIGS``: english, arabic, turkish, russian; ``simple`` for
Ukrainian and Persian, which PostgreSQL has no stemmer for), and each search word may match in
any of them, so that "консультация" finds "Консультации".

On PostgreSQL the query is a full-text query in the ``migra_hub`` configuration (``unaccent``,
then the German Snowball stemmer) over a GIN index. Words of five letters or more that occur
nowhere in the directory are corrected against :class:`SearchWord` (a trigram index finds
candidates, one edit or swap of neighbouring letters is accepted), and "ae/oe/ue" spellings
are tried as umlauts. On SQLite the fallback is a substring match of every word on the
normalised document: case and accents do not matter, typos and word forms do.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Case, Expression, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

# directory_version is re-exported: the directory's filters read it from here.
from organisations.directory_version import directory_changed
from organisations.directory_version import directory_version as directory_version
from organisations.facets import Facet
from organisations.language_names import language_endonym, language_name
from organisations.models import Offer, OfferKind, Organisation, OrganisationKind, SearchWord

TS_CONFIG = "migra_hub"
GERMAN = "de"
# PostgreSQL's text search configuration for texts in each interface language; one that the
# server lacks (Arabic came with PostgreSQL 12... check pg_ts_config) falls back to "simple".
# German texts are in the directory's own configuration (unaccent, German stemmer).
LANGUAGE_TS_CONFIGS = {
    GERMAN: TS_CONFIG,
    "en": "english",
    "ar": "arabic",
    "tr": "turkish",
    "ru": "russian",
    "uk": "simple",  # no Ukrainian stemmer in PostgreSQL
    "fa": "simple",  # no Persian stemmer in PostgreSQL
}
# Weights of D, C, B, A: a name match (A) always outranks any number of matches elsewhere.
RANK_WEIGHTS = [0.05, 0.2, 0.4, 1.0]
TYPO_MIN_LENGTH = 5
MAX_TERMS = 8
MAX_TERM_LENGTH = 60
BATCH_SIZE = 2000

# Search.filter() and Search.order_by_relevance() return the queryset class they were given.
_QuerySetT = TypeVar("_QuerySetT", bound=QuerySet[Any, Any])
# The models that carry search data (_write() is checked for each of them).
_SearchableT = TypeVar("_SearchableT", Organisation, Offer)

_WORD = re.compile(r"\w+")
_UMLAUT_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def normalise(text: str) -> str:
    """Lower case without accents ("Türkçe" -> "turkce", "Straße" -> "strasse")."""
    text = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_terms(q: str) -> list[str]:
    """The words of a search box input (two letters or more), without operators and duplicates,
    at most eight."""
    terms: list[str] = []
    for word in _WORD.findall(q.replace("_", " ")):
        if len(word) < 2:
            continue  # "e.V.": single letters would match nearly everything
        word = word[:MAX_TERM_LENGTH]
        if word.casefold() not in (term.casefold() for term in terms):
            terms.append(word)
    return terms[:MAX_TERMS]


# --- Keeping the search data up to date ------------------------------------------------------


@dataclass
class _Document:
    a: list[str] = field(default_factory=list)
    b: list[str] = field(default_factory=list)
    c: list[str] = field(default_factory=list)
    # Texts written by the organisation in a language other than German, by language (an
    # original in Arabic, a Ukrainian version...): indexed again with that language's text
    # search configuration, so that its word forms match too.
    languages: dict[str, _Document] = field(default_factory=dict)

    def parts(self) -> tuple[str, str, str]:
        return (
            " ".join(filter(None, self.a)),
            " ".join(filter(None, self.b)),
            " ".join(filter(None, self.c)),
        )

    def plain(self) -> str:
        texts = [*self.parts(), *(" ".join(doc.parts()) for doc in self.languages.values())]
        return normalise(" ".join(texts))

    def add(self, weight: str, language: str, text: str) -> None:
        """Add a text written by the organisation, in its language, with weight a, b or c."""
        if not text:
            return
        getattr(self, weight).append(text)
        if language != GERMAN:
            getattr(self.languages.setdefault(language, _Document()), weight).append(text)

    def add_entry(self, weight: str, row: Mapping[str, Any], name: str) -> None:
        """Add every language version of one field of an entry (a ``values()`` row with
        ``original_language`` and ``translations``)."""
        self.add(weight, row["original_language"], row[name])
        for language, texts in (row["translations"] or {}).items():
            if language != row["original_language"] and isinstance(texts, dict):
                text = texts.get(name)
                self.add(weight, language, text if isinstance(text, str) else "")


def _batches(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while batch := list(islice(iterator, size)):
        yield batch


def organisation_search_refresh(*, organisation_ids: Iterable[int] | None = None) -> int:
    """Rebuild the search data of these organisations (all when None) and of all their offers.

    Call it after every change to an organisation, its offers or its vocabulary entries.
    Returns the number of organisations refreshed. Runs a fixed number of queries per 2,000
    organisations.
    """
    if organisation_ids is None:
        ids: Iterable[int] = Organisation.objects.order_by("pk").values_list("pk", flat=True)
    else:
        ids = sorted(set(organisation_ids))
    count = 0
    for batch in _batches(ids, BATCH_SIZE):
        with transaction.atomic():
            count += _refresh_batch(batch)
    directory_changed()
    return count


def vocabulary_search_refresh(*, entry: object) -> int:
    """Refresh every organisation that uses a vocabulary entry, a district or a city (after it
    was renamed)."""
    return organisation_search_refresh(organisation_ids=organisations_using(entry))


def organisations_using(entry: object) -> list[int]:
    """The ids of the organisations whose search data names a vocabulary entry, a district or
    a city (through its districts)."""
    from organisations.models import (
        City,
        District,
        Language,
        OfferKind,
        OrganisationKind,
        TargetGroup,
        Topic,
    )

    if isinstance(entry, District):
        query = Q(districts=entry)
    elif isinstance(entry, City):
        query = Q(districts__city=entry)
    elif isinstance(entry, Topic | TargetGroup):
        relation = "topics" if isinstance(entry, Topic) else "target_groups"
        query = Q(**{relation: entry}) | Q(**{f"offers__{relation}": entry})
    elif isinstance(entry, Language):
        query = Q(languages=entry) | Q(counselling_languages=entry) | Q(offers__languages=entry)
    elif isinstance(entry, OrganisationKind):
        query = Q(kind=entry)
    elif isinstance(entry, OfferKind):
        query = Q(offers__kind=entry)
    else:
        raise TypeError(f"not a vocabulary entry: {entry!r}")
    return list(Organisation.objects.filter(query).values_list("pk", flat=True).distinct())


def _names(*values: str | None) -> list[str]:
    return [value for value in values if value]


def _names_of(model: type[OrganisationKind | OfferKind], ids: set[int]) -> dict[int, list[str]]:
    """The names in every language of these entries (one query)."""
    names: dict[int, list[str]] = {}
    rows = model._parler_meta.root_model.objects.filter(master_id__in=ids)
    for pk, name in rows.values_list("master_id", "name"):
        names.setdefault(pk, []).append(name)
    return names


@lru_cache(maxsize=4000)
def all_language_names(code: str) -> list[str]:
    """A language's names in every interface language and in itself: found by any of them."""
    names = [language_name(code, language) for language, _name in settings.LANGUAGES]
    return [name for name in dict.fromkeys([*names, language_endonym(code)]) if name]


def _refresh_batch(batch: list[int]) -> int:
    today = timezone.localdate()
    organisations = {
        row["pk"]: row
        for row in Organisation.objects.filter(pk__in=batch).values(
            "pk",
            "name",
            "short_name",
            "description",
            "original_language",
            "translations",
            "kind_id",
            "migrant_led",
        )
    }
    kind_names = _names_of(OrganisationKind, {row["kind_id"] for row in organisations.values()})
    documents = {pk: _Document() for pk in organisations}
    keys: dict[int, set[int]] = {pk: set() for pk in organisations}
    for pk, row in organisations.items():
        documents[pk].a += _names(row["name"], row["short_name"])
        documents[pk].b += kind_names.get(row["kind_id"], [])
        documents[pk].add_entry("c", row, "description")
        keys[pk].add(Facet.KIND.key(row["kind_id"]))
        if row["migrant_led"]:
            keys[pk].add(Facet.MIGRANT_LED.key())

    topics = Organisation.topics.through.objects.filter(organisation_id__in=batch)
    # One row per name of a topic (a name in each language).
    for pk, topic, name in topics.values_list(
        "organisation_id", "topic_id", "topic__translations__name"
    ):
        documents[pk].b += _names(name)
        keys[pk].add(Facet.TOPIC.key(topic))
    target_groups = Organisation.target_groups.through.objects.filter(organisation_id__in=batch)
    for pk, group, name in target_groups.values_list(
        "organisation_id", "targetgroup_id", "targetgroup__translations__name"
    ):
        documents[pk].b += _names(name)
        keys[pk].add(Facet.TARGET_GROUP.key(group))
    for relation, facet in (
        (Organisation.languages, Facet.LANGUAGE),
        (Organisation.counselling_languages, Facet.COUNSELLING_LANGUAGE),
    ):
        rows = relation.through.objects.filter(organisation_id__in=batch).values_list(
            "organisation_id", "language_id", "language__code"
        )
        for pk, language, code in rows:
            documents[pk].b += all_language_names(code)
            keys[pk].add(facet.key(language))
    districts = Organisation.districts.through.objects.filter(organisation_id__in=batch)
    district_keys: dict[int, set[int]] = {pk: set() for pk in organisations}
    for pk, district, name in districts.values_list(
        "organisation_id", "district_id", "district__name"
    ):
        documents[pk].c.append(name)
        district_keys[pk].add(Facet.DISTRICT.key(district))
        keys[pk].add(Facet.DISTRICT.key(district))

    offers = {
        row["pk"]: row
        for row in Offer.objects.filter(organisation_id__in=batch).values(
            "pk",
            "organisation_id",
            "title",
            "description",
            "original_language",
            "translations",
            "kind_id",
            "cost",
            "ends_on",
        )
    }
    offer_kind_names = _names_of(OfferKind, {offer["kind_id"] for offer in offers.values()})
    offer_documents = {pk: _Document() for pk in offers}
    offer_keys: dict[int, set[int]] = {pk: set() for pk in offers}
    for pk, offer in offers.items():
        owner = offer["organisation_id"]
        organisation = organisations[owner]
        offer_keys[pk] |= district_keys[owner]
        offer_keys[pk].add(Facet.OFFER_KIND.key(offer["kind_id"]))
        if offer["cost"] == Offer.Cost.FREE:
            offer_keys[pk].add(Facet.FREE_OFFER.key())
        if organisation["migrant_led"]:
            offer_keys[pk].add(Facet.MIGRANT_LED.key())
        offer_documents[pk].add_entry("a", offer, "title")
        offer_documents[pk].b += offer_kind_names.get(offer["kind_id"], [])
        offer_documents[pk].add_entry("c", offer, "description")
        offer_documents[pk].c += _names(organisation["name"], organisation["short_name"])
        documents[owner].add_entry("b", offer, "title")
        documents[owner].b += offer_kind_names.get(offer["kind_id"], [])
        documents[owner].add_entry("c", offer, "description")
        if offer["ends_on"] is None or offer["ends_on"] >= today:
            keys[owner].add(Facet.OFFER_KIND.key(offer["kind_id"]))
            if offer["cost"] == Offer.Cost.FREE:
                keys[owner].add(Facet.FREE_OFFER.key())
    offer_ids = list(offers)
    for offer_relation, name, offer_facet in (
        (Offer.topics, "topic", Facet.TOPIC),
        (Offer.target_groups, "targetgroup", Facet.TARGET_GROUP),
    ):
        names = offer_relation.through.objects.filter(offer_id__in=offer_ids).values_list(
            "offer_id", f"{name}_id", f"{name}__translations__name"
        )
        for pk, entry, translated in names:
            offer_documents[pk].b += _names(translated)
            offer_keys[pk].add(offer_facet.key(entry))
    languages = Offer.languages.through.objects.filter(offer_id__in=offer_ids).values_list(
        "offer_id", "language_id", "language__code"
    )
    for pk, language, code in languages:
        offer_documents[pk].b += all_language_names(code)
        offer_keys[pk].add(Facet.LANGUAGE.key(language))

    _write(Organisation, documents, keys)
    _write(Offer, offer_documents, offer_keys)
    if uses_postgres():
        _remember_words([*documents.values(), *offer_documents.values()])
    return len(documents)


def _write(
    model: type[_SearchableT],
    documents: dict[int, _Document],
    keys: dict[int, set[int]] | None = None,
) -> None:
    if not documents:
        return
    if not uses_postgres():
        objects = [model(pk=pk, search_document=doc.plain()) for pk, doc in documents.items()]
        fields = ["search_document"]
        if keys is not None:
            for item in objects:
                item.facet_keys = sorted(keys[item.pk])
            fields.append("facet_keys")
        model.objects.bulk_update(objects, fields, batch_size=500)
        return
    # PostgreSQL searches the vector; the plain document would only make the rows wider.
    # Each language other than German adds its texts once more, in its own configuration.
    configs = language_ts_configs()
    languages = sorted(
        {language for doc in documents.values() for language in doc.languages} & set(configs)
    )
    ids: list[int] = []
    key_lists: list[str] = []
    columns: dict[str, list[str]] = {}
    for pk, doc in documents.items():
        ids.append(pk)
        key_lists.append("{" + ",".join(map(str, sorted((keys or {}).get(pk, ())))) + "}")
        parts: list[tuple[str, _Document | None]] = [("", doc)]
        parts += [(f"{language}_", doc.languages.get(language)) for language in languages]
        for prefix, part in parts:
            texts = part.parts() if part else ("", "", "")
            for weight, text in zip("abc", texts, strict=True):
                columns.setdefault(f"{prefix}{weight}", []).append(text)
    vector_configs = [("", TS_CONFIG)]
    vector_configs += [(f"{language}_", configs[language]) for language in languages]
    vector = " || ".join(
        f"setweight(to_tsvector('{config}', data.{prefix}{weight}), '{weight.upper()}')"
        for prefix, config in vector_configs
        for weight in "abc"
    )
    table = connection.ops.quote_name(model._meta.db_table)
    set_keys = ", facet_keys = data.keys::bigint[]" if keys is not None else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {table} AS target SET
                search_vector = {vector}
                {set_keys}
            FROM unnest(%s::bigint[], %s::text[], {", ".join(["%s::text[]"] * len(columns))})
                AS data(id, keys, {", ".join(columns)})
            WHERE target.id = data.id
            """,
            [ids, key_lists, *columns.values()],
        )


_available_configs: set[str] | None = None


def language_ts_configs() -> dict[str, str]:
    """The text search configuration of each interface language other than German that this
    PostgreSQL server has ("simple" for the others)."""
    global _available_configs
    if _available_configs is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config")
            _available_configs = {name for (name,) in cursor.fetchall()}
    return {
        language: config if config in _available_configs else "simple"
        for language, config in LANGUAGE_TS_CONFIGS.items()
        if language != GERMAN
    }


def _remember_words(documents: Sequence[_Document]) -> None:
    words: set[str] = set()
    for doc in documents:
        for text in doc.parts():  # every language's texts are among them
            words.update(
                word
                for word in _WORD.findall(text)
                if word.isalpha() and TYPO_MIN_LENGTH <= len(word) <= 100
            )
    if not words:
        return
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (word)
            SELECT DISTINCT unaccent(lower(raw.word)) FROM unnest(%s::text[]) AS raw(word)
            ORDER BY 1
            ON CONFLICT (word) DO NOTHING
            """,
            [sorted(words)],
        )


# --- Querying ---------------------------------------------------------------------------------


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
                    if _WORD.fullmatch(alternative)
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
