"""Entries written by organisations in several languages.

An organisation's description, an offer's title and description, an event's title and
description and a network's goal and description are written by people, not by us: each entry
has one original (in the model's own fields, in ``original_language``) and, optionally, versions
in other interface languages in ``translations`` ({"uk": {"description": "..."}}). A missing
version is normal; the page then shows the original with ``lang`` set and a note.

This is deliberately not django-parler (which the vocabularies use): parler models a
translation table where every language is equal and a fallback language is a site setting;
here every entry has its own original language, versions may cover some fields only, and the
originals stay in the columns that search, exports, the admin and the history already read.

No language list is stored in the schema (no ``choices`` on the field), so an eighth interface
language needs no migration.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _


def interface_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """The language's name in the active language ("Deutsch" on /de/, "German" on /en/)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_name_local(code: str) -> str:
    """The language's name in itself ("Українська")."""
    try:
        return str(get_language_info(code)["name_local"])
    except KeyError:
        return code


def _active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


# One whole sentence per original language: a language name does not fit every sentence of
# every language in the same grammatical case ("Nur auf Deutsch", "Только на немецком").
_ONLY_IN = {
    "de": _("Available in German only"),
    "en": _("Available in English only"),
    "ar": _("Available in Arabic only"),
    "fa": _("Available in Persian only"),
    "tr": _("Available in Turkish only"),
    "uk": _("Available in Ukrainian only"),
    "ru": _("Available in Russian only"),
}


def only_in_note(language: str) -> str:
    """The note under a text shown in its original language only."""
    if language in _ONLY_IN:
        return str(_ONLY_IN[language])
    return gettext("Not available in your language. Original language: %(language)s") % {
        "language": language_name(language)
    }


@dataclass(frozen=True)
class EntryText:
    """One field of an entry as a page shows it."""

    text: str
    language: str
    # Shown in its original language because there is no version in the visitor's language.
    fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def note(self) -> str:
        return only_in_note(self.language) if self.fallback else ""


class MultilingualEntry(models.Model):
    """Abstract: adds the original language and the language versions to an entry."""

    # The fields that may be given in several languages; set by each model.
    multilingual_fields: ClassVar[tuple[str, ...]] = ()

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the texts above are written in."),
    )
    translations = models.JSONField(
        _("language versions"),
        default=dict,
        blank=True,
        help_text=_("The texts in other languages than the original."),
    )

    class Meta:
        abstract = True

    def version(self, language: str, field: str) -> str:
        """The text of one field in one language ("" when there is no such version)."""
        if language == self.original_language:
            return str(getattr(self, field) or "")
        if language not in interface_languages():
            return ""
        versions = self.translations or {}
        value = versions.get(language, {}).get(field, "") if isinstance(versions, dict) else ""
        return value.strip() if isinstance(value, str) else ""

    def in_language(self, field: str, language: str | None = None) -> EntryText:
        """The field in the visitor's (active) language if there is a version in it,
        otherwise the original."""
        language = language or _active_language()
        if field not in self.multilingual_fields:
            raise ValueError(f"{field!r} is not a multilingual field of {type(self).__name__}")
        if text := self.version(language, field):
            return EntryText(text, language, fallback=False)
        original = str(getattr(self, field) or "")
        return EntryText(
            original, self.original_language, fallback=language != self.original_language
        )

    def languages_of(self, field: str) -> list[str]:
        """The languages this field is given in, the original first."""
        found = [self.original_language] if getattr(self, field) else []
        return found + [
            language
            for language in interface_languages()
            if language != self.original_language and self.version(language, field)
        ]

    def all_versions(self, field: str) -> Iterator[tuple[str, str]]:
        """(language, text) of every version of the field, the original first."""
        for language in self.languages_of(field):
            yield language, self.version(language, field)

    def version_texts(self) -> list[tuple[str, str]]:
        """(language, text) of every non-original version of every field: what search
        indexes beside the original."""
        return [
            (language, text)
            for field in self.multilingual_fields
            for language, text in self.all_versions(field)
            if language != self.original_language
        ]


def clean_translations(value: Any, *, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Only known languages, only the entry's fields, only non-empty texts."""
    if not isinstance(value, dict):
        return {}
    known = set(interface_languages())
    result: dict[str, dict[str, str]] = {}
    for language, texts in value.items():
        if language not in known or not isinstance(texts, dict):
            continue
        kept = {
            field: text.strip()
            for field, text in texts.items()
            if field in fields and isinstance(text, str) and text.strip()
        }
        if kept:
            result[language] = kept
    return result
