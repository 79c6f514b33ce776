"""Event sign-up end to end in a real Chromium, with and without JavaScript: sign up without an
account, read the mail, open the private link, cancel; the first on the waiting list moves up
and is mailed; an organiser exports the CSV and checks someone in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from events.models import Registration
from tests.factories import (
    PASSWORD,
    DistrictStaffFactory,
    EventFactory,
    RegistrationFactory,
    totp_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def private_link(live_server, email: str) -> str:
    message = next(m for m in mail.outbox if m.to == [email])
    url = re.search(r"https?://\S+/events/registration/\S+/", message.body)
    assert url, message.body
    return live_server.url + "/" + url.group(0).split("://", 1)[1].split("/", 1)[1]


def sign_up(page: Page, live_server, slug: str, name: str, email: str) -> None:
    page.goto(f"{live_server.url}/en/events/{slug}/")
    page.locator(".signup-box").get_by_role(
        "link", name=re.compile("Sign up now|Join the waiting list")
    ).click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your e-mail address").fill(email)
    page.get_by_label("I agree that my details are stored").check()
    page.locator("form.form").get_by_role(
        "button", name=re.compile("Sign up|Join the waiting list")
    ).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_sign_up_cancel_promotion_csv_and_check_in(
    live_server, browser: Browser, javascript: bool, tmp_path: Path
) -> None:
    staff = DistrictStaffFactory()
    event = EventFactory(title="Runder Tisch Pankow", capacity=1, organiser_district=staff.district)
    context = browser.new_context(java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    page = context.new_page()

    # Amal signs up without an account and gets the last seat.
    # The page after a sign-up says the same for every address (nobody learns who else signed
    # up); the e-mail's private link tells each person where they stand.
    sign_up(page, live_server, event.slug, "Amal Haddad", "amal@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("Please look in your e-mail")
    # Bea comes too late and joins the waiting list.
    sign_up(page, live_server, event.slug, "Bea Nowak", "bea@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("Please look in your e-mail")
    page.goto(private_link(live_server, "bea@example.org"))
    expect(page.locator("main")).to_contain_text("You are number 1 on the waiting list")

    # Amal reads her mail, opens the private link and cancels.
    confirmation = next(m for m in mail.outbox if m.to == ["amal@example.org"])
    assert confirmation.attachments[0][0].endswith(".ics")
    page.goto(private_link(live_server, "amal@example.org"))
    expect(page.locator("main")).to_contain_text("Your seat is confirmed.")
    page.get_by_role("link", name="Cancel my sign-up").click()
    page.get_by_role("button", name="Yes, cancel my sign-up").click()
    expect(page.locator("main")).to_contain_text("You have cancelled this sign-up.")

    # Bea moves up and is told by e-mail.
    bea = Registration.objects.get(email="bea@example.org")
    assert bea.status == Registration.Status.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == ["bea@example.org"]]
    assert len(promoted) == 2 and "seat is free" in promoted[-1].subject
    page.goto(private_link(live_server, "bea@example.org"))
    expect(page.locator("main")).to_contain_text("Your seat is confirmed.")

    # The organiser logs in, exports the CSV and checks Bea in at the door.
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(staff.user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code())  # staff: the second factor
    page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page.locator(".account-nav__user")).to_be_attached()  # logged in
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    page.get_by_role("link", name="Registrations", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Registrations")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export as CSV").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Bea Nowak" in csv_text and "Amal Haddad" in csv_text
    page.get_by_role("link", name="Check-in at the door").first.click()
    expect(page.locator(".check-in__count")).to_have_text("0 of 1 seats checked in")
    page.get_by_role("button", name=re.compile(r"^Check in\W+Bea Nowak$")).click()
    expect(page.locator(".check-in__count")).to_have_text("1 of 1 seats checked in")
    bea.refresh_from_db()
    assert bea.status == Registration.Status.ATTENDED
    context.close()


def test_a_family_larger_than_the_free_seats_chooses_at_phone_width_by_keyboard(
    live_server, browser: Browser
) -> None:
    event = EventFactory(title="Elterncafé", capacity=3, max_seats_per_signup=4)
    RegistrationFactory(event=event)
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{live_server.url}/en/events/{event.slug}/register/")
    page.get_by_label("Your name").fill("Family Haddad")
    page.get_by_label("Your e-mail address").fill("haddad@example.org")
    page.get_by_label("Number of seats").fill("4")
    page.get_by_label("I agree that my details are stored").check()
    page.get_by_role("button", name="Sign up now").click()

    expect(page.get_by_role("heading", name="Only 2 seats are free")).to_be_visible()
    take = page.get_by_role("button", name="Take the 2 free seats")
    expect(take).to_be_focused()
    wait = page.get_by_role("button", name="Join the waiting list with all 4 seats")
    expect(wait).to_be_visible()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Please look in your e-mail")
    registration = event.registrations.get(email="haddad@example.org")
    assert (registration.status, registration.seats) == ("confirmed", 2)


def test_a_district_and_an_organisation_run_a_round_table_together(
    live_server, browser: Browser
) -> None:
    from tests.browser.test_forms import log_in_by_cookie
    from tests.factories import MembershipFactory, OrganisationFactory

    staff = DistrictStaffFactory(district__name="Pankow")
    verein = OrganisationFactory(name="Verein Brücke", districts=[staff.district])
    editor = MembershipFactory(organisation=verein, role="editor").user
    outsider = MembershipFactory(organisation=OrganisationFactory(name="Dritter Verein")).user
    event = EventFactory(title="Runder Tisch Wohnen", organiser_district=staff.district)
    RegistrationFactory(event=event, name="Amal Haddad")
    base = f"{live_server.url}/en/events/{event.slug}/"

    # The district office adds the organisation as a co-organiser (no JavaScript needed).
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in_by_cookie(page, live_server, staff.user)
    page.goto(base)
    page.get_by_role("link", name="Organisers").click()
    page.get_by_label("Organise together with").select_option(label="Verein Brücke")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("main")).to_contain_text("Verein Brücke now organises the event with you.")
    page.goto(base)
    expect(page.locator("main")).to_contain_text("District office Pankow and Verein Brücke")
    context.close()

    # Both organisers' people see the registrations; a third organisation does not.
    for user, status in ((editor, 200), (staff.user, 200), (outsider, 403)):
        context = browser.new_context()
        page = context.new_page()
        log_in_by_cookie(page, live_server, user)
        response = page.goto(base + "registrations/")
        assert response is not None and response.status == status
        if status == 200:
            expect(page.locator("main")).to_contain_text("Amal Haddad")
        context.close()
