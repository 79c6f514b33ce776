"""German compound words split into their parts ("Tanzkurs" -> "tanz", "kurs"), when the
search data is written and when a search is parsed, so that a compound finds its parts and
its parts find the compound.

The splitter is the frequency-based method of Koehn and Knight (2003, "Empirical methods for
compound splitting"): a word is split where every part is a known German word (allowing the
linking letters of German compounds, "Beratungs|stelle", and inflected endings,
"Frauen|frühstücke") and the parts are, on average, more frequent than the whole word. The
known words and their frequencies are the German list of ``wordfreq`` (about 39,000 words of
Zipf frequency 3 or more; read once per process in under a second, a few megabytes).
"""

from __future__ import annotations

from functools import lru_cache

MIN_PART = 4
# Word endings that are words on their own too ("Schaft", "Heit"): never a part.
SUFFIXES = frozenset(
    {"schaft", "isch", "ische", "lich", "heit", "keit", "chen", "lein", "tum", "nisse"}
)
# The linking elements ("Fugen") a first part may end with.
LINKING = ("", "s", "es", "n", "en", "e", "er", "ens")
# Inflected endings a last part may have ("Frühstücke", "Kursen").
ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern")
# Parts below this frequency are too rare to be trusted ("kisch" in "Türkisch").
MIN_ZIPF = 3.0
MAX_PARTS = 4


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """Lower-case German words and their Zipf frequency (log10 of occurrences per billion)."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    return {
        word: freq_to_zipf(frequency)
        for word, frequency in get_frequency_dict("de", "small").items()
        if word.isalpha()
    }


def _known(part: str, endings: tuple[str, ...]) -> tuple[str, float] | None:
    """The dictionary form of ``part`` and its frequency, when it is a known word with one of
    these endings."""
    frequencies = _frequencies()
    best: tuple[str, float] | None = None
    for ending in endings:
        if ending and not part.endswith(ending):
            continue
        stem = part[: len(part) - len(ending)]
        zipf = frequencies.get(stem, 0.0)
        if stem in SUFFIXES:
            continue
        if len(stem) >= MIN_PART and zipf >= MIN_ZIPF and (best is None or zipf > best[1]):
            best = (stem, zipf)
    return best


@lru_cache(maxsize=50_000)
def _split(word: str, depth: int) -> tuple[tuple[str, ...], float] | None:
    """The best split of a lower-case word into known parts and their mean frequency; the
    word itself when it is known and no split is more frequent."""
    whole = _known(word, ENDINGS)
    best: tuple[tuple[str, ...], float] | None = ((whole[0],), whole[1]) if whole else None
    if depth >= MAX_PARTS:
        return best
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = _known(word[:cut], LINKING)
        if head is None:
            continue
        tail = _split(word[cut:], depth + 1)
        if tail is None:
            continue
        parts = (head[0], *tail[0])
        score = (head[1] + tail[1] * len(tail[0])) / len(parts)
        if best is None or score > best[1]:
            best = (parts, score)
    return best


def compound_parts(word: str) -> list[str]:
    """The parts of a German compound in lower case ([] when it is none): "Tanzkurs" ->
    ["tanz", "kurs"], "Asylverfahrensberatung" -> ["asyl", "verfahren", "beratung"]."""
    lower = word.lower()
    if len(lower) < 2 * MIN_PART or not lower.isalpha():
        return []
    split = _split(lower, 1)
    if split is None or len(split[0]) < 2:
        return []
    return list(split[0])
