"""The feedback on barriers, sent the way a keyboard user sends it, in a real Chromium."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reports_a_barrier_with_the_keyboard_alone(
    live_server, page: Page, settings
) -> None:
    settings.ACCESSIBILITY_CONTACT_EMAIL = "barrierefrei@bezirk.example"
    page.goto(live_server.url + "/de/accessibility/")
    feedback_link = page.get_by_role("link", name="Schreiben Sie uns über das Feedback-Formular")
    feedback_link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Barriere melden")

    page.get_by_label("Was hat für Sie nicht funktioniert?").focus()
    page.keyboard.type("Kurz")
    for _ in range(3):  # to the e-mail field, past the page and the name
        page.keyboard.press("Tab")
    expect(page.get_by_label("Ihre E-Mail-Adresse")).to_be_focused()
    page.keyboard.type("amal@")
    page.keyboard.press("Enter")

    # Refused: the messages stand next to the fields and what was typed is still there.
    expect(page.locator(".error-summary")).to_contain_text("Bitte schreiben Sie etwas mehr")
    # The summary takes the focus once the page has loaded; only then does the visitor go on typing
    # (typing earlier would race the script that moves the focus).
    expect(page.locator("[data-error-summary]")).to_be_focused()
    message = page.get_by_label("Was hat für Sie nicht funktioniert?")
    expect(message).to_have_value("Kurz")
    expect(message).to_have_attribute("aria-invalid", "true")
    message.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(": die Karte lässt sich nicht mit der Tastatur verschieben.")
    outline = message.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"  # focus is visible
    email = page.get_by_label("Ihre E-Mail-Adresse")
    email.fill("amal@example.org")
    email.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Vielen Dank für Ihre Rückmeldung")
    assert mail.outbox[-1].to == ["barrierefrei@bezirk.example"]
    assert "Kurz: die Karte" in mail.outbox[-1].body
