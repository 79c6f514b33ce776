"""The registration journey in a real Chromium: sign up, register, review, publish, claim."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from organisations.models import Organisation, OrganisationMembership, OwnershipClaim
from tests.factories import (
    PASSWORD,
    DistrictFactory,
    DistrictStaffFactory,
    LanguageFactory,
    OrganisationFactory,
    OrganisationKindFactory,
    UserFactory,
    totp_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/2fa/authenticate/" in page.url:  # staff: the code of their authenticator app
        page.get_by_label("Code").fill(totp_code())
        page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page.locator(".account-nav__user")).to_be_attached()  # logged in


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_representative_registers_and_staff_review_and_publish(
    live_server, page: Page, browser: Browser
) -> None:
    base = live_server.url
    pankow = DistrictFactory(name="Pankow")
    DistrictFactory(name="Spandau")
    staff = DistrictStaffFactory(district=pankow, user__email="staff@pankow.example.org").user
    OrganisationKindFactory(name_en="Registered association")
    LanguageFactory(code="ar")

    # Sign up and verify through the link in the (in-memory) e-mail.
    page.goto(base + "/en/accounts/signup/")
    page.get_by_label("Email").fill("rana@example.org")
    page.get_by_label("Your name").fill("Rana")
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("I have read the privacy policy").check()
    page.get_by_role("button", name="Sign Up").click()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    assert link
    page.goto(base + path_of(link.group(0)))
    page.get_by_role("button", name="Confirm").click()

    # The next step is obvious: register the organisation.
    expect(page.get_by_role("heading", level=1)).to_have_text("My organisations")
    page.get_by_role("main").get_by_role("link", name="Register your organisation").click()
    page.get_by_label("Name of your organisation").fill("Sprachbrücke Nord")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="No similar entry found")).to_be_visible()
    page.get_by_role("link", name="Create a new entry").click()

    # One invalid field: nothing typed is lost.
    expect(page.get_by_label("Name", exact=False).first).to_have_value("Sprachbrücke Nord")
    page.get_by_label("Kind").select_option(label="Registered association")
    page.get_by_label("Description", exact=True).fill(
        "Wir übersetzen ehrenamtlich bei Elternabenden."
    )
    page.get_by_role("checkbox", name="Pankow").check()
    page.get_by_role("checkbox", name=re.compile("Arabic")).check()
    page.get_by_label("E-mail").fill("not-an-address")
    page.get_by_label("No public address").check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#id_email_error")).to_contain_text("Enter a valid email address.")
    expect(page.get_by_label("Description", exact=True)).to_have_value(
        "Wir übersetzen ehrenamtlich bei Elternabenden."
    )
    expect(page.get_by_role("checkbox", name="Pankow")).to_be_checked()
    assert not Organisation.objects.exists()

    page.get_by_label("E-mail").fill("kontakt@sprachbruecke.example.org")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    entry = Organisation.objects.get(name="Sprachbrücke Nord")
    assert entry.status == Organisation.Status.DRAFT

    mail.outbox.clear()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Your entry is submitted for review.")).to_be_visible()
    entry.refresh_from_db()
    assert entry.status == Organisation.Status.PENDING
    assert [m.to for m in mail.outbox] == [[staff.email]]

    # Staff ask for changes.
    staff_context = browser.new_context()
    staff_page = staff_context.new_page()
    staff_page.set_default_timeout(10_000)
    log_in(staff_page, base, staff.email)
    staff_page.get_by_role("link", name=re.compile("Review queue")).first.click()
    staff_page.get_by_role("link", name="Sprachbrücke Nord").click()
    staff_page.get_by_label("What should be changed?").fill("Bitte nennen Sie Ihre Angebote.")
    staff_page.get_by_role("button", name="Ask for changes").click()
    expect(staff_page.get_by_text("The organisation is asked for changes.")).to_be_visible()
    assert "Bitte nennen Sie Ihre Angebote." in mail.outbox[-1].body

    # The representative sees the message, edits and resubmits.
    page.reload()
    expect(page.get_by_text("Bitte nennen Sie Ihre Angebote.")).to_be_visible()
    page.get_by_role("link", name="Edit the entry").click()
    page.get_by_label("Description", exact=True).fill(
        "Wir übersetzen ehrenamtlich bei Elternabenden. Angebot: Sprachcafé dienstags."
    )
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("Your entry is submitted for review.")).to_be_visible()
    entry.refresh_from_db()
    assert entry.status == Organisation.Status.PENDING

    # Staff publish; the entry is public.
    staff_page.goto(base + "/en/review/")
    expect(
        staff_page.get_by_role("heading", name=re.compile("Resubmitted entries"))
    ).to_contain_text("1")
    staff_page.get_by_role("link", name="Sprachbrücke Nord").click()
    staff_page.get_by_role("button", name="Publish").click()
    entry.refresh_from_db()
    assert entry.status == Organisation.Status.PUBLISHED

    visitor = browser.new_context().new_page()
    visitor.goto(base + entry.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Sprachbrücke Nord")
    staff_context.close()


def test_a_second_person_claims_a_seeded_entry_and_staff_approve(
    live_server, page: Page, browser: Browser
) -> None:
    base = live_server.url
    pankow = DistrictFactory(name="Pankow")
    staff = DistrictStaffFactory(district=pankow).user
    seeded = OrganisationFactory(name="Brücke der Kulturen", districts=[pankow])
    person = UserFactory(email="cem@example.org")

    log_in(page, base, person.email)
    page.goto(base + "/en/register/")
    page.get_by_label("Name of your organisation").fill("Bruecke der Kulturen")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Is your organisation one of these?")).to_be_visible()
    page.get_by_role("link", name=re.compile("This is us")).click()
    page.get_by_label("How are you connected").fill("Ich bin im Vorstand.")
    page.get_by_role("button", name="Send claim").click()
    expect(page.get_by_text("District staff will check your claim")).to_be_visible()
    assert OwnershipClaim.objects.get().status == "pending"

    staff_page = browser.new_context().new_page()
    staff_page.set_default_timeout(10_000)
    log_in(staff_page, base, staff.email)
    staff_page.goto(base + "/en/review/")
    staff_page.locator("#section-claims + ul").get_by_role("link").click()
    expect(staff_page.get_by_text("Ich bin im Vorstand.")).to_be_visible()
    staff_page.get_by_role("button", name=re.compile("Approve claim")).click()
    expect(staff_page.get_by_text("is now an owner of the entry")).to_be_visible()

    membership = OrganisationMembership.objects.get(user=person, organisation=seeded)
    assert membership.role == OrganisationMembership.Role.OWNER
    page.goto(base + "/en/my-organisations/")
    page.get_by_role("link", name="Brücke der Kulturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brücke der Kulturen")
    expect(page.get_by_role("button", name="Yes, the entry is still correct")).to_be_visible()


def test_registration_and_review_pages_have_no_serious_accessibility_findings(
    live_server, browser: Browser
) -> None:
    from tests.factories import MembershipFactory, OfferFactory, ProblemReportFactory
    from tests.quality import axe_findings

    base = live_server.url
    pankow = DistrictFactory(name="Pankow")
    staff = DistrictStaffFactory(district=pankow).user
    entry = OrganisationFactory(name="Brücke der Kulturen", districts=[pankow])
    owner = MembershipFactory(organisation=entry).user
    OfferFactory(organisation=entry)
    ProblemReportFactory(organisation=entry)
    findings = []
    for user, paths in (
        (
            owner,
            [
                "/de/my-organisations/",
                "/de/register/?name=Bruecke",
                "/de/register/new/",
                f"/de/manage/{entry.slug}/",
                f"/de/manage/{entry.slug}/edit/",
                f"/de/manage/{entry.slug}/offers/",
                f"/de/manage/{entry.slug}/offers/new/",
                f"/de/manage/{entry.slug}/members/",
                "/de/accounts/privacy/",
                "/de/accounts/delete/",
            ],
        ),
        (staff, ["/de/review/", f"/de/review/{entry.slug}/", "/de/review/changes/"]),
    ):
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(10_000)
        log_in(page, base, user.email)
        for path in paths:
            page.goto(base + path)
            findings += [f"{path}: {finding}" for finding in axe_findings(page)]
        context.close()
    assert findings == [], "\n".join(findings)
