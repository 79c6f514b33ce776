"""Journeys in a real Chromium: the language switch and signing up."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import Page, expect

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_language_and_signs_up(live_server, page: Page) -> None:
    page.goto(live_server.url + "/de/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Migrant*innenorganisationen und Bezirke, verbunden"
    )
    page.locator(".language-switcher summary").click()  # the drop-down with the current language
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(live_server.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("main").get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("amal@example.org")
    page.get_by_label("Your name").fill("Amal")
    page.get_by_label("Password (required)", exact=True).fill("a-long-test-password-42")
    page.get_by_label("Password (again)").fill("a-long-test-password-42")
    page.get_by_label("I have read the privacy policy").check()
    page.get_by_role("button", name="Sign Up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert User.objects.filter(email="amal@example.org").exists()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    assert link
    page.goto(live_server.url + "/" + link.group(0).split("://", 1)[1].split("/", 1)[1])
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("navigation", name="Your account")).to_contain_text("Amal")
    assert EmailAddress.objects.get(email="amal@example.org").verified


def test_language_switch_works_without_javascript(live_server, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/de/privacy/")
    page.locator(".language-switcher summary").click()  # the drop-down with the current language
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(live_server.url + "/en/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy policy")
    context.close()
