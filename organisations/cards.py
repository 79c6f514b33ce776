"""The entries of a directory page ("cards"), loaded with one query whatever their number.

A card shows an organisation's kind, districts, spoken languages and topics. These are filter
values, so they are among the organisation's facet keys (``organisations.facets``), which every
write path keeps up to date together with the search data; the names come from the cached
:class:`~organisations.vocabularies.DirectoryVocabulary`. That replaces a join for the kind and
three prefetch queries per page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import QuerySet

from organisations.facets import Facet, decode
from organisations.models import Organisation
from organisations.vocabularies import DirectoryVocabulary

# What a card needs of the organisation's own row (see _organisation_card.html).
CARD_FIELDS = [
    "name",
    "short_name",
    "slug",
    "kind",
    "migrant_led",
    "description",
    "status",
    "verified_at",
    "last_confirmed_at",
    "published_at",
    "created_at",
    "facet_keys",
]


def card_queryset(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Only the columns a card shows (not the large search data)."""
    return queryset.only(*CARD_FIELDS)


def with_card_data(
    organisations: Iterable[Organisation], vocabulary: DirectoryVocabulary
) -> list[Organisation]:
    """Give each organisation its kind and the lists ``card_districts``, ``card_languages``
    and ``card_topics`` (in the vocabulary's order), without a query."""
    result = []
    for organisation in organisations:
        values: dict[Facet, set[int]] = {facet: set() for facet in CARD_FACETS}
        for key in organisation.facet_keys:
            facet, value = decode(key)
            if facet in values:
                values[facet].add(value)
        organisation.kind = vocabulary.organisation_kinds[organisation.kind_id]
        organisation.card_districts = _pick(vocabulary.districts, values[Facet.DISTRICT])  # type: ignore[attr-defined]
        organisation.card_languages = _pick(vocabulary.languages, values[Facet.LANGUAGE])  # type: ignore[attr-defined]
        organisation.card_topics = _pick(vocabulary.topics, values[Facet.TOPIC])  # type: ignore[attr-defined]
        result.append(organisation)
    return result


CARD_FACETS = (Facet.DISTRICT, Facet.LANGUAGE, Facet.TOPIC)
_Entry = TypeVar("_Entry")


def _pick(entries: dict[int, _Entry], ids: set[int]) -> list[_Entry]:
    return [entry for pk, entry in entries.items() if pk in ids]
