"""The standard vocabularies of the directory (loaded by ``manage.py load_vocabularies``)."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce
from typing import TypeVar

from django.db import transaction
from django.db.models import Exists, OuterRef

from organisations.directory_version import directory_cache
from organisations.language_names import known_language_codes
from organisations.models import (
    District,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    TargetGroup,
    Topic,
    TranslatedName,
)
from organisations.search import directory_changed
from organisations.vocabulary_data import (
    COMMON_LANGUAGES,
    NAME_LANGUAGES,
    OFFER_KINDS,
    ORGANISATION_KINDS,
    TARGET_GROUPS,
    TOPICS,
    Names,
)


def _fill_names(model: type[TranslatedName], rows: list[tuple[str, Names]]) -> int:
    """Create missing entries and add missing names; names set in the admin are kept."""
    translation = model._parler_meta.root_model
    entries = {entry.slug: entry for entry in model.objects.all()}
    existing = set(
        translation.objects.filter(master__in=entries.values()).values_list(
            "master_id", "language_code"
        )
    )
    created = 0
    missing = []
    for position, (slug, names) in enumerate(rows):
        entry = entries.get(slug)
        if entry is None:
            entry = model.objects.create(slug=slug, position=position)
            created += 1
        missing += [
            translation(master=entry, language_code=language, name=name)
            for language, name in zip(NAME_LANGUAGES, names, strict=True)
            if (entry.pk, language) not in existing
        ]
    translation.objects.bulk_create(missing)
    return created


def load_languages() -> int:
    """Every language CLDR names, by code; existing ones are left alone."""
    existing = set(Language.objects.values_list("code", flat=True))
    codes = [*COMMON_LANGUAGES, *known_language_codes()]
    new = [Language(code=code) for code in dict.fromkeys(codes) if code not in existing]
    Language.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def load_vocabularies() -> dict[str, int]:
    """Create the standard entries, add their missing names, create the missing languages;
    entries added in the admin are left alone."""
    created: dict[str, int] = {}
    for model, rows in (
        (Topic, TOPICS),
        (TargetGroup, TARGET_GROUPS),
        (OrganisationKind, ORGANISATION_KINDS),
        (OfferKind, OFFER_KINDS),
    ):
        created[str(model._meta.model_name)] = _fill_names(model, rows)
    created["language"] = load_languages()
    directory_changed()  # new entries or names for the directory's filters
    return created


VOCABULARY_CACHE_SECONDS = 3600
VocabularyT = TypeVar("VocabularyT", bound=TranslatedName)


@dataclass(frozen=True)
class DirectoryVocabulary:
    """Every district and vocabulary entry by id, in their usual order: the values the
    directory's filters offer and the names its entries show."""

    districts: dict[int, District]
    topics: dict[int, Topic]
    target_groups: dict[int, TargetGroup]
    languages: dict[int, Language]
    organisation_kinds: dict[int, OrganisationKind]
    offer_kinds: dict[int, OfferKind]

    @classmethod
    def load(cls) -> DirectoryVocabulary:
        """Ten queries. Of the languages only those some organisation or offer speaks: the
        vocabulary holds every language CLDR knows, and a filter offers only what finds
        something."""
        speaking = (
            Exists(relation.through.objects.filter(language_id=OuterRef("pk")))
            for relation in (
                Organisation.languages,
                Organisation.counselling_languages,
                Offer.languages,
            )
        )
        languages = Language.objects.filter(reduce(operator.or_, speaking))
        return cls(
            districts={d.pk: d for d in District.objects.select_related("city")},
            topics=_by_pk(Topic),
            target_groups=_by_pk(TargetGroup),
            languages={language.pk: language for language in languages},
            organisation_kinds=_by_pk(OrganisationKind),
            offer_kinds=_by_pk(OfferKind),
        )


def _by_pk(model: type[VocabularyT]) -> dict[int, VocabularyT]:
    """The entries with their names in every language (two queries)."""
    return {entry.pk: entry for entry in model.objects.prefetch_related("translations")}


# The last vocabulary this process read, with its version: most requests need no cache read.
_latest: tuple[str, DirectoryVocabulary] | None = None


def directory_vocabulary(version: str) -> DirectoryVocabulary:
    """The vocabulary of this version of the directory (see
    ``organisations.search.directory_changed``: every change of an entry makes a new one),
    shared by the processes through the cache."""
    global _latest
    if _latest is not None and _latest[0] == version:
        return _latest[1]
    key = f"directory:vocabulary:{version}"
    vocabulary = directory_cache.get(key)
    if vocabulary is None:
        vocabulary = DirectoryVocabulary.load()
        directory_cache.set(key, vocabulary, VOCABULARY_CACHE_SECONDS)
    _latest = (version, vocabulary)
    return vocabulary
