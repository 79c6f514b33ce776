"""Search: the denormalised search data and what a visitor expects the search box to find.

What the full-text search adds to plain word matching: typos, umlaut spellings, stems.
"""

from __future__ import annotations

import pytest
from django.test import Client

from organisations.facets import Facet
from organisations.models import Language, Offer, Organisation, SearchWord, Topic
from organisations.search import organisation_search_refresh, vocabulary_search_refresh
from organisations.search_query import Search, _is_one_typo_apart
from organisations.search_text import normalise, search_terms
from tests.factories import (
    LanguageFactory,
    OfferFactory,
    OrganisationFactory,
    TargetGroupFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def found(client: Client, q: str, url: str = "/de/organisations/") -> list[str]:
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [item.name for item in response.context["page"].object_list]


@pytest.fixture
def turkish_club() -> Organisation:
    organisation = OrganisationFactory(
        name="Türkischer Elternverein",
        short_name="TEV",
        description="Wir beraten Familien und organisieren Frauenfrühstücke.",
    )
    turkish = LanguageFactory(code="tr")
    ukrainian = LanguageFactory(code="uk")
    arabic = LanguageFactory(code="ar")
    organisation.languages.set([turkish, ukrainian])
    organisation.counselling_languages.set([arabic])
    organisation.topics.set([TopicFactory(slug="women", name_de="Frauen", name_en="Women")])
    organisation.target_groups.set(
        [TargetGroupFactory(slug="families", name_de="Familien", name_en="Families")]
    )
    OfferFactory(
        organisation=organisation,
        title="Sozialberatung",
        description="Hilfe bei Anträgen und Briefen vom Jobcenter.",
    )
    OrganisationFactory(name="Ganz anderer Verein", description="Fußball und Musik.")
    organisation_search_refresh()
    return organisation


# --- The search data ---------------------------------------------------------------------------


def test_refresh_writes_the_filter_keys_of_the_organisation(turkish_club: Organisation) -> None:
    organisation = Organisation.objects.get(pk=turkish_club.pk)
    offer = Offer.objects.get(title="Sozialberatung")
    expected = {
        Facet.KIND.key(organisation.kind_id),
        *(Facet.DISTRICT.key(district.pk) for district in organisation.districts.all()),
        *(Facet.LANGUAGE.key(language.pk) for language in organisation.languages.all()),
        *(
            Facet.COUNSELLING_LANGUAGE.key(language.pk)
            for language in organisation.counselling_languages.all()
        ),
        *(Facet.TOPIC.key(topic.pk) for topic in organisation.topics.all()),
        *(Facet.TARGET_GROUP.key(group.pk) for group in organisation.target_groups.all()),
        Facet.OFFER_KIND.key(offer.kind_id),
        Facet.FREE_OFFER.key(),
    }
    assert set(organisation.facet_keys) == expected
    assert not organisation.migrant_led


def test_refresh_of_some_organisations_leaves_the_others_alone(
    turkish_club: Organisation,
) -> None:
    other = Organisation.objects.get(name="Ganz anderer Verein")
    Organisation.objects.filter(pk=other.pk).update(facet_keys=[42])
    assert organisation_search_refresh(organisation_ids=[turkish_club.pk]) == 1
    assert Organisation.objects.get(pk=other.pk).facet_keys == [42]


def test_renamed_vocabulary_entry_is_found_after_its_refresh(
    client: Client, turkish_club: Organisation
) -> None:
    women = Topic.objects.get(slug="women")
    women.translations.filter(language_code="de").update(name="Frauenrechte")
    vocabulary_search_refresh(entry=women)
    assert found(client, "Frauenrechte") == ["Türkischer Elternverein"]
    assert Topic.objects.get(slug="women").names["de"] == "Frauenrechte"


def test_search_terms_drop_operators_single_letters_and_duplicates() -> None:
    assert search_terms("Beratung & (Frauen) | !e.V. beratung") == ["Beratung", "Frauen"]
    assert search_terms("   ") == []
    assert Search.parse("") is None


def test_normalise_removes_case_and_accents() -> None:
    assert normalise("Türkçe STRASSE Straße Énergie") == "turkce strasse strasse energie"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("beratnug", "beratung", True),  # swapped neighbours
        ("beratng", "beratung", True),  # one dropped
        ("berattung", "beratung", True),  # one added
        ("beratunk", "beratung", True),  # one changed
        ("tuerkisch", "turkisch", True),
        ("bratnug", "beratung", False),
        ("frauen", "frauen", True),
    ],
)
def test_one_typo_means_one_edit_or_swap(a: str, b: str, expected: bool) -> None:
    assert _is_one_typo_apart(a, b) is expected


