"""Journeys through the directory in a real Chromium, with and without JavaScript."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from organisations.models import District, Offer, Organisation
from organisations.search import organisation_search_refresh
from tests.factories import DistrictFactory, LanguageFactory, OfferFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pankow(settings) -> District:  # type: ignore[no-untyped-def]
    """Three organisations: only one is in Pankow and speaks Arabic."""
    settings.MAP_TILE_URL = ""  # no tiles from the internet in tests
    pankow = DistrictFactory(name="Pankow")
    spandau = DistrictFactory(name="Spandau")
    arabic = LanguageFactory(code="ar")
    turkish = LanguageFactory(code="tr")
    for name, district, language in (
        ("Frauenforum Pankow", pankow, arabic),
        ("Elterncafé Pankow", pankow, turkish),
        ("Frauenforum Spandau", spandau, arabic),
    ):
        organisation = OrganisationFactory(
            name=name,
            districts=[district],
            latitude=Decimal("52.55"),
            longitude=Decimal("13.40"),
            description="Wir beraten Frauen und Familien.",
        )
        organisation.languages.set([language])
        OfferFactory(organisation=organisation, title="Sozialberatung")
    organisation_search_refresh()
    return pankow


def filter_pankow_arabic_and_open_the_result(page: Page, base: str, *, german: bool) -> str:
    """In German without JavaScript (choose both, then submit), in English with it (each
    choice applies at once and updates the counts beside the other filters' values)."""
    language = "de" if german else "en"
    page.goto(f"{base}/{language}/organisations/")
    page.get_by_label("Bezirk" if german else "District").select_option(label="Pankow (2)")
    if german:
        page.get_by_label("Gesprochene Sprache").select_option(label="Arabisch / العربية (2)")
        page.get_by_role("button", name="Ergebnisse zeigen").click()
    else:
        expect(page.get_by_role("heading", level=2, name="2 organisations found")).to_be_visible()
        page.get_by_label("Language spoken").select_option(label="Arabic / العربية (1)")
    expect(page).to_have_url(re.compile(r"district=\d+&language=ar"))
    found = "1 Organisation gefunden" if german else "1 organisation found"
    expect(page.get_by_role("heading", level=2, name=found)).to_be_visible()
    filtered_url = page.url
    page.get_by_role("link", name="Frauenforum Pankow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Frauenforum Pankow")
    return filtered_url


def test_visitor_filters_by_district_and_language_and_shares_the_result(
    live_server, page: Page, browser: Browser, pankow: District
) -> None:
    filtered_url = filter_pankow_arabic_and_open_the_result(page, live_server.url, german=False)
    detail_url = page.url
    assert detail_url.endswith("/en/organisations/frauenforum-pankow/")

    # Someone who gets the links sees the same pages.
    friend = browser.new_context().new_page()
    friend.goto(detail_url)
    expect(friend.get_by_role("heading", level=1)).to_have_text("Frauenforum Pankow")
    friend.goto(filtered_url)
    expect(friend.get_by_role("link", name="Frauenforum Pankow")).to_be_visible()
    expect(friend.get_by_role("link", name="Frauenforum Spandau")).to_have_count(0)
    friend.context.close()
    assert Organisation.objects.published().count() == 3


def test_filtering_and_sharing_work_without_javascript(
    live_server, browser: Browser, pankow: District
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    filtered_url = filter_pankow_arabic_and_open_the_result(page, live_server.url, german=True)
    detail_url = page.url
    page.goto(filtered_url)
    page.get_by_role("link", name="Filter entfernen: Bezirk: Pankow").click()
    expect(page.get_by_role("heading", level=2, name="2 Organisationen gefunden")).to_be_visible()
    page.goto(detail_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Frauenforum Pankow")
    context.close()
    assert pankow.organisations.count() == 2


def test_visitor_searches_and_opens_a_result(live_server, page: Page, pankow: District) -> None:
    page.goto(f"{live_server.url}/en/organisations/")
    page.get_by_role("searchbox", name="Search").fill("frauenforum spandau")
    page.get_by_role("button", name="Show results").click()
    expect(page.get_by_role("heading", level=2, name="1 organisation found")).to_be_visible()
    page.get_by_role("link", name="Frauenforum Spandau", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/en/organisations/frauenforum-spandau/")
    assert Organisation.objects.filter(name="Frauenforum Spandau").exists()


def mark_the_document(page: Page) -> None:
    """A full page load forgets this mark; parts of the page fetched and swapped keep it."""
    page.evaluate("window.__marker = 1")


def document_was_not_reloaded(page: Page) -> bool:
    return page.evaluate("window.__marker") == 1


def test_a_filter_applies_without_a_full_page_load(
    live_server, page: Page, pankow: District
) -> None:
    page.goto(f"{live_server.url}/en/organisations/")
    mark_the_document(page)
    district = page.get_by_label("District")
    district.focus()
    district.select_option(label="Pankow (2)")

    filtered_url = f"{live_server.url}/en/organisations/?district={pankow.pk}"
    expect(page).to_have_url(filtered_url)
    expect(page.get_by_role("heading", level=2, name="2 organisations found")).to_be_visible()
    expect(page.get_by_role("link", name="Frauenforum Spandau")).to_have_count(0)
    expect(page.locator("[data-filter-status]")).to_have_text("2 organisations found")
    expect(page.get_by_label("Language spoken")).to_contain_text("Arabic / العربية (1)")
    expect(district).to_be_focused()
    expect(district).to_have_value(str(pankow.pk))
    expect(page).to_have_title(re.compile(r"^Find organisations · "))
    # The links to the map and the language switch carry the filter as a reloaded page would.
    expect(page.get_by_role("link", name="Map")).to_have_attribute(
        "href", f"/en/organisations/map/?district={pankow.pk}"
    )
    expect(page.locator(".language-switcher input[name=next]")).to_have_value(
        f"/en/organisations/?district={pankow.pk}"
    )
    assert document_was_not_reloaded(page)

    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/en/organisations/")
    expect(page.get_by_role("heading", level=2, name="3 organisations found")).to_be_visible()
    expect(page.get_by_role("link", name="Frauenforum Spandau")).to_be_visible()
    expect(district).to_have_value("")
    page.go_forward()
    expect(page).to_have_url(filtered_url)
    expect(page.get_by_role("heading", level=2, name="2 organisations found")).to_be_visible()
    assert document_was_not_reloaded(page)
    assert pankow.organisations.count() == 2


def test_offer_filters_apply_without_a_full_page_load(
    live_server, page: Page, pankow: District
) -> None:
    page.goto(f"{live_server.url}/en/offers/")
    expect(page.get_by_role("heading", level=2, name="3 offers found")).to_be_visible()
    mark_the_document(page)
    district = page.get_by_label("District")
    district.focus()
    district.select_option(label="Pankow (2)")  # offers in Pankow: the count beside the value

    expect(page).to_have_url(f"{live_server.url}/en/offers/?district={pankow.pk}")
    expect(page.get_by_role("heading", level=2, name="2 offers found")).to_be_visible()
    expect(page.locator("[data-filter-status]")).to_have_text("2 offers found")
    expect(district).to_be_focused()
    assert document_was_not_reloaded(page)

    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/en/offers/")
    expect(page.get_by_role("heading", level=2, name="3 offers found")).to_be_visible()
    assert document_was_not_reloaded(page)
    assert Offer.objects.filter(organisation__districts=pankow).count() == 2


def test_search_applies_on_enter_and_not_while_typing(
    live_server, page: Page, pankow: District
) -> None:
    page.goto(f"{live_server.url}/en/organisations/")
    mark_the_document(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    search = page.get_by_role("searchbox", name="Search")
    search.press_sequentially("frauenforum spandau")
    assert requests == []

    search.press("Enter")
    expect(page.get_by_role("heading", level=2, name="1 organisation found")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/en/organisations/\?q=frauenforum\+spandau"))
    expect(search).to_be_focused()
    expect(search).to_have_value("frauenforum spandau")
    expect(page.get_by_role("link", name="Frauenforum Spandau", exact=True)).to_be_visible()
    assert document_was_not_reloaded(page)
    assert Organisation.objects.filter(name="Frauenforum Spandau").exists()


def test_a_failed_request_falls_back_to_loading_the_page(
    live_server, page: Page, pankow: District
) -> None:
    page.route(
        re.compile(r"/en/organisations/\?"),
        lambda route: (
            route.abort() if route.request.resource_type == "fetch" else route.continue_()
        ),
    )
    page.goto(f"{live_server.url}/en/organisations/")
    mark_the_document(page)
    page.get_by_label("District").select_option(label="Pankow (2)")

    expect(page).to_have_url(f"{live_server.url}/en/organisations/?district={pankow.pk}")
    expect(page.get_by_role("heading", level=2, name="2 organisations found")).to_be_visible()
    assert not document_was_not_reloaded(page)
    assert pankow.organisations.count() == 2


def test_visitor_finds_an_organisation_despite_a_typo(
    live_server, page: Page, pankow: District
) -> None:
    page.goto(f"{live_server.url}/de/organisations/?q=Frauenfroum+Spandau")
    expect(page.get_by_role("heading", level=2, name="1 Organisation gefunden")).to_be_visible()
    page.get_by_role("link", name="Frauenforum Spandau", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Frauenforum Spandau")
    assert Organisation.objects.filter(name="Frauenforum Spandau").exists()


def test_map_shows_the_filtered_organisations(live_server, page: Page, pankow: District) -> None:
    page.goto(f"{live_server.url}/en/organisations/map/?district={pankow.pk}")
    expect(page.locator("[data-directory-map]")).to_have_attribute("data-map-loaded", "2")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
    page.get_by_role("button", name="Frauenforum Pankow").click()
    expect(page.locator(".leaflet-popup").get_by_role("link")).to_have_text("Frauenforum Pankow")
    assert pankow.organisations.with_public_location().count() == 2


def test_map_page_is_the_list_without_javascript(
    live_server, browser: Browser, pankow: District
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/organisations/map/?district={pankow.pk}")
    expect(page.locator("[data-directory-map]")).to_be_hidden()
    expect(page.get_by_role("link", name="Frauenforum Pankow")).to_be_visible()
    expect(page.get_by_role("link", name="Elterncafé Pankow")).to_be_visible()
    context.close()
    assert pankow.organisations.count() == 2
