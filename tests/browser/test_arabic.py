"""Arabic, right to left, in a real Chromium: a person signs up for an event on /ar/ and gets
the confirmation in Arabic; a representative registers an organisation on /ar/ and sees the
success messages in Arabic; the map's controls sit on the right; the language switch works
without JavaScript and keeps the filters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, Page, expect

from organisations.models import Organisation
from tests.factories import (
    DistrictFactory,
    DistrictStaffFactory,
    EventFactory,
    OrganisationFactory,
    OrganisationKindFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ar(msgid: str, **values: str) -> str:
    """The Arabic text of an interface string; fails if the catalogue does not translate it."""
    with translation.override("ar"):
        text = gettext(msgid)
    assert text != msgid, f"not translated into Arabic: {msgid!r}"
    return text % values if values else text


def expect_right_to_left(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"


def test_sign_up_for_an_event_in_arabic(live_server, page: Page) -> None:
    event = EventFactory(title="Elterncafé Neukölln", capacity=10)
    page.set_default_timeout(30_000)  # generous: shared CI machines

    page.goto(f"{live_server.url}/ar/events/{event.slug}/")
    expect_right_to_left(page)
    # The German title is isolated, so the Arabic sentence around it keeps its order.
    expect(page.locator('h1 [dir="auto"]')).to_have_text("Elterncafé Neukölln")
    page.locator(".signup-box").get_by_role("link", name=ar("Sign up now")).click()
    expect_right_to_left(page)
    page.get_by_label(ar("Your name")).fill("أمل حداد")
    page.get_by_label(ar("Your e-mail address")).fill("amal@example.org")
    page.get_by_label(ar("I agree that my details are stored for this event.")).check()
    page.locator("form.form").get_by_role("button", name=ar("Sign up now")).click()

    # The page answers the same for every address; the e-mail says whether the seat is sure.
    expect(page.get_by_role("heading", level=1)).to_have_text(ar("Please look in your e-mail"))
    expect_right_to_left(page)
    confirmation = next(m for m in mail.outbox if m.to == ["amal@example.org"])
    assert confirmation.subject == settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + ar(
        "Your sign-up is confirmed: %(title)s", title="Elterncafé Neukölln"
    )
    assert "/ar/events/registration/" in confirmation.body


def test_register_an_organisation_in_arabic(live_server, page: Page) -> None:
    pankow = DistrictFactory(name="Pankow")
    DistrictStaffFactory(district=pankow, user__email="staff@pankow.example.org")
    OrganisationKindFactory(name_en="Registered association")
    person = UserFactory(email="rana@example.org", language="ar")
    # Logged in through the session cookie: the sign-up itself is covered in English elsewhere.
    client = Client()
    client.force_login(person)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.set_default_timeout(30_000)  # generous: shared CI machines

    page.goto(f"{live_server.url}/ar/register/")
    expect_right_to_left(page)
    page.get_by_label(ar("Name of your organisation")).fill("Sprachbrücke Nord")
    page.get_by_role("button", name=ar("Continue")).click()
    expect(page.get_by_role("heading", name=ar("No similar entry found"))).to_be_visible()
    page.get_by_role("link", name=ar("Create a new entry")).click()

    expect_right_to_left(page)
    page.get_by_label(ar("Kind")).select_option(index=1)
    page.get_by_role("textbox", name=ar("Description"), exact=True).fill(
        "نترجم في اجتماعات أولياء الأمور."
    )
    page.get_by_role("checkbox", name="Pankow").check()
    page.get_by_label(ar("E-mail")).fill("kontakt@sprachbruecke.example.org")
    page.get_by_label(ar("no public address")).check()
    page.get_by_role("button", name=ar("Save draft")).click()
    expect(
        page.get_by_text(ar("Your draft is saved. You can continue at any time."))
    ).to_be_visible()

    mail.outbox.clear()
    page.get_by_role("button", name=ar("Submit for review")).click()
    expect(page.get_by_text(ar("Thank you! Your entry is submitted for review."))).to_be_visible()
    expect_right_to_left(page)
    entry = Organisation.objects.get(name="Sprachbrücke Nord")
    assert entry.status == Organisation.Status.PENDING
    assert [m.to for m in mail.outbox] == [["staff@pankow.example.org"]]


def test_map_controls_sit_on_the_right_in_arabic(live_server, page: Page, settings) -> None:  # type: ignore[no-untyped-def]
    settings.MAP_TILE_URL = ""  # no tiles from the internet in tests
    pankow = DistrictFactory(name="Pankow")
    OrganisationFactory(
        name="Frauenforum Pankow",
        districts=[pankow],
        latitude=Decimal("52.55"),
        longitude=Decimal("13.40"),
    )
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/ar/organisations/map/")
    expect(page.locator("[data-directory-map]")).to_have_attribute("data-map-loaded", "1")
    expect(page.locator(".leaflet-top.leaflet-right .leaflet-control-zoom")).to_have_count(1)
    expect(page.locator(".leaflet-bottom.leaflet-left .leaflet-control-attribution")).to_have_count(
        1
    )
    page.goto(f"{live_server.url}/de/organisations/map/")
    expect(page.locator("[data-directory-map]")).to_have_attribute("data-map-loaded", "1")
    expect(page.locator(".leaflet-top.leaflet-left .leaflet-control-zoom")).to_have_count(1)


def test_switching_to_arabic_without_javascript_keeps_page_and_filters(
    live_server, browser: Browser
) -> None:
    pankow = DistrictFactory(name="Pankow")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/de/organisations/?district={pankow.pk}")
    page.locator(".language-switcher summary").click()  # a disclosure: opens without JavaScript
    page.locator(".language-switcher").get_by_role("button", name="العربية").click()
    expect(page).to_have_url(f"{live_server.url}/ar/organisations/?district={pankow.pk}")
    expect_right_to_left(page)
    expect(page.locator(".language-switcher [aria-current]")).to_have_text("العربية")
    context.close()
