"""Texts in several languages in the open data: HSDS extension fields and language-tagged
JSON-LD values."""

from __future__ import annotations

from django.test import Client

from organisations.models import Organisation
from tests.opendata.conftest import Directory
from tests.opendata.schemas import assert_valid
from tests.opendata.test_search_engines import jsonld_of

UKRAINIAN = "Соціальна консультація українською мовою."


def with_ukrainian_versions(directory: Directory) -> Organisation:
    organisation = directory.public
    Organisation.objects.filter(pk=organisation.pk).update(
        translations={"uk": {"description": UKRAINIAN}}
    )
    offer = directory.offer_at_home
    offer.translations = {"uk": {"title": "Консультація"}, "ar": {"description": "استشارة"}}
    offer.save()
    organisation.refresh_from_db()
    return organisation


def test_hsds_organisation_carries_original_language_and_versions(
    client: Client, directory: Directory
) -> None:
    with_ukrainian_versions(directory)
    body = client.get(f"/api/hsds/organizations/{directory.public.uuid}").json()
    assert_valid("organization", body)
    assert body["description"] == directory.public.description
    assert body["original_language"] == "de"
    assert body["translations"] == [{"language": "uk", "description": UKRAINIAN}]


def test_hsds_service_carries_name_and_description_versions(
    client: Client, directory: Directory
) -> None:
    with_ukrainian_versions(directory)
    body = client.get(f"/api/hsds/services/{directory.offer_at_home.uuid}").json()
    assert_valid("service", body)
    assert body["name"] == directory.offer_at_home.title
    assert body["translations"] == [
        {"language": "ar", "description": "استشارة"},
        {"language": "uk", "name": "Консультація"},
    ]


def test_hsds_entry_without_versions_has_no_translations(
    client: Client, directory: Directory
) -> None:
    body = client.get(f"/api/hsds/organizations/{directory.public.uuid}").json()
    assert body["original_language"] == "de"
    assert "translations" not in body


def test_jsonld_gives_every_version_as_a_language_tagged_value(directory: Directory) -> None:
    organisation = with_ukrainian_versions(directory)
    data = jsonld_of(organisation)
    assert data["description"] == [
        {"@value": organisation.description, "@language": "de"},
        {"@value": UKRAINIAN, "@language": "uk"},
    ]
    names = [offer["itemOffered"]["name"] for offer in data["makesOffer"]]
    assert [
        {"@value": directory.offer_at_home.title, "@language": "de"},
        {"@value": "Консультація", "@language": "uk"},
    ] in names


def test_jsonld_of_an_entry_in_one_language_stays_a_plain_string(directory: Directory) -> None:
    assert jsonld_of(directory.public)["description"] == directory.public.description
