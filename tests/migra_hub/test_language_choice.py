"""Choosing the language: the page's lang and dir, the switcher, the browser's preference at `/`,
and the language an event sign-up's mails are written in."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from events.models import Registration
from events.services import registration_cancel
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

SEVEN = [
    ("de", "ltr"),
    ("en", "ltr"),
    ("ar", "rtl"),
    ("fa", "rtl"),
    ("tr", "ltr"),
    ("uk", "ltr"),
    ("ru", "ltr"),
]


def in_language(language: str, msgid: str, **values: str) -> str:
    """The text of an interface string in ``language``; fails if the catalogue lacks it."""
    with translation.override(language):
        text = gettext(msgid)
    assert text != msgid, f"not translated into {language}: {msgid!r}"
    return text % values if values else text


@pytest.mark.parametrize(("language", "direction"), SEVEN)
def test_every_page_names_its_language_and_direction(
    client: Client, language: str, direction: str
) -> None:
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ar,en;q=0.5", "/ar/"),
        ("uk-UA,uk;q=0.9,ru;q=0.8", "/uk/"),
        ("tr-TR", "/tr/"),
        ("fa-IR,fa;q=0.9", "/fa/"),
        ("sw-KE,sw;q=0.9", "/de/"),
    ],
)
def test_root_follows_the_browsers_preferred_language(
    client: Client, accept: str, expected: str
) -> None:
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_names_each_language_in_itself_with_its_lang(client: Client) -> None:
    html = client.get("/ar/").content.decode()
    for code, name in [
        ("de", "Deutsch"),
        ("en", "English"),
        ("fa", "فارسی"),
        ("tr", "Türkçe"),
        ("uk", "Українська"),
        ("ru", "Русский"),
    ]:
        direction = dict(SEVEN)[code]
        assert f'value="{code}" lang="{code}" dir="{direction}">{name}</button>' in html
    assert 'lang="ar" dir="rtl" aria-current="true">العربية</span>' in html


def test_switcher_keeps_the_current_page_and_its_filters(client: Client) -> None:
    html = client.get("/de/organisations/?q=Beratung&page=1").content.decode()
    assert 'name="next" value="/de/organisations/?q=Beratung&amp;page=1"' in html
    response = client.post(
        "/i18n/setlang/",
        {"language": "ar", "next": "/de/organisations/?q=Beratung&page=1"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/organisations/?q=Beratung&page=1"


def test_switching_language_sets_the_cookie_so_root_remembers_it(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "fa", "next": "/de/"})
    assert client.get("/", headers={"accept-language": "de"})["Location"] == "/fa/"


def test_sign_up_on_a_ukrainian_page_confirms_and_promotes_in_ukrainian(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/de/events/{event.slug}/register/",
            {"name": "Jonas", "email": "jonas@example.org", "consent": "on", "website": ""},
        )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/uk/events/{event.slug}/register/",
            {"name": "Olena", "email": "olena@example.org", "consent": "on", "website": ""},
        )
    olena = Registration.objects.get(email="olena@example.org")
    assert olena.language == "uk"
    assert olena.status == Registration.Status.WAITLISTED
    waitlisted = mail.outbox[-1]
    assert waitlisted.to == ["olena@example.org"]
    assert "/uk/events/registration/" in waitlisted.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=Registration.objects.get(email="jonas@example.org"))
    promoted = next(m for m in mail.outbox if m.to == ["olena@example.org"])
    assert promoted.subject == settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + in_language(
        "uk", "A seat is free for you: %(title)s", title=event.title
    )
    assert "/uk/events/registration/" in promoted.body


def test_sign_up_on_a_ukrainian_page_is_confirmed_in_ukrainian(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/uk/events/{event.slug}/register/",
            {"name": "Olena", "email": "olena@example.org", "consent": "on", "website": ""},
        )
    assert mail.outbox[0].subject == settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + in_language(
        "uk", "Your sign-up is confirmed: %(title)s", title=event.title
    )


def test_a_signed_in_persons_event_mail_follows_the_page_not_the_account(
    client: Client, django_capture_on_commit_callbacks, cast
) -> None:
    cast.outsider.language = "tr"
    cast.outsider.save(update_fields=["language"])
    client.force_login(cast.outsider)
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/uk/events/{event.slug}/register/",
            {"name": "Olena", "email": cast.outsider.email, "consent": "on", "website": ""},
        )
    assert Registration.objects.get().language == "uk"
    assert mail.outbox[-1].subject == settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + in_language(
        "uk", "Your sign-up is confirmed: %(title)s", title=event.title
    )
