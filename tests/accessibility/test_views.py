"""The accessibility statement, the feedback form, Leichte Sprache and sign language (BITV 2.0)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
PAGES = ["accessibility", "accessibility/feedback", "leichte-sprache", "gebaerdensprache"]


def feedback_data(**overrides: str) -> dict[str, str]:
    data = {
        "message": "The map cannot be moved with the keyboard.",
        "page": "/de/organisations/map/",
        "name": "Amal Haddad",
        "email": "amal@example.org",
    }
    data.update(overrides)
    return data


def errors_next_to(html: str, field: str) -> str:
    """The text of the error list tied to the field, '' when the field has none."""
    match = re.search(rf'<div class="field__error" id="id_{field}_error">(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


# --- Every page in every interface language ----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_accessibility_pages_answer_in_every_interface_language(
    client: Client, django_assert_max_num_queries, language: str, page: str
) -> None:
    with django_assert_max_num_queries(2):
        response = client.get(f"/{language}/{page}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("de", "Erklärung zur Barrierefreiheit"),
        ("en", "Accessibility statement"),
        ("ar", "بيان إمكانية الوصول"),
        ("tr", "Erişilebilirlik beyanı"),
        ("uk", "Заява про доступність"),
    ],
)
def test_statement_is_translated(client: Client, language: str, heading: str) -> None:
    html = client.get(f"/{language}/accessibility/").content.decode()
    assert f"<h1>{heading}</h1>" in html


def test_translations_of_the_statement_point_to_the_binding_german_version(client: Client) -> None:
    assert (
        'href="/de/accessibility/" hreflang="de"'
        in client.get("/fa/accessibility/").content.decode()
    )
    assert (
        'hreflang="de"'
        not in client.get("/de/accessibility/").content.decode().split("<main")[1].split("</h1>")[0]
    )


def test_statement_names_the_status_the_barriers_and_the_federal_arbitration_board(
    client: Client,
) -> None:
    html = client.get("/de/accessibility/").content.decode()
    assert "teilweise" in html
    assert "Karte" in html
    assert "§ 16" in html
    assert "Mauerstraße 53, 10117 Berlin" in html
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in html
    assert 'href="/de/accessibility/feedback/"' in html


def test_statement_shows_the_configured_contact_dates_and_enforcement_body(
    client: Client, settings: Settings
) -> None:
    settings.ACCESSIBILITY_CONTACT_EMAIL = "barrierefrei@bezirk.example"
    settings.ACCESSIBILITY_CONTACT_NAME = "Integrationsbüro Pankow"
    settings.ACCESSIBILITY_CONTACT_PHONE = "+49 30 1234 56"
    settings.ACCESSIBILITY_STATEMENT_DATE = datetime.date(2027, 3, 1)
    settings.ACCESSIBILITY_EVALUATION_DATE = datetime.date(2027, 2, 14)
    settings.ACCESSIBILITY_ENFORCEMENT_NAME = "Schlichtungsstelle nach § 33 LGBG"
    settings.ACCESSIBILITY_ENFORCEMENT_URL = (
        "https://www.berlin.de/lb/behi/themen/schlichtungsstelle/"
    )
    settings.ACCESSIBILITY_ENFORCEMENT_ADDRESS = ""
    settings.ACCESSIBILITY_ENFORCEMENT_EMAIL = ""
    settings.ACCESSIBILITY_ENFORCEMENT_PHONE = ""
    html = client.get("/de/accessibility/").content.decode()
    assert 'href="mailto:barrierefrei@bezirk.example"' in html
    assert "Integrationsbüro Pankow" in html
    assert 'href="tel:+4930123456"' in html
    assert "1. März 2027" in html
    assert "14. Februar 2027" in html
    assert "Schlichtungsstelle nach § 33 LGBG" in html
    assert 'href="https://www.berlin.de/lb/behi/themen/schlichtungsstelle/"' in html
    assert "§ 16" not in html
    assert "Mauerstraße" not in html


# --- Feedback form ---------------------------------------------------------------------------


def test_feedback_is_mailed_to_the_configured_contact(client: Client, settings: Settings) -> None:
    settings.ACCESSIBILITY_CONTACT_EMAIL = "barrierefrei@bezirk.example"
    response = client.post("/uk/accessibility/feedback/", feedback_data(), follow=True)
    assert response.redirect_chain == [("/uk/accessibility/", 302)]
    assert "Дякуємо" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["barrierefrei@bezirk.example"]
    assert message.reply_to == ["amal@example.org"]
    assert "Barrierefreiheit" in message.subject  # in German, the binding language
    assert "The map cannot be moved with the keyboard." in message.body
    assert "/de/organisations/map/" in message.body
    assert "uk" in message.body


def test_feedback_without_an_address_is_sent_without_reply_to(client: Client) -> None:
    client.post("/de/accessibility/feedback/", feedback_data(name="", email=""))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].reply_to == []


def test_bad_feedback_is_refused_next_to_the_fields_and_nothing_typed_is_lost(
    client: Client,
) -> None:
    response = client.post(
        "/de/accessibility/feedback/", feedback_data(message="kurz", email="amal@")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "mindestens 10 Zeichen" in errors_next_to(html, "message")
    assert errors_next_to(html, "email")
    assert not errors_next_to(html, "name")
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'value="amal@"' in html
    assert 'value="Amal Haddad"' in html
    assert re.search(r'name="message"[^>]*>\s*kurz</textarea>', html)
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html  # the summary leads to the field
    assert "<title>Fehler:" in html
    assert mail.outbox == []


def test_an_empty_message_is_refused(client: Client) -> None:
    response = client.post("/de/accessibility/feedback/", feedback_data(message=" "))
    assert errors_next_to(response.content.decode(), "message")
    assert mail.outbox == []


def test_feedback_is_rate_limited_per_ip_address(client: Client, settings: Settings) -> None:
    settings.ACCESSIBILITY_FEEDBACK_LIMIT_PER_IP = 2
    for _ in range(2):
        assert client.post("/de/accessibility/feedback/", feedback_data()).status_code == 302
    response = client.post("/de/accessibility/feedback/", feedback_data())
    assert response.status_code == 429
    assert 'value="Amal Haddad"' in response.content.decode()
    assert len(mail.outbox) == 2


def test_feedback_form_takes_the_page_from_the_link(client: Client) -> None:
    html = client.get("/de/accessibility/feedback/?page=/de/events/").content.decode()
    assert 'value="/de/events/"' in html


# --- Leichte Sprache and sign language -------------------------------------------------------


def test_easy_read_is_german_on_every_prefix_with_a_note_on_the_others(client: Client) -> None:
    german = client.get("/de/leichte-sprache/").content.decode()
    arabic = client.get("/ar/leichte-sprache/").content.decode()
    for html in (german, arabic):
        assert '<article class="easy-read" lang="de">' in html
        assert "Was ist Migra Hub?" in html
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'class="note"' in arabic
    assert 'class="note"' not in german


def test_sign_language_page_says_the_video_is_being_produced_until_one_is_configured(
    client: Client, settings: Settings
) -> None:
    settings.SIGN_LANGUAGE_VIDEO_URL = ""
    html = client.get("/de/gebaerdensprache/").content.decode()
    assert "wird gerade produziert" in html
    settings.SIGN_LANGUAGE_VIDEO_URL = "https://video.example.org/dgs-migra-hub"
    html = client.get("/de/gebaerdensprache/").content.decode()
    assert 'href="https://video.example.org/dgs-migra-hub"' in html
    assert "wird gerade produziert" not in html


def test_footer_links_to_accessibility_easy_read_and_sign_language(client: Client) -> None:
    footer = client.get("/de/").content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="/de/accessibility/">Barrierefreiheit</a>' in footer
    assert '<a href="/de/leichte-sprache/" lang="de" hreflang="de">Leichte Sprache</a>' in footer
    assert '<a href="/de/gebaerdensprache/">Gebärdensprache</a>' in footer
