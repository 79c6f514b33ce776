"""Vocabulary names in every interface language (django-parler) and language names from CLDR."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from organisations.fields import LanguageMultipleChoiceField
from organisations.language_names import (
    known_language_codes,
    language_endonym,
    language_name,
    sort_key,
)
from organisations.models import Language, OfferKind, OrganisationKind, TargetGroup, Topic
from organisations.vocabularies import DirectoryVocabulary, load_vocabularies
from tests.factories import LanguageFactory, TopicFactory

INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_language_names_come_from_cldr_in_every_interface_language() -> None:
    assert language_name("ti", "de") == "Tigrinya"
    assert language_name("ti", "ar") == "التغرينية"
    assert language_name("uk", "ru") == "Украинский"  # capitalised as in a list
    assert language_endonym("ti") == "ትግርኛ"
    assert language_name("prs", "de") == "Dari"  # CLDR: Persian of Afghanistan
    assert language_endonym("prs") == "دری"
    assert language_name("tw", "en") == "Twi"
    for code in ("kmr", "sgn-de", "ckb", "ps", "wo", "rom", "ak"):
        assert all(language_name(code, lang) != code for lang in INTERFACE_LANGUAGES), code


def test_a_language_name_falls_back_to_german_then_to_the_code() -> None:
    # A language without CLDR data of its own (Twi) is still named in German.
    assert language_name("kmr", "tw") == "Kurmandschi"
    assert language_name("xx", "de") == "xx"


def test_with_no_language_given_the_active_language_names_it() -> None:
    with translation.override("tr"):
        assert language_name("de") == "Almanca"
        assert Language(code="ar").name == "Arapça"


def test_the_vocabulary_offers_every_living_language_cldr_knows() -> None:
    codes = set(known_language_codes())
    assert {"ti", "wo", "tw", "ak", "kmr", "ckb", "ps", "prs", "rom", "sgn-de"} <= codes
    assert not {"und", "mul", "zxx"} & codes
    assert len(codes) > 400


def test_sort_key_ignores_case_and_accents() -> None:
    names = ["Ukrainisch", "Älteres", "albanisch", "Zulu"]
    assert sorted(names, key=sort_key) == ["albanisch", "Älteres", "Ukrainisch", "Zulu"]


@pytest.mark.django_db
def test_language_choices_are_sorted_by_their_name_in_the_current_language() -> None:
    for code in ("de", "ar", "tr", "uk"):
        LanguageFactory(code=code)
    field = LanguageMultipleChoiceField(queryset=Language.objects.all())
    with translation.override("de"):
        labels = [str(label) for _value, label in field.choices]
    assert [label.split(" /")[0] for label in labels] == [
        "Arabisch",
        "Deutsch",
        "Türkisch",
        "Ukrainisch",
    ]
    with translation.override("en"):
        labels = [str(label).split(" /")[0] for _value, label in field.choices]
    assert labels == ["Arabic", "German", "Turkish", "Ukrainian"]


@pytest.mark.django_db
def test_load_vocabularies_names_every_standard_entry_in_all_seven_languages() -> None:
    load_vocabularies()
    for model in (Topic, TargetGroup, OrganisationKind, OfferKind):
        for entry in model.objects.all():
            assert sorted(entry.names) == sorted(INTERFACE_LANGUAGES), (model, entry.slug)
    assert Language.objects.filter(code__in=["ti", "wo", "ckb", "prs"]).count() == 4


@pytest.mark.django_db
def test_load_vocabularies_keeps_names_edited_in_the_admin_and_adds_missing_ones() -> None:
    TopicFactory(slug="women", name_de="Frauenrechte", name_en="")
    load_vocabularies()
    names = Topic.objects.get(slug="women").names
    assert names["de"] == "Frauenrechte"
    assert names["uk"] == "Жінки"
    assert Topic.objects.filter(slug="women").count() == 1


@pytest.mark.django_db
def test_an_entry_shows_the_current_language_then_german_then_english() -> None:
    topic = TopicFactory(
        slug="health", name_de="Gesundheit", name_en="Health", names={"ar": "الصحة"}
    )
    only_english: Topic = TopicFactory(slug="sport", name_de="", name_en="Sport")
    with translation.override("ar"):
        assert topic.name == "الصحة"
    with translation.override("fa"):
        assert topic.name == "Gesundheit"
        assert str(only_english) == "Sport"


@pytest.mark.django_db
def test_a_cached_entry_follows_the_language_of_each_request(
    django_assert_num_queries: object,
) -> None:
    TopicFactory(slug="health", name_de="Gesundheit", name_en="Health", names={"uk": "Здоров’я"})
    with translation.override("de"):
        vocabulary = DirectoryVocabulary.load()
    (topic,) = vocabulary.topics.values()
    with django_assert_num_queries(0):  # type: ignore[operator]
        with translation.override("uk"):
            assert topic.name == "Здоров’я"
        with translation.override("en"):
            assert topic.name == "Health"
