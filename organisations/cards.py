"""The entries of a directory page ("cards"): rendered once per version of the directory.

A card shows an organisation's name, kind, badges, description and its districts, spoken
languages and topics. The last three are filter values, so they are among the organisation's
facet keys (``organisations.facets``), which every write path keeps current together with the
search data; their names come from the cached
:class:`~organisations.vocabularies.DirectoryVocabulary`. A page's missing cards therefore
cost one query, whatever their number.

Rendered cards are kept in the memory of each process, keyed by the directory's version (any
change of an organisation, offer or vocabulary makes a new one), the language and the day
("may be out of date" depends on it). A card in memory costs nothing; one that is not costs
about half a millisecond of template rendering.
"""

from __future__ import annotations

import datetime
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from organisations.facets import Facet, decode
from organisations.models import Organisation
from organisations.templatetags.directory import language_label
from organisations.vocabularies import DirectoryVocabulary

CARD_TEMPLATE = "organisations/_organisation_card.html"
# What a card needs of the organisation's own row (see the template).
CARD_FIELDS = [
    "name",
    "short_name",
    "slug",
    "kind",
    "migrant_led",
    "description",
    "original_language",
    "translations",
    "status",
    "verified_at",
    "last_confirmed_at",
    "published_at",
    "created_at",
    "facet_keys",
]
CARD_FACETS = (Facet.DISTRICT, Facet.LANGUAGE, Facet.TOPIC)
# Cards kept per process: a few MB, the first pages of many searches.
CARDS_IN_MEMORY = 4000


@dataclass(frozen=True)
class Card:
    pk: int
    name: str
    html: SafeString


_Key = tuple[int, str, str, datetime.date]


class _Memory:
    """The most recently used cards of this process (a small LRU)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._cards: OrderedDict[_Key, Card] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[_Key]) -> dict[_Key, Card]:
        found = {}
        with self._lock:
            for key in keys:
                if (card := self._cards.get(key)) is not None:
                    self._cards.move_to_end(key)
                    found[key] = card
        return found

    def set_many(self, cards: dict[_Key, Card]) -> None:
        with self._lock:
            self._cards.update(cards)
            while len(self._cards) > self.size:
                self._cards.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._cards.clear()


memory = _Memory(CARDS_IN_MEMORY)


def directory_cards(ids: list[int], *, version: str, vocabulary: DirectoryVocabulary) -> list[Card]:
    """The cards of these (published) organisations, in this order."""
    language, today = get_language() or "", timezone.localdate()
    keys = {pk: (pk, version, language, today) for pk in ids}
    cards = {key[0]: card for key, card in memory.get_many(keys.values()).items()}
    missing = [pk for pk in ids if pk not in cards]
    if missing:
        organisations = Organisation.objects.filter(pk__in=missing).only(*CARD_FIELDS)
        rendered = {
            organisation.pk: Card(
                organisation.pk,
                organisation.name,
                render_to_string(CARD_TEMPLATE, {"organisation": organisation}),
            )
            for organisation in with_card_data(organisations, vocabulary)
        }
        memory.set_many({keys[pk]: card for pk, card in rendered.items()})
        cards.update(rendered)
    return [cards[pk] for pk in ids if pk in cards]


def with_card_data(
    organisations: Iterable[Organisation], vocabulary: DirectoryVocabulary
) -> list[Organisation]:
    """Give each organisation its kind and what the card lists (``card_districts``,
    ``card_languages``, ``card_topics``, in the vocabulary's order), without a query."""
    result = []
    for organisation in organisations:
        values: dict[Facet, set[int]] = {facet: set() for facet in CARD_FACETS}
        for key in organisation.facet_keys:
            facet, value = decode(key)
            if facet in values:
                values[facet].add(value)
        districts = _pick(vocabulary.districts, values[Facet.DISTRICT])
        languages = _pick(vocabulary.languages, values[Facet.LANGUAGE])
        topics = _pick(vocabulary.topics, values[Facet.TOPIC])
        organisation.kind = vocabulary.organisation_kinds[organisation.kind_id]
        organisation.card_districts = [district.name for district in districts]  # type: ignore[attr-defined]
        organisation.card_languages = [language_label(language) for language in languages]  # type: ignore[attr-defined]
        organisation.card_topics = [topic.name for topic in topics]  # type: ignore[attr-defined]
        result.append(organisation)
    return result


_Entry = TypeVar("_Entry")


def _pick(entries: dict[int, _Entry], ids: set[int]) -> list[_Entry]:
    return [entry for pk, entry in entries.items() if pk in ids]
