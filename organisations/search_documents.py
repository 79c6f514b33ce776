"""What the search data of a batch of organisations and their offers says: the weighted texts
(:class:`Document`) and the facet keys of each, read with a fixed number of queries per batch.
``organisations.search`` writes them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from organisations.facets import Facet
from organisations.models import Offer, OfferKind, Organisation, OrganisationKind
from organisations.search_text import GERMAN, all_language_names, with_search_words


@dataclass
class Document:
    a: list[str] = field(default_factory=list)
    b: list[str] = field(default_factory=list)
    c: list[str] = field(default_factory=list)
    # Texts written by the organisation in a language other than German, by language (an
    # original in Arabic, a Ukrainian version...): indexed again with that language's text
    # search configuration, so that its word forms match too.
    languages: dict[str, Document] = field(default_factory=dict)

    def parts(self) -> tuple[str, str, str]:
        return (
            " ".join(filter(None, self.a)),
            " ".join(filter(None, self.b)),
            " ".join(filter(None, self.c)),
        )

    def indexed_parts(self) -> tuple[str, str, str]:
        """:meth:`parts` with what else each text is found by: the parts of German compounds,
        and the Latin spellings of names (A) written in another script."""
        a, b, c = self.parts()
        return (
            with_search_words(a, name=True),
            with_search_words(b),
            with_search_words(c),
        )

    def add(self, weight: str, language: str, text: str) -> None:
        """Add a text written by the organisation, in its language, with weight a, b or c."""
        if not text:
            return
        getattr(self, weight).append(text)
        if language != GERMAN:
            getattr(self.languages.setdefault(language, Document()), weight).append(text)

    def add_entry(self, weight: str, row: Mapping[str, Any], name: str) -> None:
        """Add every language version of one field of an entry (a ``values()`` row with
        ``original_language`` and ``translations``)."""
        self.add(weight, row["original_language"], row[name])
        for language, texts in (row["translations"] or {}).items():
            if language != row["original_language"] and isinstance(texts, dict):
                text = texts.get(name)
                self.add(weight, language, text if isinstance(text, str) else "")


@dataclass
class SearchData:
    """Documents and facet keys by id, of organisations and of offers."""

    documents: dict[int, Document] = field(default_factory=dict)
    keys: dict[int, set[int]] = field(default_factory=dict)
    offer_documents: dict[int, Document] = field(default_factory=dict)
    offer_keys: dict[int, set[int]] = field(default_factory=dict)
    # Read along the way: the organisations' rows and the keys of the districts they serve
    # (an offer is found by its organisation's districts).
    organisations: dict[int, Mapping[str, Any]] = field(default_factory=dict)
    district_keys: dict[int, set[int]] = field(default_factory=dict)


def _names(*values: str | None) -> list[str]:
    return [value for value in values if value]


def _names_of(model: type[OrganisationKind | OfferKind], ids: set[int]) -> dict[int, list[str]]:
    """The names in every language of these entries (one query)."""
    names: dict[int, list[str]] = {}
    rows = model._parler_meta.root_model.objects.filter(master_id__in=ids)
    for pk, name in rows.values_list("master_id", "name"):
        names.setdefault(pk, []).append(name)
    return names


def batch_search_data(batch: list[int]) -> SearchData:
    """The search data of these organisations and of all their offers."""
    data = SearchData()
    _add_organisations(data, batch)
    _add_organisation_vocabularies(data, batch)
    _add_districts(data, batch)
    offers = Offer.objects.filter(organisation_id__in=batch).values(
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
    _add_offers(data, {row["pk"]: row for row in offers})
    _add_offer_vocabularies(data)
    return data


def _add_organisations(data: SearchData, batch: list[int]) -> None:
    data.organisations = {
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
    kind_names = _names_of(
        OrganisationKind, {row["kind_id"] for row in data.organisations.values()}
    )
    for pk, row in data.organisations.items():
        document = data.documents[pk] = Document()
        keys = data.keys[pk] = set()
        document.a += _names(row["name"], row["short_name"])
        document.b += kind_names.get(row["kind_id"], [])
        document.add_entry("c", row, "description")
        keys.add(Facet.KIND.key(row["kind_id"]))
        if row["migrant_led"]:
            keys.add(Facet.MIGRANT_LED.key())


def _add_organisation_vocabularies(data: SearchData, batch: list[int]) -> None:
    """Topics and target groups by their names in every language, languages by every name."""
    topics = Organisation.topics.through.objects.filter(organisation_id__in=batch)
    # One row per name of a topic (a name in each language).
    for pk, topic, name in topics.values_list(
        "organisation_id", "topic_id", "topic__translations__name"
    ):
        data.documents[pk].b += _names(name)
        data.keys[pk].add(Facet.TOPIC.key(topic))
    target_groups = Organisation.target_groups.through.objects.filter(organisation_id__in=batch)
    for pk, group, name in target_groups.values_list(
        "organisation_id", "targetgroup_id", "targetgroup__translations__name"
    ):
        data.documents[pk].b += _names(name)
        data.keys[pk].add(Facet.TARGET_GROUP.key(group))
    for relation, facet in (
        (Organisation.languages, Facet.LANGUAGE),
        (Organisation.counselling_languages, Facet.COUNSELLING_LANGUAGE),
    ):
        rows = relation.through.objects.filter(organisation_id__in=batch).values_list(
            "organisation_id", "language_id", "language__code"
        )
        for pk, language, code in rows:
            data.documents[pk].b += all_language_names(code)
            data.keys[pk].add(facet.key(language))


def _add_districts(data: SearchData, batch: list[int]) -> None:
    districts = Organisation.districts.through.objects.filter(organisation_id__in=batch)
    data.district_keys = {pk: set() for pk in data.organisations}
    for pk, district, name in districts.values_list(
        "organisation_id", "district_id", "district__name"
    ):
        data.documents[pk].c.append(name)
        data.district_keys[pk].add(Facet.DISTRICT.key(district))
        data.keys[pk].add(Facet.DISTRICT.key(district))


def _add_offers(data: SearchData, offers: dict[int, Mapping[str, Any]]) -> None:
    """The offers' own documents and keys, and what each adds to its organisation's: its
    texts, and (while it runs) its kind and whether it is free."""
    today = timezone.localdate()
    kind_names = _names_of(OfferKind, {offer["kind_id"] for offer in offers.values()})
    for pk, offer in offers.items():
        owner = offer["organisation_id"]
        organisation = data.organisations[owner]
        document = data.offer_documents[pk] = Document()
        keys = data.offer_keys[pk] = set(data.district_keys[owner])
        keys.add(Facet.OFFER_KIND.key(offer["kind_id"]))
        if offer["cost"] == Offer.Cost.FREE:
            keys.add(Facet.FREE_OFFER.key())
        if organisation["migrant_led"]:
            keys.add(Facet.MIGRANT_LED.key())
        document.add_entry("a", offer, "title")
        document.b += kind_names.get(offer["kind_id"], [])
        document.add_entry("c", offer, "description")
        document.c += _names(organisation["name"], organisation["short_name"])
        owner_document = data.documents[owner]
        owner_document.add_entry("b", offer, "title")
        owner_document.b += kind_names.get(offer["kind_id"], [])
        owner_document.add_entry("c", offer, "description")
        if offer["ends_on"] is None or offer["ends_on"] >= today:
            data.keys[owner].add(Facet.OFFER_KIND.key(offer["kind_id"]))
            if offer["cost"] == Offer.Cost.FREE:
                data.keys[owner].add(Facet.FREE_OFFER.key())


def _add_offer_vocabularies(data: SearchData) -> None:
    offer_ids = list(data.offer_documents)
    for relation, name, facet in (
        (Offer.topics, "topic", Facet.TOPIC),
        (Offer.target_groups, "targetgroup", Facet.TARGET_GROUP),
    ):
        names = relation.through.objects.filter(offer_id__in=offer_ids).values_list(
            "offer_id", f"{name}_id", f"{name}__translations__name"
        )
        for pk, entry, translated in names:
            data.offer_documents[pk].b += _names(translated)
            data.offer_keys[pk].add(facet.key(entry))
    languages = Offer.languages.through.objects.filter(offer_id__in=offer_ids).values_list(
        "offer_id", "language_id", "language__code"
    )
    for pk, language, code in languages:
        data.offer_documents[pk].b += all_language_names(code)
        data.offer_keys[pk].add(Facet.LANGUAGE.key(language))
