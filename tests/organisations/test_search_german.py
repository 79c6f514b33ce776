"""Search that understands German and helps when it finds nothing: compound words, Latin
spellings of names in other scripts, the entries with most of the words, "did you mean" and
the count of searches without result."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from organisations.compounds import compound_parts
from organisations.models import Organisation, UnansweredSearch
from organisations.search import organisation_search_refresh
from organisations.services.searches import unanswered_query
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(client: Client, q: str, url: str = "/de/organisations/") -> list[str]:
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [item.name for item in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Tanzkurs", ["tanz", "kurs"]),
        ("Beratungsstelle", ["beratung", "stelle"]),
        ("Asylverfahrensberatung", ["asyl", "verfahren", "beratung"]),
        ("Beratung", []),  # not a compound
        ("Türkisch", []),  # "Tür" + "kisch": the second part is no word
        ("Kurs", []),  # too short to be two words
    ],
)
def test_compound_words_split_into_known_german_words(word: str, parts: list[str]) -> None:
    assert compound_parts(word) == parts


@pytest.mark.postgres
def test_a_compound_finds_an_entry_with_its_parts(client: Client, db: None) -> None:
    OrganisationFactory(name="Tanzen – Kurs für Mädchen", description="Jeden Montag.")
    OrganisationFactory(name="Kochen für alle", description="Ein Kurs.")
    organisation_search_refresh()
    assert found(client, "Tanzkurs") == ["Tanzen – Kurs für Mädchen"]
    assert Organisation.objects.count() == 2


@pytest.mark.postgres
def test_a_compound_in_the_entry_is_found_by_its_parts(client: Client, db: None) -> None:
    OrganisationFactory(name="Frauenverein Mitte", description="Wir bieten Sozialberatung an.")
    organisation_search_refresh()
    assert found(client, "Beratung") == ["Frauenverein Mitte"]
    assert found(client, "Verein") == ["Frauenverein Mitte"]
    assert found(client, "Sozial") == ["Frauenverein Mitte"]  # the start of a word, as before


@pytest.mark.postgres
@pytest.mark.parametrize("q", ["Hromada", "Gromada", "hromada"])
def test_a_latin_spelling_finds_a_name_in_cyrillic(client: Client, db: None, q: str) -> None:
    OrganisationFactory(
        name="Громада", slug="ukrainische-gemeinschaft", description="Українська громада в Берліні."
    )
    OrganisationFactory(name="Hamburger Verein", description="Fußball.")
    organisation_search_refresh()
    assert found(client, q) == ["Громада"]


@pytest.mark.postgres
def test_one_unknown_word_shows_the_entries_with_the_most_words_labelled(
    client: Client, db: None
) -> None:
    OrganisationFactory(name="Elternverein Mitte", description="Beratung für Familien.")
    OrganisationFactory(name="Sportverein Nord", description="Fußball.")
    organisation_search_refresh()
    response = client.get("/de/organisations/", {"q": "Elternverein Beratung Xylofonwerkstatt"})
    assert response.context["page"].paginator.count == 0
    assert [card.name for card in response.context["most_words"]] == ["Elternverein Mitte"]
    content = response.content.decode()
    assert "Keine Einträge mit allen Wörtern; Einträge mit den meisten Wörtern:" in content
    assert "Elternverein Mitte" in content
    assert "Sportverein Nord" not in content


@pytest.mark.postgres
def test_entries_with_more_of_the_words_come_first(client: Client, db: None) -> None:
    OrganisationFactory(name="Aaa Elternverein", description="Nichts weiter.")
    OrganisationFactory(name="Zzz Elternverein", description="Beratung für Familien.")
    organisation_search_refresh()
    response = client.get("/de/organisations/", {"q": "Elternverein Beratung Xylofonwerkstatt"})
    names = [card.name for card in response.context["most_words"]]
    assert names == ["Zzz Elternverein", "Aaa Elternverein"]


@pytest.mark.postgres
def test_a_misspelt_word_gets_a_did_you_mean(client: Client, db: None) -> None:
    OrganisationFactory(name="Kulturverein Mitte", description="Musik und Literatur.")
    organisation_search_refresh()
    response = client.get("/de/organisations/", {"q": "Kultruferein"})
    assert response.context["page"].paginator.count == 0
    assert response.context["suggestion"] == "kulturverein"
    assert "Meinten Sie:" in response.content.decode()
    assert found(client, response.context["suggestion"]) == ["Kulturverein Mitte"]


@pytest.mark.postgres
def test_searches_without_result_are_counted_per_day_without_personal_data(
    client: Client, db: None
) -> None:
    OrganisationFactory(name="Kulturverein Mitte")
    organisation_search_refresh()
    client.force_login(UserFactory())
    client.get("/de/organisations/", {"q": "Xylofon   WERKSTATT 030123456"})
    client.get("/de/offers/", {"q": "xylofon werkstatt"})
    client.get("/de/organisations/", {"q": "Kulturverein"})  # found: not counted
    rows = list(UnansweredSearch.objects.values())
    assert rows == [
        {"id": rows[0]["id"], "day": timezone.localdate(), "query": "xylofon werkstatt", "count": 2}
    ]
    assert {field.name for field in UnansweredSearch._meta.get_fields()} == {
        "id",
        "day",
        "query",
        "count",
    }


def test_counted_words_are_normalised_and_leave_out_numbers() -> None:
    assert unanswered_query("Türkçe  Straße 12b +4930123") == "turkce strasse"
    assert unanswered_query("42") == ""
