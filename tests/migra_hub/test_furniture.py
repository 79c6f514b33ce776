"""Page furniture: favicon, app icons, the web app manifest per language, the print sheet."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_favicon_is_served_at_the_root(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert b"\x89PNG" in body


@pytest.mark.parametrize(
    ("language", "direction", "name"),
    [
        ("de", "ltr", "Migra Hub: Migrant*innenorganisationen, Netzwerke und Veranstaltungen"),
        ("en", "ltr", "Migra Hub: migrant organisations, networks and events"),
        ("ar", "rtl", None),
    ],
)
def test_manifest_is_translated_and_sets_language_and_direction(
    client: Client, language: str, direction: str, name: str | None
) -> None:
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == language
    assert manifest["dir"] == direction
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["short_name"] == "Migra Hub"
    assert manifest["theme_color"] == "#1d4e89"
    if name:
        assert manifest["name"] == name
    else:
        assert manifest["name"] != "Migra Hub: migrant organisations, networks and events"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes


def test_icons_named_in_the_manifest_exist(client: Client) -> None:
    manifest = json.loads(client.get("/en/manifest.webmanifest").content)
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]


def test_every_page_links_icons_manifest_and_print_sheet(client: Client) -> None:
    html = client.get("/de/organisations/").content.decode()
    assert '<link rel="manifest" href="/de/manifest.webmanifest">' in html
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert 'rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png"' in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert '<meta name="theme-color" content="#1d4e89">' in html
