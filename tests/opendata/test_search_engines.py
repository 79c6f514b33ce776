"""What search engines and link previews read: JSON-LD, Open Graph, sitemap.xml, robots.txt,
and the Atom feed of newly published organisations."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

from organisations.models import Organisation
from tests.opendata.conftest import Directory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def jsonld_of(organisation: Organisation) -> dict:
    request = RequestFactory().get("/de/organisations/x/")
    with translation.override("de"):
        html = render_to_string(
            "opendata/_organisation_jsonld.html", {"organisation": organisation}, request=request
        )
    match = re.fullmatch(r'\s*<script type="application/ld\+json">(.*)</script>\s*', html, re.S)
    assert match, html
    return json.loads(match.group(1))


def test_jsonld_describes_the_organisation_with_address_and_contact(directory: Directory) -> None:
    data = jsonld_of(directory.public)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Brücke der Kulturen"
    assert data["url"] == "http://testserver/de/organisations/brucke-der-kulturen/"
    assert data["identifier"] == f"urn:uuid:{directory.public.uuid}"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Hauptstraße 1",
        "postalCode": "10115",
        "addressLocality": "Berlin",
        "addressCountry": "DE",
    }
    assert data["geo"]["latitude"] == 52.569
    assert data["email"] == directory.public.email
    assert data["telephone"] == "+49 30 1234567"
    assert data["contactPoint"]["availableLanguage"] == ["ar"]
    assert data["sameAs"] == ["https://bruecke.example.org"]
    assert data["knowsLanguage"] == ["ar"]
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Pankow"}]
    assert {offer["itemOffered"]["name"] for offer in data["makesOffer"]} == {
        "Sozialberatung",
        "Sprachcafé",
    }


def test_jsonld_leaves_out_an_address_that_is_not_public(directory: Directory) -> None:
    data = jsonld_of(directory.hidden_address)
    assert "address" not in data and "geo" not in data
    assert "Verstecktstraße" not in json.dumps(data)
    assert data["name"] == "Frauenhaus Geheim"


def test_jsonld_cannot_break_out_of_its_script_element(directory: Directory) -> None:
    directory.public.description = "</script><script>alert(1)</script>"
    request = RequestFactory().get("/")
    html = render_to_string(
        "opendata/_organisation_jsonld.html", {"organisation": directory.public}, request=request
    )
    assert html.count("</script>") == 1
    assert "\\u003C/script\\u003E" in html


def test_open_graph_include_names_the_page_and_its_languages(directory: Directory) -> None:
    request = RequestFactory().get(directory.public.get_absolute_url())
    with translation.override("de"):
        html = render_to_string(
            "opendata/_open_graph.html", {"organisation": directory.public}, request=request
        )
    assert '<meta property="og:title" content="Brücke der Kulturen">' in html
    assert '<meta property="og:locale" content="de_DE">' in html
    assert '<meta property="og:locale:alternate" content="en_GB">' in html
    assert (
        '<link rel="alternate" hreflang="en" '
        'href="http://testserver/en/organisations/brucke-der-kulturen/">' in html
    )
    assert 'type="application/atom+xml"' in html
    plain = render_to_string("opendata/_open_graph.html", {}, request=RequestFactory().get("/de/"))
    assert '<meta property="og:title" content="Migra Hub">' in plain


def test_sitemap_lists_every_public_page_in_every_language_and_no_drafts(
    client: Client, directory: Directory
) -> None:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    for language in ("de", "en"):
        assert f"http://testserver/{language}/" in locations
        assert f"http://testserver/{language}/organisations/" in locations
        assert f"http://testserver/{language}/open-data/" in locations
        assert f"http://testserver/{language}/organisations/brucke-der-kulturen/" in locations
    assert not any("entwurf" in location for location in locations)
    alternates = {link.get("hreflang") for link in root.iter(f"{XHTML}link")}
    assert {"de", "en", "x-default"} <= alternates


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_accounts(
    client: Client, db: None
) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /de/accounts/" in text
    assert "Disallow: /en/admin/" in text


def test_atom_feed_lists_newly_published_organisations_only(
    client: Client, directory: Directory
) -> None:
    response = client.get("/en/open-data/organisations.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert set(titles) == {"Brücke der Kulturen", "Frauenhaus Geheim"}
    ids = {entry.findtext(f"{ATOM}id") for entry in root.iter(f"{ATOM}entry")}
    assert f"urn:uuid:{directory.public.uuid}" in ids
    assert "CC BY 4.0" in root.findtext(f"{ATOM}rights")


def test_open_data_page_links_api_bundle_feed_and_licence(client: Client, db: None) -> None:
    response = client.get("/de/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for link in ("/api/hsds/", "/de/open-data/directory.zip", "/de/open-data/organisations.atom"):
        assert f'href="{link}"' in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html


def test_the_includes_are_valid_html_in_a_page(directory: Directory) -> None:
    from tests.quality import html_errors

    request = RequestFactory().get(directory.public.get_absolute_url())
    context = {"organisation": directory.public, "SITE_NAME": "Migra Hub"}
    with translation.override("de"):
        head = render_to_string("opendata/_open_graph.html", context, request=request)
        jsonld = render_to_string("opendata/_organisation_jsonld.html", context, request=request)
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Test</title>'
        f"{head}</head><body><main><h1>Test</h1>{jsonld}</main></body></html>"
    )
    assert html_errors({"includes": page}) == []


def test_jsonld_same_as_names_only_web_pages(directory: Directory) -> None:
    organisation = directory.public
    # Written before links were checked, bypassing validation.
    Organisation.objects.filter(pk=organisation.pk).update(
        social_links="javascript:alert(1)\nhttps://social.example.org/@bruecke\n"
        "data:text/html,x\nmailto:info@bruecke.example.org"
    )
    organisation.refresh_from_db()
    assert jsonld_of(organisation)["sameAs"] == [
        "https://bruecke.example.org",
        "https://social.example.org/@bruecke",
    ]
