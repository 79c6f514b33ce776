import pytest
from django.core import mail  # noqa: F401  (keeps locmem mail loaded for every test here)
from django.db import DatabaseError, connection
from django.test import Client

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
