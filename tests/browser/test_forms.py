"""Forms and filters that guide, in a real Chromium: filter selects apply only when the choice is
committed, every form's error summary leads to its fields, and the main journeys work with the
keyboard alone at phone width with the focus always visible and never lost."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Locator, Page, expect

from accounts.models import User
from events.models import Registration
from organisations.models import District, Organisation
from tests.browser.test_directory import pankow  # noqa: F401  (fixture)
from tests.factories import (
    EventFactory,
    LanguageFactory,
    OrganisationKindFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def fetches(page: Page) -> list[str]:
    """The in-place requests of the filter script, as they are made."""
    made: list[str] = []
    page.on("request", lambda r: made.append(r.url) if r.resource_type == "fetch" else None)
    return made


def log_in_by_cookie(page: Page, live_server, user: User) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


# --- Filters apply when the choice is committed (WCAG 3.2.2) -----------------------------------


def test_arrow_keys_in_a_filter_select_make_no_request_until_enter(
    live_server,
    page: Page,
    pankow: District,  # noqa: F811
) -> None:
    page.goto(f"{live_server.url}/en/organisations/")
    made = fetches(page)
    history = page.evaluate("history.length")
    district = page.get_by_label("District")
    district.focus()
    for _ in range(4):
        district.press("ArrowDown")
    page.wait_for_timeout(600)
    expect(district).to_have_value(str(District.objects.get(name="Spandau").pk))
    assert made == []
    assert page.evaluate("history.length") == history
    expect(page).to_have_url(f"{live_server.url}/en/organisations/")

    district.press("ArrowUp")
    expect(district).to_have_value(str(pankow.pk))
    district.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/organisations/?district={pankow.pk}")
    expect(page.get_by_role("heading", level=2, name="2 organisations found")).to_be_visible()
    expect(district).to_be_focused()
    assert len(made) == 1
    assert page.evaluate("history.length") == history + 1


def test_leaving_a_browsed_select_applies_it_and_a_pointer_choice_applies_at_once(
    live_server,
    page: Page,
    pankow: District,  # noqa: F811
) -> None:
    page.goto(f"{live_server.url}/en/organisations/")
    made = fetches(page)
    district = page.get_by_label("District")
    district.focus()
    district.press("ArrowDown")
    district.press("ArrowDown")
    page.wait_for_timeout(300)
    assert made == []
    district.press("Tab")
    expect(page.get_by_role("heading", level=2, name="1 organisation found")).to_be_visible()
    assert len(made) == 1

    # Picked from the list with the mouse (or on a touch screen): applies at once.
    page.get_by_label("Language spoken").select_option(label="Arabic / العربية (1)")
    expect(page).to_have_url(re.compile(r"language=ar"))
    assert len(made) == 2
    assert pankow.pk


# --- The error summary of every form -----------------------------------------------------------


def expect_summary_leads_to(page: Page, link_name: str | re.Pattern[str], field: Locator) -> None:
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=link_name).click()
    expect(field).to_be_focused()
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    error_id = next(name for name in described if name.endswith("_error"))
    expect(page.locator(f"#{error_id}")).to_be_visible()


def test_organisation_registration_has_a_working_error_summary(live_server, page: Page) -> None:
    OrganisationKindFactory(name_en="Registered association")
    log_in_by_cookie(page, live_server, UserFactory())
    page.goto(f"{live_server.url}/en/register/new/?name=Sprachbrücke")
    page.get_by_label("E-mail").fill("not-an-address")
    page.get_by_role("button", name="Save draft").click()
    expect_summary_leads_to(page, re.compile("^Kind"), page.get_by_label("Kind"))
    page.locator(".error-summary").get_by_role("link", name=re.compile("^E-mail")).click()
    expect(page.get_by_label("E-mail")).to_be_focused()


def test_event_sign_up_has_a_working_error_summary(live_server, page: Page) -> None:
    event = EventFactory(title="Runder Tisch Pankow")
    page.goto(f"{live_server.url}/en/events/{event.slug}/register/")
    page.get_by_label("Your e-mail address").fill("not-an-address")
    page.locator("form.form").get_by_role("button", name=re.compile("Sign up")).click()
    expect_summary_leads_to(
        page, re.compile("^Your e-mail address"), page.get_by_label("Your e-mail address")
    )


def test_allauth_sign_up_has_a_working_error_summary(live_server, page: Page) -> None:
    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.get_by_label("Email").fill("not-an-address")
    page.locator("main").get_by_role("button", name="Sign Up").click()
    expect_summary_leads_to(page, re.compile("^Email"), page.get_by_label("Email"))


# --- Keyboard only at 390 px --------------------------------------------------------------------


def assert_focus_visible(page: Page) -> None:
    state = page.evaluate(
        """() => {
          const element = document.activeElement;
          const style = element ? getComputedStyle(element) : null;
          return {
            tag: element ? element.tagName : null,
            visible: Boolean(element && element.matches(':focus-visible')),
            outline: style ? style.outlineStyle + ' ' + style.outlineWidth : '',
          };
        }"""
    )
    assert state["tag"] not in (None, "BODY", "HTML"), "the focus is lost"
    assert state["visible"], f"the focus on {state['tag']} is not visible"
    assert not state["outline"].startswith("none") and state["outline"] != "solid 0px", state


def tab_to(page: Page, target: Locator, *, limit: int = 80) -> None:
    """Press Tab until ``target`` has the focus, checking the focus at every step."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} was not reached with Tab")


