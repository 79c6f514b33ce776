import pytest
from django.core import mail  # noqa: F401  (keeps locmem mail loaded for every test here)
from django.db import DatabaseError, connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_language_the_browser_prefers(client: Client) -> None:
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_to_german_by_default(client: Client) -> None:
    response = client.get("/")
    assert response["Location"] == "/de/"


@pytest.mark.parametrize(
    ("url", "text"),
    [("/de/", "Migrant*innenorganisationen"), ("/en/", "Migrant organisations and districts")],
)
def test_home_page_is_translated(client: Client, url: str, text: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_home_page_sets_language_and_direction(client: Client) -> None:
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html


def test_home_page_leads_to_directory_networks_and_events(client: Client) -> None:
    html = client.get("/de/").content.decode()
    for path in ("/de/organisations/", "/de/networks/", "/de/events/"):
        assert f'href="{path}"' in html


def test_language_switch_keeps_the_page(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/de/privacy/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/privacy/"


@pytest.mark.parametrize("name", ["imprint", "privacy", "accessibility"])
def test_footer_pages_exist_in_both_languages(client: Client, name: str) -> None:
    for language in ("de", "en"):
        response = client.get(f"/{language}/{name}/")
        assert response.status_code == 200
    assert f'href="/de/{name}/"' in client.get("/de/").content.decode()


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client: Client) -> None:
    policy = client.get("/de/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_healthz_answers_200_with_the_database_up(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_fails(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_cursor(*args: object, **kwargs: object) -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_healthz_has_no_language_prefix(client: Client) -> None:
    assert client.get("/de/healthz").status_code == 404


def test_language_switch_works_when_the_browser_prefers_another_language(client: Client) -> None:
    response = client.post(
        "/i18n/setlang/",
        {"language": "en", "next": "/de/privacy/"},
        headers={"accept-language": "en-US,en;q=0.9"},
    )
    assert response["Location"] == "/en/privacy/"
    response = client.post(
        "/i18n/setlang/",
        {"language": "de", "next": "/en/privacy/"},
        headers={"accept-language": "en-US,en;q=0.9"},
    )
    assert response["Location"] == "/de/privacy/"


# --- The main call to action of the home page follows the person's role -----------------------


def english_url(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def home_callout(client: Client) -> str:
    html = client.get("/en/").content.decode()
    return html.split('aria-labelledby="next-heading"')[1].split("</section>")[0]


def test_visitors_are_invited_to_sign_up_and_register(client: Client) -> None:
    callout = home_callout(client)
    assert "Is your organisation missing?" in callout
    assert 'href="/en/accounts/signup/"' in callout


def test_district_staff_are_led_to_their_review_queue_not_to_registering(
    cast,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    client = client_for(cast.staff)
    callout = home_callout(client)
    assert f'href="{english_url("organisations:review_queue")}"' in callout
    assert "Open the review queue" in callout
    assert "Register your organisation" not in client.get("/en/").content.decode()


def test_members_are_led_to_their_organisations(cast, client_for) -> None:  # type: ignore[no-untyped-def]
    callout = home_callout(client_for(cast.owner))
    assert f'href="{english_url("organisations:mine")}"' in callout
    assert "Register your organisation" not in callout


def test_people_without_an_organisation_are_led_to_register_one(cast, client_for) -> None:  # type: ignore[no-untyped-def]
    callout = home_callout(client_for(cast.outsider))
    assert 'href="/en/register/"' in callout
