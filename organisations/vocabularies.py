"""The standard vocabularies of the directory (loaded by ``manage.py load_vocabularies``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from organisations.models import (
    District,
    Language,
    OfferKind,
    OrganisationKind,
    TargetGroup,
    Topic,
)
from organisations.search import directory_changed

# (slug, German, English)
TOPICS = [
    ("education", "Bildung", "Education"),
    ("culture", "Kultur", "Culture"),
    ("health", "Gesundheit", "Health"),
    ("work", "Arbeit und Beruf", "Work and careers"),
    ("anti-discrimination", "Antidiskriminierung", "Anti-discrimination"),
    ("multilingualism", "Mehrsprachigkeit", "Multilingualism"),
    ("women", "Frauen", "Women"),
    ("youth", "Jugend", "Youth"),
    ("sport", "Sport", "Sport"),
    ("religion", "Religion", "Religion"),
    ("housing", "Wohnen", "Housing"),
    ("legal-advice", "Rechtsberatung", "Legal advice"),
    ("participation", "Politische Teilhabe", "Political participation"),
    ("peer-support", "Peer-Unterstützung", "Peer support"),
    ("family", "Familie", "Family"),
    ("language-learning", "Deutsch lernen", "Learning German"),
    ("asylum", "Asyl und Aufenthalt", "Asylum and residence"),
    ("environment", "Umwelt", "Environment"),
]

TARGET_GROUPS = [
    ("women", "Frauen", "Women"),
    ("refugees", "Geflüchtete", "Refugees"),
    ("children", "Kinder", "Children"),
    ("youth", "Jugendliche", "Young people"),
    ("families", "Familien", "Families"),
    ("older-people", "Ältere Menschen", "Older people"),
    ("lgbtqi", "LSBTIQ*", "LGBTQI+"),
    ("disabilities", "Menschen mit Behinderung", "People with disabilities"),
    ("newcomers", "Neuzugewanderte", "Newcomers"),
    ("students", "Studierende", "Students"),
    ("job-seekers", "Arbeitsuchende", "Job seekers"),
    ("organisations", "Organisationen", "Organisations"),
]

ORGANISATION_KINDS = [
    ("association", "Eingetragener Verein", "Registered association"),
    ("initiative", "Initiative", "Initiative"),
    ("network", "Informelles Netzwerk", "Informal network"),
    ("non-profit-company", "Gemeinnützige GmbH", "Non-profit company"),
    ("public-office", "Öffentliche Stelle", "Public office"),
    ("welfare", "Wohlfahrtsverband", "Welfare organisation"),
    ("other", "Sonstige", "Other"),
]

OFFER_KINDS = [
    ("counselling", "Beratung", "Counselling"),
    ("course", "Kurs", "Course"),
    ("peer-group", "Selbsthilfegruppe", "Peer-support group"),
    ("meeting-place", "Treffpunkt", "Meeting place"),
    ("mentoring", "Mentoring", "Mentoring"),
    ("culture", "Kulturangebot", "Cultural programme"),
    ("translation", "Sprachmittlung", "Translation help"),
    ("homework", "Hausaufgabenhilfe", "Homework help"),
    ("sport", "Sportangebot", "Sports"),
    ("information", "Informationsveranstaltung", "Information session"),
]

# (ISO 639 code, German, English, native)
LANGUAGES = [
    ("de", "Deutsch", "German", "Deutsch"),
    ("en", "Englisch", "English", "English"),
    ("ar", "Arabisch", "Arabic", "العربية"),
    ("tr", "Türkisch", "Turkish", "Türkçe"),
    ("uk", "Ukrainisch", "Ukrainian", "Українська"),
    ("ru", "Russisch", "Russian", "Русский"),
    ("fa", "Farsi", "Persian (Farsi)", "فارسی"),
    ("prs", "Dari", "Dari", "دری"),
    ("ps", "Paschtu", "Pashto", "پښتو"),
    ("ti", "Tigrinya", "Tigrinya", "ትግርኛ"),
    ("kmr", "Kurmandschi", "Kurmanji", "Kurmancî"),
    ("ckb", "Sorani", "Sorani", "کوردیی ناوەندی"),
    ("pl", "Polnisch", "Polish", "Polski"),
    ("ro", "Rumänisch", "Romanian", "Română"),
    ("bg", "Bulgarisch", "Bulgarian", "Български"),
    ("vi", "Vietnamesisch", "Vietnamese", "Tiếng Việt"),
    ("fr", "Französisch", "French", "Français"),
    ("es", "Spanisch", "Spanish", "Español"),
    ("pt", "Portugiesisch", "Portuguese", "Português"),
    ("it", "Italienisch", "Italian", "Italiano"),
    ("el", "Griechisch", "Greek", "Ελληνικά"),
    ("sr", "Serbisch", "Serbian", "Српски"),
    ("hr", "Kroatisch", "Croatian", "Hrvatski"),
    ("bs", "Bosnisch", "Bosnian", "Bosanski"),
    ("sq", "Albanisch", "Albanian", "Shqip"),
    ("mk", "Mazedonisch", "Macedonian", "Македонски"),
    ("rom", "Romanes", "Romani", "Romani čhib"),
    ("so", "Somali", "Somali", "Soomaali"),
    ("am", "Amharisch", "Amharic", "አማርኛ"),
    ("sw", "Swahili", "Swahili", "Kiswahili"),
    ("ha", "Hausa", "Hausa", "Hausa"),
    ("yo", "Yoruba", "Yoruba", "Yorùbá"),
    ("ur", "Urdu", "Urdu", "اردو"),
    ("hi", "Hindi", "Hindi", "हिन्दी"),
    ("bn", "Bengalisch", "Bengali", "বাংলা"),
    ("ta", "Tamil", "Tamil", "தமிழ்"),
    ("zh", "Chinesisch", "Chinese", "中文"),
    ("ko", "Koreanisch", "Korean", "한국어"),
    ("ja", "Japanisch", "Japanese", "日本語"),
    ("th", "Thailändisch", "Thai", "ไทย"),
    ("tl", "Tagalog", "Tagalog", "Tagalog"),
    ("he", "Hebräisch", "Hebrew", "עברית"),
    ("hy", "Armenisch", "Armenian", "Հայերեն"),
    ("ka", "Georgisch", "Georgian", "ქართული"),
    ("az", "Aserbaidschanisch", "Azerbaijani", "Azərbaycan dili"),
    ("ku", "Kurdisch", "Kurdish", "Kurdî"),
    ("sgn-de", "Deutsche Gebärdensprache", "German Sign Language", "DGS"),
    ("lt", "Litauisch", "Lithuanian", "Lietuvių"),
    ("lv", "Lettisch", "Latvian", "Latviešu"),
    ("cs", "Tschechisch", "Czech", "Čeština"),
]


@transaction.atomic
def load_vocabularies() -> dict[str, int]:
    """Create or update the standard entries; entries added in the admin are left alone."""
    created: dict[str, int] = {}
    for model, rows in (
        (Topic, TOPICS),
        (TargetGroup, TARGET_GROUPS),
        (OrganisationKind, ORGANISATION_KINDS),
        (OfferKind, OFFER_KINDS),
    ):
        count = 0
        for position, (slug, name_de, name_en) in enumerate(rows):
            _, was_created = model.objects.get_or_create(
                slug=slug, defaults={"name_de": name_de, "name_en": name_en, "position": position}
            )
            count += was_created
        created[str(model._meta.model_name)] = count
    count = 0
    for code, name_de, name_en, native in LANGUAGES:
        _, was_created = Language.objects.get_or_create(
            code=code, defaults={"name_de": name_de, "name_en": name_en, "name_native": native}
        )
        count += was_created
    created["language"] = count
    directory_changed()  # new entries for the directory's filters
    return created


VOCABULARY_CACHE_SECONDS = 3600


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
        """Six queries."""
        return cls(
            districts={d.pk: d for d in District.objects.select_related("city")},
            topics={entry.pk: entry for entry in Topic.objects.all()},
            target_groups={entry.pk: entry for entry in TargetGroup.objects.all()},
            languages={entry.pk: entry for entry in Language.objects.all()},
            organisation_kinds={entry.pk: entry for entry in OrganisationKind.objects.all()},
            offer_kinds={entry.pk: entry for entry in OfferKind.objects.all()},
        )


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
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = DirectoryVocabulary.load()
        cache.set(key, vocabulary, VOCABULARY_CACHE_SECONDS)
    _latest = (version, vocabulary)
    return vocabulary