def press(page: Page, key: str) -> None:
    page.keyboard.press(key)
    assert_focus_visible(page)


def follow(page: Page) -> None:
    """Enter on a link or submit button: a new page loads and starts at its top."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_only_at_phone_width(
    live_server,
    browser: Browser,
    pankow: District,  # noqa: F811
) -> None:
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    base = live_server.url

    # Find an organisation with two filters.
    page.goto(f"{base}/en/organisations/")
    # On a phone the filters wait behind the closed "Filter" panel.
    tab_to(page, page.locator(".filter-panel > summary"))
    press(page, "Enter")
    district = page.get_by_label("District")
    tab_to(page, district)
    press(page, "ArrowDown")
    press(page, "Enter")
    expect(page.get_by_role("heading", level=2, name="2 organisations found")).to_be_visible()
    assert_focus_visible(page)
    language = page.get_by_label("Language spoken")
    tab_to(page, language)
    press(page, "ArrowDown")
    press(page, "Enter")
    expect(page.get_by_role("heading", level=2, name="1 organisation found")).to_be_visible()
    assert_focus_visible(page)
    tab_to(page, page.get_by_role("link", name="Frauenforum Pankow"))
    follow(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Frauenforum Pankow")

    # Sign up for an event.
    event = EventFactory(title="Runder Tisch Pankow")
    page.goto(f"{base}/en/events/{event.slug}/")
    tab_to(page, page.locator(".signup-box").get_by_role("link", name="Sign up now"))
    follow(page)
    tab_to(page, page.get_by_label("Your name"))
    page.keyboard.type("Amal Haddad")
    tab_to(page, page.get_by_label("Your e-mail address"))
    page.keyboard.type("amal@example.org")
    tab_to(page, page.get_by_label("I agree that my details are stored"))
    press(page, "Space")
    tab_to(page, page.locator("form.form").get_by_role("button", name="Sign up"))
    follow(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Please look in your e-mail")
    assert Registration.objects.filter(email="amal@example.org").exists()

    # Register an organisation, make a mistake, correct it.
    OrganisationKindFactory(name_en="Registered association")
    log_in_by_cookie(page, live_server, UserFactory())
    page.goto(f"{base}/en/register/")
    tab_to(page, page.get_by_label("Name of your organisation"))
    page.keyboard.type("Sprachbrücke Nord")
    follow(page)
    tab_to(page, page.get_by_role("link", name="Create a new entry"))
    follow(page)
    tab_to(page, page.get_by_label("Kind"))
    press(page, "ArrowDown")
    tab_to(page, page.get_by_label("E-mail"))
    page.keyboard.type("not-an-address")
    tab_to(page, page.get_by_role("button", name="Save draft"))
    follow(page)
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert_focus_visible(page)
    press(page, "Tab")
    press(page, "Enter")
    email = page.get_by_label("E-mail")
    expect(email).to_be_focused()
    assert_focus_visible(page)
    press(page, "Control+A")
    page.keyboard.type("kontakt@sprachbruecke.example.org")
    tab_to(page, page.get_by_role("button", name="Save draft"))
    follow(page)
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    assert Organisation.objects.filter(name="Sprachbrücke Nord").exists()
    context.close()


def test_a_long_language_list_narrows_as_you_type(live_server, page: Page) -> None:
    # Names come from CLDR: fifteen real languages make the list long enough to be searchable.
    codes = ["ar", "tr", "fa", "de", "en", "ru", "uk", "pl", "es", "fr", "it", "ps", "ti", "so"]
    for code in codes:
        LanguageFactory(code=code)
    log_in_by_cookie(page, live_server, UserFactory())
    page.goto(f"{live_server.url}/en/register/new/?name=X")
    search = page.get_by_label("Narrow down the list").first
    search.fill("turk")
    languages = page.get_by_role("group", name="Languages spoken")
    expect(languages.get_by_role("checkbox", name="Turkish")).to_be_visible()
    expect(languages.get_by_role("checkbox", name="Arabic")).to_be_hidden()
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/register/new/\?name=X$"))
    assert Organisation.objects.count() == 0
