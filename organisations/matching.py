"""Finding existing entries with a name like the one someone is about to register.

A plain normalised comparison in Python, over the few names of a district: umlauts and their
transliterations ("Brücke", "Bruecke", "Brucke"), case, punctuation, legal forms ("e.V.") and
small typos do not matter, and short names ("BdK") match too.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from organisations.models import Organisation

TRANSLITERATIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
FILLER_WORDS = {
    "e",
    "v",
    "ev",
    "ggmbh",
    "gmbh",
    "ug",
    "der",
    "die",
    "das",
    "und",
    "fuer",
    "the",
    "of",
    "and",
    "for",
    "verein",
    "initiative",
    "berlin",
}
MAX_RESULTS = 5


def normalise(name: str) -> str:
    text = name.lower().translate(TRANSLITERATIONS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    words = [word for word in re.split(r"[^a-z0-9]+", text) if word and word not in FILLER_WORDS]
    return " ".join(words)


def _without_e_after_vowel(text: str) -> str:
    # "bruecke" and "brucke" should be as close as "brücke" and "brucke" look.
    return re.sub(r"([aou])e", r"\1", text)


LEGAL_FORMS = {"e", "v", "ev", "ggmbh", "gmbh", "ug"}


def _acronym(name: str) -> str:
    words = re.split(r"[^a-z0-9]+", name.lower().translate(TRANSLITERATIONS))
    return "".join(word[0] for word in words if word and word not in LEGAL_FORMS)


def name_key(name: str) -> str:
    """The name reduced so that spellings of the same name (umlauts, legal forms) are equal."""
    return _without_e_after_vowel(normalise(name))


def similarity(query: str, name: str, short_name: str = "") -> float:
    """0..1: how likely ``query`` means the organisation called ``name`` (``short_name``)."""
    wanted, known = normalise(query), normalise(name)
    if not wanted or not known:
        return 0.0
    if wanted == known or (short_name and wanted == normalise(short_name)):
        return 1.0
    loose_wanted, loose_known = _without_e_after_vowel(wanted), _without_e_after_vowel(known)
    if loose_wanted == loose_known:
        return 0.95
    shorter, longer = sorted((loose_wanted, loose_known), key=len)
    if len(shorter) >= 4 and shorter in longer:
        return 0.85
    if len(wanted) <= 6 and " " not in wanted and wanted == _acronym(name):
        return 0.8
    return SequenceMatcher(None, loose_wanted, loose_known).ratio()


def similar_organisations(name: str, *, threshold: float = 0.75) -> list[Organisation]:
    """Published entries whose names resemble ``name``, the most similar first."""
    if not normalise(name):
        return []
    scored = []
    for pk, known, short in Organisation.objects.published().values_list(
        "pk", "name", "short_name"
    ):
        score = similarity(name, known, short)
        if score >= threshold:
            scored.append((score, pk))
    scored.sort(key=lambda item: (-item[0], item[1]))
    ids = [pk for _score, pk in scored[:MAX_RESULTS]]
    by_id = Organisation.objects.select_related("kind").prefetch_related("districts").in_bulk(ids)
    return [by_id[pk] for pk in ids]
