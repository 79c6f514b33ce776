"""Placing an entry's pin on the map of the registration form, in a real Chromium."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from organisations.models import Organisation
from tests.browser.test_registration import log_in
from tests.factories import OrganisationKindFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clicking_on_the_map_sets_the_coordinates_that_are_saved(
    live_server: Any, page: Page, settings: Any
) -> None:
    settings.MAP_TILE_URL = ""  # no tiles from the internet in tests
    settings.MAP_BOUNDS = (52.33, 13.08, 52.68, 13.77)
    base = live_server.url
    OrganisationKindFactory(name_en="Registered association")
    user = UserFactory(email="rana@example.org")
    log_in(page, base, user.email)

    page.goto(base + "/en/register/new/?name=Pinnwand")
    figure = page.locator("[data-pin-map]")
    expect(figure).to_have_attribute("data-map-loaded", "1")
    latitude, longitude = page.get_by_label("Latitude"), page.get_by_label("Longitude")
    expect(latitude).to_have_value("")

    canvas = figure.locator("[data-map-canvas]")
    box = canvas.bounding_box()
    assert box is not None
    # The map opens on MAP_BOUNDS, so its middle lies inside the area.
    canvas.click(position={"x": box["width"] / 2 + 10, "y": box["height"] / 2 + 10})
    expect(latitude).not_to_have_value("")
    expect(figure.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(figure.locator("[data-map-status]")).to_contain_text("The pin is placed")
    placed = (Decimal(latitude.input_value()), Decimal(longitude.input_value()))
    assert Decimal("52.33") <= placed[0] <= Decimal("52.68")
    assert Decimal("13.08") <= placed[1] <= Decimal("13.77")

    page.get_by_label("Kind").select_option(label="Registered association")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(lambda url: "/manage/" in url)
    entry = Organisation.objects.get(name="Pinnwand")
    assert (entry.latitude, entry.longitude) == placed


def test_typed_coordinates_move_the_pin(live_server: Any, page: Page, settings: Any) -> None:
    settings.MAP_TILE_URL = ""
    base = live_server.url
    user = UserFactory(email="omid@example.org")
    log_in(page, base, user.email)

    page.goto(base + "/en/register/new/")
    figure = page.locator("[data-pin-map]")
    expect(figure).to_have_attribute("data-map-loaded", "1")
    page.get_by_label("Latitude").fill("52.5693")
    page.get_by_label("Longitude").fill("13.4019")
    page.get_by_label("Longitude").dispatch_event("change")
    expect(figure.locator(".leaflet-marker-icon")).to_have_count(1)
