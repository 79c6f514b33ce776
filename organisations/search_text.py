"""The text side of the directory's search, shared by writing the search data
(``organisations.search``) and querying it (``organisations.search_query``): normalised text,
the words of a search, and PostgreSQL's text search configuration of each language."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from django.conf import settings

from migra_hub.raw_sql import sql_rows
from organisations.compounds import compound_parts
from organisations.language_names import language_endonym, language_name

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
TYPO_MIN_LENGTH = 5
MAX_TERMS = 8
MAX_TERM_LENGTH = 60

WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Lower case without accents ("Türkçe" -> "turkce", "Straße" -> "strasse")."""
    text = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Ukrainian letters spelt the Ukrainian way before the general transliteration (which spells
# Cyrillic the Russian way): "Громада" is "Hromada" in Ukrainian and "Gromada" in Russian.
_UKRAINIAN_LATIN = str.maketrans(
    {"г": "h", "Г": "H", "ґ": "g", "Ґ": "G", "и": "y", "И": "Y", "і": "i", "І": "I", "ї": "i",
     "Ї": "I", "є": "ie", "Є": "Ie"}
)  # fmt: skip


def _is_latin(text: str) -> bool:
    return all(
        not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in text
    )


def transliterations(text: str) -> list[str]:
    """Latin spellings of a text in another script ("Громада" -> "Gromada", "Hromada"), so that
    a name is found as people write it in Latin letters; [] for a text in Latin letters."""
    if _is_latin(text):
        return []
    spellings = {anyascii(text), anyascii(text.translate(_UKRAINIAN_LATIN))}
    return sorted(spelling for spelling in spellings if spelling.strip())


def with_search_words(text: str, *, name: bool = False) -> str:
    """A text with what it is found by besides its own words: the parts of its German
    compounds ("Tanzkurs": "tanz kurs") and, for a name, its Latin spellings."""
    extra = [part for word in WORD.findall(text) for part in compound_parts(word)]
    if name:
        extra += transliterations(text)
    return " ".join([text, *extra]) if extra else text


def search_terms(q: str) -> list[str]:
    """The words of a search box input (two letters or more), without operators and duplicates,
    at most eight."""
    terms: list[str] = []
    for word in WORD.findall(q.replace("_", " ")):
        if len(word) < 2:
            continue  # "e.V.": single letters would match nearly everything
        word = word[:MAX_TERM_LENGTH]
        if word.casefold() not in (term.casefold() for term in terms):
            terms.append(word)
    return terms[:MAX_TERMS]


@lru_cache(maxsize=4000)
def all_language_names(code: str) -> list[str]:
    """A language's names in every interface language and in itself: found by any of them."""
    names = [language_name(code, language) for language, _name in settings.LANGUAGES]
    return [name for name in dict.fromkeys([*names, language_endonym(code)]) if name]


_available_configs: set[str] | None = None


def language_ts_configs() -> dict[str, str]:
    """The text search configuration of each interface language other than German that this
    PostgreSQL server has ("simple" for the others)."""
    global _available_configs
    if _available_configs is None:
        _available_configs = {name for (name,) in sql_rows("SELECT cfgname FROM pg_ts_config")}
    return {
        language: config if config in _available_configs else "simple"
        for language, config in LANGUAGE_TS_CONFIGS.items()
        if language != GERMAN
    }