# --- What the search box finds --------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "Elternverein",  # name
        "elternVEREIN",  # case
        "TEV",  # short name
        "Frauenfrühstücke",  # description
        "Frauenfruhstucke",  # accents
        "Sozialberatung",  # offer title
        "Jobcenter",  # offer description
        "Frauen",  # topic
        "Familien",  # target group
        "Türkisch",  # language, German
        "Ukrainian",  # language, English
        "Українська",  # language, in itself (Cyrillic)
        "العربية",  # language, in itself (Arabic)
        "Elternverein Türkisch",  # every word must match
    ],
)
def test_search_finds_words_in_every_part_of_the_entry(
    client: Client, turkish_club: Organisation, q: str
) -> None:
    assert found(client, q) == ["Türkischer Elternverein"]
    assert Organisation.objects.count() == 2


def test_search_needs_every_word(client: Client, turkish_club: Organisation) -> None:
    assert found(client, "Elternverein Fußball") == []
    assert Organisation.objects.filter(description__contains="Fußball").exists()


def test_search_never_finds_unpublished_entries(client: Client, turkish_club: Organisation) -> None:
    Organisation.objects.filter(pk=turkish_club.pk).update(status=Organisation.Status.PENDING)
    assert found(client, "Elternverein") == []
    assert Organisation.objects.filter(name="Türkischer Elternverein").exists()


def test_name_matches_rank_above_description_matches(client: Client, db: None) -> None:
    OrganisationFactory(name="Aachener Verein", description="Wir bieten ein Sprachcafé an.")
    OrganisationFactory(name="Sprachcafé Mitte", description="Ein Treffpunkt.")
    OrganisationFactory(
        name="Zentrum", description="Sprachcafé, Sprachcafé und noch ein Sprachcafé."
    )
    organisation_search_refresh()
    names = found(client, "Sprachcafé")
    assert names[0] == "Sprachcafé Mitte"
    assert sorted(names[1:]) == ["Aachener Verein", "Zentrum"]


def test_offers_page_searches_offers_and_their_organisation(
    client: Client, turkish_club: Organisation
) -> None:
    response = client.get("/de/offers/", {"q": "Sozialberatung"})
    assert [offer.title for offer in response.context["page"].object_list] == ["Sozialberatung"]
    response = client.get("/de/offers/", {"q": "Elternverein"})
    assert [offer.title for offer in response.context["page"].object_list] == ["Sozialberatung"]
    assert Offer.objects.count() == 1


# --- Only PostgreSQL: typos, umlaut spellings, stems ---------------------------------------------


@pytest.mark.parametrize(
    ("q", "why"),
    [
        ("Sozialberatnug", "two letters swapped"),
        ("Elternvrein", "one letter missing"),
        ("Tuerkisch", "ue for ü"),
        ("Turkisch", "u for ü"),
        ("Tuerkischer Elternverein", "ue in a name"),
        ("Frau", "singular of a topic in the plural"),
        ("Familie", "singular of a target group"),
        ("Sozialberatungen", "plural of an offer title"),
        ("Beratungen", "plural of the offer kind"),
        ("Україн", "the start of a Cyrillic word"),
    ],
)
def test_postgres_search_tolerates_typos_umlaut_spellings_and_word_forms(
    client: Client, turkish_club: Organisation, q: str, why: str
) -> None:
    assert found(client, q) == ["Türkischer Elternverein"], why
    assert SearchWord.objects.filter(word="sozialberatung").exists()


def test_postgres_typo_correction_only_for_unknown_longer_words(
    client: Client, turkish_club: Organisation
) -> None:
    OrganisationFactory(name="Elternverband")
    organisation_search_refresh()
    # A known word is taken as written, not "corrected" to its neighbours.
    assert found(client, "Elternverein") == ["Türkischer Elternverein"]
    # Short words are not corrected: too many other words are one letter away.
    assert found(client, "Musk") == []
    assert SearchWord.objects.filter(word="elternverband").exists()


def test_postgres_search_finds_language_names_in_all_three_forms_with_umlaut_spelling(
    client: Client, turkish_club: Organisation
) -> None:
    for q in ("Tuerkisch", "Turkish", "Türkçe", "Turkce"):
        assert found(client, q) == ["Türkischer Elternverein"], q
    assert Language.objects.get(code="tr").name_native == "Türkçe"


def test_postgres_typo_corrections_follow_new_words_after_a_refresh(
    client: Client, turkish_club: Organisation
) -> None:
    assert found(client, "Kulturverien") == []  # remembered for this version of the directory
    OrganisationFactory(name="Kulturverein Mitte")
    organisation_search_refresh()
    assert found(client, "Kulturverien") == ["Kulturverein Mitte"]
