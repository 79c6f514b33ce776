"""Names of languages, from CLDR (through Babel), in any interface language.

The Language vocabulary stores only ISO 639 codes; every name shown for a language comes from
here: ``language_name("ti", "de") == "Tigrinya"``, ``language_name("ti", "ar") == "التغرينية"``,
``language_endonym("ti") == "ትግርኛ"``. A new interface language gets the names of all languages
from CLDR without any work of ours.

CLDR names almost every language an organisation may speak. For the few codes it has no name of
its own for, :data:`SUPPLEMENT` names them in our interface languages (other languages fall back
to German, then English, like the other vocabularies).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol, TypeVar

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from django.conf import settings
from django.utils.translation import get_language

# Codes CLDR has no name of its own for: the name in each interface language and in itself.
SUPPLEMENT: dict[str, dict[str, str]] = {
    # Northern Kurdish. CLDR files it under "ku" ("Kurdish"); organisations name it as such.
    "kmr": {
        "de": "Kurmandschi",
        "en": "Kurmanji",
        "ar": "الكرمانجية",
        "fa": "کرمانجی",
        "tr": "Kurmanci",
        "uk": "Курманджі",
        "ru": "Курманджи",
        "native": "Kurmancî",
    },
    # German Sign Language (ISO 639-3 gsg; BCP 47 also sgn-DE).
    "gsg": {
        "de": "Deutsche Gebärdensprache",
        "en": "German Sign Language",
        "ar": "لغة الإشارة الألمانية",
        "fa": "زبان اشاره آلمانی",
        "tr": "Alman İşaret Dili",
        "uk": "Німецька жестова мова",
        "ru": "Немецкий жестовый язык",
        "native": "",
    },
}
SUPPLEMENT["sgn-de"] = SUPPLEMENT["gsg"]

# Codes an organisation may speak that CLDR names but lists for no territory.
EXTRA_CODES = ["prs", "rom", "tw", "kmr", "sgn-de"]
# CLDR's codes for "no language", "several" and the like.
NOT_LANGUAGES = {"und", "mul", "zxx", "mis"}
FALLBACK_LANGUAGES = ("de", "en")


def _cldr_keys(code: str) -> list[str]:
    """Our code as CLDR locale identifiers to try: "ti" -> ["ti"], "prs" -> ["prs", "fa_AF"]
    (CLDR names Dari as Persian of Afghanistan), "sr-latn" -> ["sr_Latn"]."""
    parts = code.strip().replace("-", "_").split("_")
    key = "_".join(
        [
            parts[0].lower(),
            *(part.title() if len(part) == 4 else part.upper() for part in parts[1:]),
        ]
    )
    alias = get_global("language_aliases").get(key)
    return [key, alias] if alias else [key]


@lru_cache(maxsize=16)
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _capitalised(name: str) -> str:
    # CLDR's context transform for lists and menus: the first letter upper case
    # (Russian and Ukrainian names are lower case in running text).
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=20000)
def _name_in(code: str, language: str) -> str:
    supplement = SUPPLEMENT.get(code.lower())
    if supplement is not None:
        return supplement.get(language, "")
    locale = _locale(language)
    if locale is None:
        return ""
    keys = _cldr_keys(code)
    name = next((locale.languages[key] for key in keys if key in locale.languages), None)
    if name is None and "_" in keys[-1]:
        # "sr_Latn", "pt_BR": "Serbisch (Lateinisch)", as CLDR composes it.
        try:
            name = Locale.parse(keys[-1]).get_display_name(locale)
        except (UnknownLocaleError, ValueError):
            name = None
    return _capitalised(name) if name else ""


def language_name(code: str, language: str | None = None) -> str:
    """The name of the language ``code`` in ``language`` (default: the current interface
    language), falling back to German, then English, then the code itself."""
    wanted = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for candidate in (wanted, *FALLBACK_LANGUAGES):
        name = _name_in(code, candidate)
        if name:
            return name
    return code


@lru_cache(maxsize=2000)
def language_endonym(code: str) -> str:
    """The language's name in itself ("ትግርኛ", "Türkçe"), or "" if CLDR does not know it."""
    supplement = SUPPLEMENT.get(code.lower())
    if supplement is not None:
        return supplement["native"]
    for key in _cldr_keys(code):
        locale = _locale(key)
        if locale is not None:
            name = locale.languages.get(key) or locale.languages.get(key.split("_")[0])
            return _capitalised(name) if name else ""
    return ""


def known_language_codes() -> list[str]:
    """The ISO 639 codes of every living language CLDR names (spoken in some territory), with
    the few it names elsewhere: what the Language vocabulary offers."""
    named = {str(code) for code in Locale.parse("en").languages if "_" not in str(code)}
    spoken: set[str] = set()
    for languages in get_global("territory_languages").values():
        spoken.update(languages)
    codes = (named & spoken) - NOT_LANGUAGES
    return sorted(codes | set(EXTRA_CODES))


def sort_key(label: str) -> str:
    """A collation key independent of the server's locale: case and accents ignored
    ("Ä" sorts with "A", "Ç" with "C"), whatever the script."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class _Coded(Protocol):
    code: str


CodedT = TypeVar("CodedT", bound=_Coded)


def sorted_by_name(languages: Iterable[CodedT], language: str | None = None) -> list[CodedT]:
    """Language objects (anything with a ``code``) by their name in ``language``."""
    return sorted(languages, key=lambda item: sort_key(language_name(item.code, language)))
