"""Exports: the ZIP bundle for districts and researchers, CSV and JSON of any queryset."""

from __future__ import annotations

import csv
import io
import zipfile

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from networks.models import Network, NetworkMembership
from opendata.exports import cell, organisations_csv, organisations_json
from organisations.models import Organisation
from organisations.search import organisation_search_refresh
from tests.factories import LanguageFactory, OfferFactory, OrganisationFactory
from tests.opendata.conftest import Directory


def read_bundle(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_bundle_holds_published_organisations_offers_memberships_and_a_readme(
    client: Client, directory: Directory
) -> None:
    network = Network.objects.create(
        name="Netzwerk Pankow",
        slug="netzwerk-pankow",
        district=directory.public.districts.get(),
        goal="Vernetzen",
    )
    NetworkMembership.objects.create(
        network=network, organisation=directory.public, status=NetworkMembership.Status.ACTIVE
    )
    NetworkMembership.objects.create(
        network=network, organisation=directory.draft, status=NetworkMembership.Status.ACTIVE
    )
    response = client.get("/en/open-data/directory.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="migra-hub-directory-')
    files = read_bundle(response)
    assert set(files) == {
        "organisations.csv",
        "offers.csv",
        "network_memberships.csv",
        "events.csv",
        "README.txt",
    }
    organisations = rows(files["organisations.csv"])
    assert {row["name"] for row in organisations} == {"Brücke der Kulturen", "Frauenhaus Geheim"}
    offers = rows(files["offers.csv"])
    assert "Geheimer Entwurf" not in {row["title"] for row in offers}
    assert {row["title"] for row in offers} >= {"Sozialberatung", "Sprachcafé"}
    memberships = rows(files["network_memberships.csv"])
    assert [(m["network"], m["organisation"]) for m in memberships] == [
        ("Netzwerk Pankow", "Brücke der Kulturen")
    ]
    readme = files["README.txt"]
    assert "organisations.csv (2 rows)" in readme
    for column in ("external_id", "no_public_address", "accessibility_notes", "member_since"):
        assert column in readme
    assert "CC BY 4.0" in readme
    assert Organisation.objects.count() == 3


def test_the_bundle_never_contains_an_address_that_is_not_public(
    client: Client, directory: Directory
) -> None:
    files = read_bundle(client.get("/en/open-data/directory.zip"))
    everything = "".join(files.values())
    for secret in ("Verstecktstraße", "10999", "52.111111", "Verborgener Weg", "52.222222"):
        assert secret not in everything
    hidden = next(
        row for row in rows(files["organisations.csv"]) if row["name"] == "Frauenhaus Geheim"
    )
    assert (hidden["street"], hidden["latitude"], hidden["no_public_address"]) == ("", "", "yes")


def test_the_bundle_costs_the_same_queries_whatever_the_data(client: Client, db: None) -> None:
    def queries() -> int:
        for _number in range(3):
            OfferFactory(organisation=OrganisationFactory())
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/de/open-data/directory.zip").status_code == 200
        return len(captured)

    assert queries() == queries()


def test_csv_and_json_take_any_queryset(directory: Directory) -> None:
    only_public = Organisation.objects.filter(pk=directory.public.pk)
    table = rows(organisations_csv(only_public))
    assert [row["name"] for row in table] == ["Brücke der Kulturen"]
    assert table[0]["languages"] == "ar"
    assert table[0]["migrant_led"] == "yes"
    data = organisations_json(only_public)
    assert data[0]["languages"] == ["ar"]
    assert data[0]["migrant_led"] is True
    assert data[0]["latitude"] == 52.569
    assert data[0]["id"] == str(directory.public.uuid)


def test_cells_that_a_spreadsheet_would_run_are_defused() -> None:
    assert cell('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell("-2+3") == "'-2+3"
    assert cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert cell("+49 30 1234567") == "+49 30 1234567"
    assert cell("Brücke e.V.") == "Brücke e.V."


def test_the_directory_result_downloads_as_csv_with_the_page_filters(
    client: Client, db: None
) -> None:
    arabic = LanguageFactory()
    speaking = OrganisationFactory(name="Arabisches Frauenforum")
    speaking.languages.set([arabic])
    OrganisationFactory(name="Polnischer Kulturkreis")
    OrganisationFactory(name="Entwurf", status=Organisation.Status.DRAFT).languages.set([arabic])
    organisation_search_refresh()

    response = client.get("/de/open-data/organisations.csv", {"language": "ar"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert "Arabisches Frauenforum" in text
    assert "Polnischer Kulturkreis" not in text
    assert "Entwurf" not in text


def test_the_directory_result_downloads_as_json(client: Client, db: None) -> None:
    OrganisationFactory(name="Arabisches Frauenforum")
    OrganisationFactory(name="Polnischer Kulturkreis")
    organisation_search_refresh()

    response = client.get("/en/open-data/organisations.json", {"q": "Frauenforum"})

    assert response.status_code == 200
    assert [row["name"] for row in response.json()] == ["Arabisches Frauenforum"]


def test_the_directory_page_links_its_result_as_csv_and_json(client: Client, db: None) -> None:
    OrganisationFactory(name="Arabisches Frauenforum")
    organisation_search_refresh()
    html = client.get("/de/organisations/", {"q": "Frauenforum"}).content.decode()
    assert 'href="/de/open-data/organisations.csv?q=Frauenforum"' in html
    assert 'href="/de/open-data/organisations.json?q=Frauenforum"' in html
