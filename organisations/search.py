"""The directory's search data: what each organisation and offer carries, and keeping it current.

Every organisation and offer carries denormalised search data:

- a weighted ``search_vector`` (GIN-indexed):
  A: name and short name of the organisation (title of an offer), and their Latin spellings
  when written in another script ("Громада": "Gromada", "Hromada"),
  B: kind, topics, target groups and languages by their names in every interface language (and
  a language's name in itself), titles of its offers,
  C: description, descriptions of its offers, districts (for offers: the organisation's name);
  each part with the parts of its German compound words ("Tanzkurs": "tanz kurs",
  ``organisations.compounds``);
- ``facet_keys``: every filter value (see ``organisations.facets``); for an offer, the
  districts and the migrant-led flag of its organisation too.

All of it is written only by :func:`organisation_search_refresh`. It is not a signal or a
``save()`` override on purpose: every write path (forms, services, the admin, imports, the demo
data) calls it after it changed an organisation (including its status), one of its offers or
a vocabulary entry; ``manage.py refresh_search`` runs nightly for offers that have ended.

Texts that organisations write in several languages (``migra_hub.multilingual``) are all in
the document. Every text not in German is indexed a second time in its language's
configuration (``search_text.LANGUAGE_TS_CONFIGS``: english, arabic, turkish, russian;
``simple`` for Ukrainian and Persian, which PostgreSQL has no stemmer for), and each search word
may match in any of them, so that "консультация" finds "Консультации".

Querying is ``organisations.search_query``; what goes into the data,
``organisations.search_documents``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

from django.db import transaction
from django.db.models import Q

from migra_hub.raw_sql import quoted_table, sql_rows
from organisations.directory_version import directory_changed
from organisations.models import Offer, Organisation, SearchWord
from organisations.search_documents import Document, batch_search_data
from organisations.search_text import (
    TS_CONFIG,
    TYPO_MIN_LENGTH,
    WORD,
    language_ts_configs,
)

BATCH_SIZE = 2000

# The models that carry search data (_write() is checked for each of them).
_SearchableT = TypeVar("_SearchableT", Organisation, Offer)


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


def _refresh_batch(batch: list[int]) -> int:
    data = batch_search_data(batch)
    _write(Organisation, data.documents, data.keys)
    _write(Offer, data.offer_documents, data.offer_keys)
    _remember_words([*data.documents.values(), *data.offer_documents.values()])
    return len(data.documents)


def _write(
    model: type[_SearchableT],
    documents: dict[int, Document],
    keys: dict[int, set[int]] | None = None,
) -> None:
    if not documents:
        return
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
        texts_by_prefix = [("", doc.indexed_parts())]
        for language in languages:
            part = doc.languages.get(language)
            texts_by_prefix.append((f"{language}_", part.parts() if part else ("", "", "")))
        for prefix, texts in texts_by_prefix:
            for weight, text in zip("abc", texts, strict=True):
                columns.setdefault(f"{prefix}{weight}", []).append(text)
    vector_configs = [("", TS_CONFIG)]
    vector_configs += [(f"{language}_", configs[language]) for language in languages]
    vector = " || ".join(
        f"setweight(to_tsvector('{config}', data.{prefix}{weight}), '{weight.upper()}')"
        for prefix, config in vector_configs
        for weight in "abc"
    )
    table = quoted_table(model)
    also_set = ", facet_keys = data.keys::bigint[]" if keys is not None else ""
    if model is Organisation:
        also_set += ", name_vector = " + " || ".join(
            f"setweight(to_tsvector('{config}', data.{prefix}a), 'A')"
            for prefix, config in vector_configs
        )
    sql_rows(
        f"""
        UPDATE {table} AS target SET
            search_vector = {vector}
            {also_set}
        FROM unnest(%s::bigint[], %s::text[], {", ".join(["%s::text[]"] * len(columns))})
            AS data(id, keys, {", ".join(columns)})
        WHERE target.id = data.id
        """,
        [ids, key_lists, *columns.values()],
    )


def _remember_words(documents: Sequence[Document]) -> None:
    words: set[str] = set()
    for doc in documents:
        for text in doc.indexed_parts():  # every language's texts are among them
            words.update(
                word
                for word in WORD.findall(text)
                if word.isalpha() and TYPO_MIN_LENGTH <= len(word) <= 100
            )
    if not words:
        return
    sql_rows(
        f"""
        INSERT INTO {quoted_table(SearchWord)} (word)
        SELECT DISTINCT unaccent(lower(raw.word)) FROM unnest(%s::text[]) AS raw(word)
        ORDER BY 1
        ON CONFLICT (word) DO NOTHING
        """,
        [sorted(words)],
    )
