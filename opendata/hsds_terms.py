"""Reading HSDS taxonomy terms and languages back into our vocabularies: terms of our own
taxonomies (``opendata.hsds``) by id, code or name; others are reported and left out."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Model

from opendata import hsds
from opendata.importing import Record, Vocabularies

JSONObject = dict[str, Any]


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def text(value: object) -> str:
    return "" if value is None else str(value).strip()


def unique(values: list[Any]) -> list[Any]:
    result = []
    for value in values:
        if value not in result:
            result.append(value)
    return result


class TermReader:
    """Finds the vocabulary entries that attributes and languages name."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.vocabularies = vocabularies

    def terms(self, attributes: object, record: Record) -> dict[str, list[Model]]:
        found: dict[str, list[Model]] = {}
        for index, item in enumerate(as_list(attributes)):
            term = item.get("taxonomy_term") if isinstance(item, dict) else None
            if not isinstance(term, dict):
                continue
            taxonomy = self.taxonomy_of(term)
            if taxonomy is None:
                record.warnings.append(
                    f"attributes[{index}]: taxonomy {term.get('taxonomy')!r} is not ours, left out"
                )
                continue
            if taxonomy is hsds.CHARACTERISTICS:
                if term.get("code") == hsds.MIGRANT_LED_CODE:
                    found.setdefault(taxonomy.key, []).append(True)  # type: ignore[arg-type]
                continue
            obj = self.vocabulary_entry(taxonomy, term)
            if obj is None:
                record.warnings.append(
                    f"attributes[{index}]: unknown term {term.get('name')!r}, left out"
                )
            else:
                found.setdefault(taxonomy.key, []).append(obj)
        return {key: unique(values) for key, values in found.items()}

    def taxonomy_of(self, term: JSONObject) -> hsds.Taxonomy | None:
        detail = term.get("taxonomy_detail")
        candidates = [
            term.get("taxonomy_id"),
            detail.get("id") if isinstance(detail, dict) else None,
        ]
        for candidate in candidates:
            if candidate and str(candidate).lower() in hsds.TAXONOMY_BY_ID:
                return hsds.TAXONOMY_BY_ID[str(candidate).lower()]
        return None

    def vocabulary_entry(self, taxonomy: hsds.Taxonomy, term: JSONObject) -> Model | None:
        vocabulary = {
            hsds.TOPICS.key: self.vocabularies.topics,
            hsds.TARGET_GROUPS.key: self.vocabularies.target_groups,
            hsds.ORGANISATION_KINDS.key: self.vocabularies.organisation_kinds,
            hsds.OFFER_KINDS.key: self.vocabularies.offer_kinds,
            hsds.LANGUAGES.key: self.vocabularies.languages,
        }[taxonomy.key]
        try:
            by_id = vocabulary.by_uuid.get(uuid.UUID(str(term.get("id"))))
        except ValueError:
            by_id = None
        return (
            by_id
            or vocabulary.find(text(term.get("code")))
            or vocabulary.find(text(term.get("name")))
        )

    def languages(self, items: object, record: Record) -> list[Model]:
        found = []
        for item in as_list(items):
            if not isinstance(item, dict):
                continue
            lang = self.vocabularies.languages.find(text(item.get("code"))) or (
                self.vocabularies.languages.find(text(item.get("name")))
            )
            if lang is None:
                record.warnings.append(
                    f"languages: unknown language {item.get('code')!r}, left out"
                )
            else:
                found.append(lang)
        return unique(found)
