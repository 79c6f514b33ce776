"""Entries in several languages: an organisation's texts in the visitor's language, the
original with a note otherwise, and search over every version.

The full-text search has a configuration per language."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from organisations.models import Offer, Organisation
from organisations.search import organisation_search_refresh
from tests.conftest import Cast
from tests.factories import OfferFactory, OfferKindFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

UKRAINIAN = (
    "Ми допомагаємо родинам з України: консультації щодо житла, школи та роботи, "
    "розмовний клуб німецької мови щосуботи."
)


def main(html: str) -> str:
    """The visible page content (the head carries every version in its JSON-LD)."""
    return html.split("<main", 1)[1]


def found(client: Client, q: str, url: str = "/de/organisations/") -> list[str]:
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [item.name for item in response.context["page"].object_list]


@pytest.fixture
def advice_centre() -> Organisation:
    organisation = OrganisationFactory(
        name="Beratungsstelle Nordost",
        description="Wir beraten Familien aus der Ukraine zu Wohnung, Schule und Arbeit.",
        original_language="de",
        translations={"uk": {"description": UKRAINIAN}},
    )
    OrganisationFactory(name="Ganz anderer Verein", description="Fußball und Musik.")
    organisation_search_refresh()
    return organisation


def test_ukrainian_description_is_found_by_a_ukrainian_word(
    client: Client, advice_centre: Organisation
) -> None:
    assert found(client, "консультації") == ["Beratungsstelle Nordost"]
    assert found(client, "розмовний клуб", url="/uk/organisations/") == ["Beratungsstelle Nordost"]


def test_ukrainian_visitor_sees_the_ukrainian_text_without_a_note(
    client: Client, advice_centre: Organisation
) -> None:
    response = client.get(f"/uk/organisations/{advice_centre.slug}/")
    html = main(response.content.decode())
    assert response.status_code == 200
    assert '<div class="entry-text" lang="uk" dir="auto"><p>Ми допомагаємо' in html
    assert "Wir beraten Familien" not in html
    assert 'class="language-note"' not in html


def test_german_visitor_sees_the_german_original_without_a_note(
    client: Client, advice_centre: Organisation
) -> None:
    html = main(client.get(f"/de/organisations/{advice_centre.slug}/").content.decode())
    assert '<div class="entry-text" lang="de" dir="auto"><p>Wir beraten Familien' in html
    assert UKRAINIAN not in html
    assert 'class="language-note"' not in html


def test_ukrainian_original_is_shown_on_the_german_page_with_a_note(client: Client) -> None:
    organisation = OrganisationFactory(
        description=UKRAINIAN, original_language="uk", translations={}
    )
    html = client.get(f"/de/organisations/{organisation.slug}/").content.decode()
    assert '<div class="entry-text" lang="uk" dir="auto"><p>Ми допомагаємо' in html
    assert '<p class="language-note">Nur auf Ukrainisch verfügbar</p>' in html


def test_english_visitor_of_a_german_only_entry_is_told_so(
    client: Client, advice_centre: Organisation
) -> None:
    html = client.get(f"/en/organisations/{advice_centre.slug}/").content.decode()
    assert '<div class="entry-text" lang="de" dir="auto"><p>Wir beraten Familien' in html
    assert '<p class="language-note">Available in German only</p>' in html


def test_offer_title_in_arabic_is_shown_and_found(client: Client) -> None:
    organisation = OrganisationFactory(name="Nachbarschaftshaus Mitte")
    OfferFactory(
        organisation=organisation,
        title="Hausaufgabenhilfe",
        description="Montags und mittwochs nach der Schule.",
        translations={"ar": {"title": "مساعدة في الواجبات المدرسية"}},
    )
    organisation_search_refresh()
    html = client.get(f"/ar/organisations/{organisation.slug}/").content.decode()
    assert '<span lang="ar" dir="auto">مساعدة في الواجبات المدرسية</span>' in html
    # The description has no Arabic version: the German one, marked and noted.
    assert '<div class="entry-text" lang="de" dir="auto"><p>Montags' in html
    offers = client.get("/de/offers/", {"q": "الواجبات"}).context["page"].object_list
    assert [offer.title for offer in offers] == ["Hausaufgabenhilfe"]


def test_postgres_finds_other_word_forms_of_a_russian_version(client: Client) -> None:
    OrganisationFactory(
        name="Russischsprachige Eltern",
        description="Elterncafé.",
        translations={"ru": {"description": "Консультации для родителей и детей."}},
    )
    organisation_search_refresh()
    assert found(client, "консультация") == ["Russischsprachige Eltern"]


def test_postgres_finds_an_arabic_original_by_its_words(client: Client) -> None:
    OrganisationFactory(
        name="Arabischer Kulturverein",
        description="نقدم دروسا في اللغة الألمانية للنساء",
        original_language="ar",
    )
    organisation_search_refresh()
    assert found(client, "دروسا") == ["Arabischer Kulturverein"]


def test_versions_for_unknown_languages_are_not_shown(client: Client) -> None:
    offer = OfferFactory(translations={"xx": {"title": "nonsense"}})
    assert offer.in_language("title", "xx").text == offer.title
    assert Offer.objects.get(pk=offer.pk).languages_of("title") == ["de"]


# --- The forms ---------------------------------------------------------------------------------


def test_owner_adds_a_ukrainian_version_to_the_entry_in_the_same_post(
    cast: Cast, client_for
) -> None:
    entry = cast.organisation
    edit = client_for(cast.owner).get(f"/en/manage/{entry.slug}/edit/").content.decode()
    assert '<details class="language-version">' in edit
    assert 'name="description__uk"' in edit
    assert 'name="description__de"' not in edit  # the original is the main field
    data = {
        "name": entry.name,
        "kind": entry.kind_id,
        "description": "Wir beraten Familien.",
        "original_language": "de",
        "description__uk": "Ми консультуємо родини.",
        "description__ar": "  ",
        "districts": [cast.district.pk],
        "email": "info@example.org",
        "no_public_address": "on",
        "action": "save",
    }
    response = client_for(cast.owner).post(f"/en/manage/{entry.slug}/edit/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.translations == {"uk": {"description": "Ми консультуємо родини."}}
    assert entry.in_language("description", "uk").text == "Ми консультуємо родини."


def test_a_version_in_the_original_language_is_refused_and_kept_on_the_page(
    cast: Cast, client_for
) -> None:
    base = f"/en/manage/{cast.organisation.slug}/offers/"
    data = {
        "title": "Elterncafé",
        "kind": OfferKindFactory().pk,
        "cost": "free",
        "original_language": "tr",
        "title__tr": "Veli kahvesi",
        "title__ar": "مقهى الأهل",
    }
    response = client_for(cast.owner).post(f"{base}new/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This is the original language" in page
    assert '<details class="language-version" open>' in page
    assert "Veli kahvesi" in page and "مقهى الأهل" in page
    assert not cast.organisation.offers.exists()


def test_offer_written_in_turkish_with_a_german_version(cast: Cast, client_for) -> None:
    base = f"/en/manage/{cast.organisation.slug}/offers/"
    data = {
        "title": "Veli kahvesi",
        "description": "Her salı anneler ve babalar için buluşma.",
        "kind": OfferKindFactory().pk,
        "cost": "free",
        "original_language": "tr",
        "title__de": "Elterncafé",
    }
    assert client_for(cast.owner).post(f"{base}new/", data).status_code == 302
    offer = cast.organisation.offers.get()
    assert (offer.title, offer.original_language) == ("Veli kahvesi", "tr")
    assert offer.translations == {"de": {"title": "Elterncafé"}}
    assert offer.in_language("title", "de").text == "Elterncafé"
    with translation.override("de"):
        assert offer.in_language("description", "de").note == "Nur auf Türkisch verfügbar"
