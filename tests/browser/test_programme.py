"""An event's programme end to end in a real Chromium: an organiser adds a panel and two
workshops of ten seats on the programme page; a visitor signs up and chooses a workshop; a full
workshop is refused next to its field."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from events.models import ProgrammePart, Registration
from tests.factories import (
    PASSWORD,
    DistrictStaffFactory,
    EventFactory,
    RegistrationFactory,
    totp_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_as_staff(page: Page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code())  # staff: the second factor
    page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page.locator(".account-nav__user")).to_be_attached()


def add_part(
    page: Page, title: str, kind: str, starts: datetime.datetime, capacity: str = ""
) -> None:
    page.get_by_role("link", name="Add a part").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Kind").select_option(label=kind)
    page.get_by_label("Starts").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends").fill(
        (starts + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    )
    if capacity:
        page.get_by_label("Seats in the workshop").fill(capacity)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message--success")).to_contain_text("The programme is saved.")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_organiser_builds_a_programme_and_a_visitor_chooses_a_workshop(
    live_server, browser: Browser, javascript: bool
) -> None:
    staff = DistrictStaffFactory()
    start = (timezone.localtime() + datetime.timedelta(days=7)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    event = EventFactory(
        title="Runder Tisch Pankow",
        organiser_district=staff.district,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        capacity=60,
    )
    context = browser.new_context(java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    page = context.new_page()

    # The organiser opens the programme from the event page and adds three parts.
    log_in_as_staff(page, live_server, staff.user.email)
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    page.get_by_role("link", name="Programme and speakers").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Programme")
    add_part(page, "Podium: Teilhabe im Bezirk", "panel", start)
    hour = datetime.timedelta(hours=1)
    add_part(page, "Workshop A: Arbeit", "workshop", start + hour, capacity="10")
    add_part(page, "Workshop B: Kita", "workshop", start + hour, capacity="10")
    workshop_a = ProgrammePart.objects.get(title="Workshop A: Arbeit")
    assert (workshop_a.kind, workshop_a.capacity) == ("workshop", 10)
    assert event.programme_parts.count() == 3
    # Nine people are in workshop A already: one seat is left.
    RegistrationFactory.create_batch(9, event=event, workshop=workshop_a)
    context.clear_cookies()

    # A visitor sees the schedule and signs up for workshop A, taking its last seat.
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    schedule = page.locator(".schedule")
    expect(schedule.locator("h3")).to_have_text(
        ["Podium: Teilhabe im Bezirk", "Workshop A: Arbeit", "Workshop B: Kita"]
    )
    page.locator(".signup-box").get_by_role("link", name="Sign up now").click()
    page.get_by_label("Your name").fill("Amal Haddad")
    page.get_by_label("Your e-mail address").fill("amal@example.org")
    page.get_by_label("Which workshop do you join?").select_option(
        label="Workshop A: Arbeit (18:00–19:00) – 1 seat left"
    )
    page.get_by_label("I agree that my details are stored").check()
    page.locator("form.form").get_by_role("button", name="Sign up now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please look in your e-mail")
    amal = Registration.objects.get(email="amal@example.org")
    assert amal.workshop == workshop_a and amal.is_confirmed

    # The next visitor finds workshop A full: the error is next to the field, the rest stays.
    page.goto(f"{live_server.url}/en/events/{event.slug}/register/")
    page.get_by_label("Your name").fill("Bea Nowak")
    page.get_by_label("Your e-mail address").fill("bea@example.org")
    page.get_by_label("Which workshop do you join?").select_option(
        label="Workshop A: Arbeit (18:00–19:00) – full"
    )
    page.get_by_label("I agree that my details are stored").check()
    page.locator("form.form").get_by_role("button", name="Sign up now").click()
    expect(page.locator(".error-summary")).to_contain_text("This workshop is full")
    workshop_field = page.get_by_label("Which workshop do you join?")
    expect(workshop_field).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Your name")).to_have_value("Bea Nowak")
    workshop_field.select_option(label="Workshop B: Kita (18:00–19:00) – 10 seats left")
    page.get_by_label("I agree that my details are stored").check()
    page.locator("form.form").get_by_role("button", name="Sign up now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Please look in your e-mail")
    bea = Registration.objects.get(email="bea@example.org")
    assert bea.workshop is not None and bea.workshop.title == "Workshop B: Kita"
    assert Registration.objects.filter(workshop=workshop_a).count() == 10
    context.close()
