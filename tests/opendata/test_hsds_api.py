"""The HSDS 3.0 read API: valid against the official schemas, public data only, fixed cost."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opendata import hsds
from organisations.models import Organisation
from tests.factories import OfferFactory, OrganisationFactory, TopicFactory
from tests.opendata.conftest import Directory
from tests.opendata.schemas import assert_valid, assert_valid_page

LISTS = [
    ("/api/hsds/organizations", "organization_list"),
    ("/api/hsds/services", "service_list"),
    ("/api/hsds/service_at_locations", "service_at_location_list"),
    ("/api/hsds/taxonomies", "taxonomy"),
    ("/api/hsds/taxonomy_terms", "taxonomy_term"),
]


def get_json(client: Client, url: str, **headers: str) -> dict:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def all_responses(client: Client) -> list[tuple[str, str, dict]]:
    """(url, schema, body) of every endpoint for everything the API lists."""
    found = []
    for url, schema in LISTS:
        page = get_json(client, f"{url}?per_page=100")
        found.append((url, schema, page))
        for item in page["contents"]:
            if url.endswith("organizations"):
                detail = f"{url}/{item['id']}"
                found.append((detail, "organization", get_json(client, detail)))
            elif url.endswith("services"):
                detail = f"{url}/{item['id']}"
                found.append((detail, "service", get_json(client, detail)))
            elif url.endswith("taxonomy_terms"):
                detail = f"{url}/{item['id']}"
                found.append((detail, "taxonomy_term", get_json(client, detail)))
            elif url.endswith("taxonomies"):
                detail = f"{url}/{item['id']}"
                found.append((detail, "taxonomy", get_json(client, detail)))
    return found


def assert_all_valid(client: Client) -> list[tuple[str, str, dict]]:
    responses = all_responses(client)
    for _url, schema, body in responses:
        if "contents" in body:
            assert_valid_page(schema, body)
        else:
            assert_valid(schema, body)
    return responses


def test_every_endpoint_answers_valid_hsds_for_seeded_data(
    client: Client, directory: Directory
) -> None:
    responses = assert_all_valid(client)
    urls = {url for url, _schema, _body in responses}
    assert f"/api/hsds/organizations/{directory.public.uuid}" in urls
    assert f"/api/hsds/services/{directory.offer_elsewhere.uuid}" in urls
    assert len(urls) > 20


def test_api_info_names_version_openapi_and_data_licence(client: Client, settings) -> None:
    settings.DATA_LICENCE_NAME = "CC BY 4.0"
    settings.DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    response = client.get("/api/hsds/")
    info = response.json()
    assert info["version"] == "3.0"
    assert info["openapi_url"].endswith("/schema/openapi.json")
    assert info["license"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert "Migra Hub" in info["attribution"]
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_api_has_no_language_prefix(client: Client, db: None) -> None:
    assert client.get("/api/hsds/organizations").status_code == 200
    assert client.get("/de/api/hsds/organizations").status_code == 404


def test_lists_show_only_published_organisations_and_their_offers(
    client: Client, directory: Directory
) -> None:
    organisations = get_json(client, "/api/hsds/organizations")["contents"]
    services = get_json(client, "/api/hsds/services")["contents"]
    assert {o["name"] for o in organisations} == {"Brücke der Kulturen", "Frauenhaus Geheim"}
    assert "Geheimer Entwurf" not in {s["name"] for s in services}
    assert Organisation.objects.filter(status=Organisation.Status.DRAFT).count() == 1


@pytest.mark.parametrize("kind", ["organizations", "services"])
def test_unpublished_entries_are_not_found(client: Client, directory: Directory, kind: str) -> None:
    target = directory.draft if kind == "organizations" else directory.draft_offer
    response = client.get(f"/api/hsds/{kind}/{target.uuid}")
    assert response.status_code == 404
    assert response.json() == {"detail": "not found"}
    assert client.get(f"/api/hsds/{kind}/not-a-uuid").status_code == 404


def test_no_public_address_never_exposes_address_or_coordinates(
    client: Client, directory: Directory
) -> None:
    bodies = json.dumps([body for _url, _schema, body in all_responses(client)])
    for secret in (
        "Verstecktstraße",
        "10999",
        "52.111111",
        "13.999999",
        "Verborgener Weg",
        "52.222222",
    ):
        assert secret not in bodies
    detail = get_json(client, f"/api/hsds/organizations/{directory.hidden_address.uuid}")
    assert detail["locations"] == []
    assert all(service["service_at_locations"] == [] for service in detail["services"])
    assert Organisation.objects.get(pk=directory.hidden_address.pk).street == "Verstecktstraße 99"


def test_organisation_maps_address_languages_and_vocabularies(
    client: Client, directory: Directory
) -> None:
    data = get_json(client, f"/api/hsds/organizations/{directory.public.uuid}")
    location = data["locations"][0]
    assert location["addresses"][0]["address_1"] == "Hauptstraße 1"
    assert location["addresses"][0]["country"] == "DE"
    assert (location["latitude"], location["longitude"]) == (52.569, 13.402)
    assert [lang["code"] for lang in location["languages"]] == ["ar"]
    terms = {
        (a["link_type"], a["taxonomy_term"]["code"], a.get("value", "")) for a in data["attributes"]
    }
    assert ("topic", "education", "") in terms
    assert ("audience", "women", "") in terms
    assert ("language", "ar", "spoken") in terms
    assert ("language", "tr", "counselling") in terms
    assert ("characteristic", "migrant-led", "true") in terms
    assert (
        data["organization_identifiers"][0]["identifier"] == "Amtsgericht Charlottenburg VR 12345 B"
    )
    services = {service["name"]: service for service in data["services"]}
    assert services["Sommerkurs"]["status"] == "inactive"
    assert services["Sozialberatung"]["status"] == "active"
    assert [lang["code"] for lang in services["Sozialberatung"]["languages"]] == ["ar", "tr"]
    elsewhere = services["Sprachcafé"]["service_at_locations"][0]["location"]
    assert elsewhere["addresses"][0]["address_1"] == "Gartenweg 5"


def test_ids_are_stable_between_calls(client: Client, directory: Directory) -> None:
    url = f"/api/hsds/organizations/{directory.public.uuid}"
    assert get_json(client, url) == get_json(client, url)
    assert get_json(client, url)["id"] == str(directory.public.uuid)


def test_answers_in_english_when_asked(client: Client, directory: Directory) -> None:
    data = get_json(
        client, f"/api/hsds/organizations/{directory.public.uuid}", accept_language="en"
    )
    names = {a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert {"Education", "Women", "Arabic"} <= names
    german = get_json(
        client, f"/api/hsds/organizations/{directory.public.uuid}", accept_language="de"
    )
    assert "Bildung" in {a["taxonomy_term"]["name"] for a in german["attributes"]}


def test_paging_follows_the_hsds_page_object(client: Client, directory: Directory) -> None:
    first = get_json(client, "/api/hsds/services?per_page=2")
    second = get_json(client, "/api/hsds/services?per_page=2&page=2")
    beyond = get_json(client, "/api/hsds/services?per_page=2&page=9")
    assert (first["total_items"], first["total_pages"], first["size"]) == (4, 2, 2)
    assert (first["first_page"], first["last_page"]) == (True, False)
    assert (second["first_page"], second["last_page"], second["page_number"]) == (False, True, 2)
    assert {s["id"] for s in first["contents"]}.isdisjoint({s["id"] for s in second["contents"]})
    assert beyond["empty"] is True and beyond["contents"] == []


def test_per_page_is_capped(client: Client, db: None, settings) -> None:
    settings.HSDS_MAX_PER_PAGE = 3
    OrganisationFactory.create_batch(5)
    page = get_json(client, "/api/hsds/organizations?per_page=1000")
    assert page["size"] == 3
    assert page["total_pages"] == 2


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=abc",
        "per_page=-1",
        "taxonomy_term_id=nope",
        "taxonomy_term_id=6f1d2e8b-0000-4000-8000-000000000000",
        "organization_id=42",
        "modified_after=yesterday",
    ],
)
def test_bad_parameters_are_a_json_400(client: Client, db: None, query: str) -> None:
    response = client.get(f"/api/hsds/services?{query}")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_filters_by_search_term_organisation_and_modification(
    client: Client, directory: Directory
) -> None:
    def names(query: str) -> set[str]:
        return {s["name"] for s in get_json(client, f"/api/hsds/services?{query}")["contents"]}

    education = directory.offer_at_home.topics.get()
    assert names("search=sprach") == {"Sprachcafé"}
    assert names(f"taxonomy_term_id={education.uuid}") == {"Sozialberatung"}
    assert names(f"taxonomy_term_id={directory.offer_elsewhere.kind.uuid}") == {"Sprachcafé"}
    assert names(f"organization_id={directory.hidden_address.uuid}") == {"Beratung vor Ort"}
    assert names(f"taxonomy_term_id={hsds.MIGRANT_LED_ID}") == {
        "Sozialberatung",
        "Sprachcafé",
        "Sommerkurs",
    }
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    assert names(f"modified_after={future.replace('+', '%2B')}") == set()
    assert len(names("modified_after=2000-01-01")) == 4
    organisations = get_json(client, f"/api/hsds/organizations?taxonomy_term_id={education.uuid}")
    assert [o["name"] for o in organisations["contents"]] == ["Brücke der Kulturen"]


def test_service_at_locations_list_only_offers_with_a_public_place(
    client: Client, directory: Directory
) -> None:
    page = get_json(client, "/api/hsds/service_at_locations")
    assert {item["service"]["name"] for item in page["contents"]} == {
        "Sozialberatung",
        "Sprachcafé",
        "Sommerkurs",
    }
    assert page["total_items"] == 3


def test_taxonomy_terms_can_be_filtered_by_taxonomy(client: Client, directory: Directory) -> None:
    page = get_json(client, f"/api/hsds/taxonomy_terms?taxonomy_id={hsds.LANGUAGES.id}")
    assert {term["code"] for term in page["contents"]} == {"ar", "tr"}
    assert get_json(client, "/api/hsds/taxonomies")["total_items"] == len(hsds.TAXONOMIES)


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/organizations",
        "/api/hsds/services",
        "/api/hsds/service_at_locations",
        "/api/hsds/taxonomy_terms",
    ],
)
def test_a_list_costs_the_same_queries_whatever_the_page_size(
    client: Client, db: None, url: str, django_assert_max_num_queries
) -> None:
    def queries(per_page: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{url}?per_page={per_page}").status_code == 200
        return len(captured)

    for _number in range(12):
        organisation = OrganisationFactory()
        OfferFactory(organisation=organisation).topics.set([TopicFactory()])
    small, large = queries(2), queries(50)
    assert small == large
    # Taxonomy terms read four vocabularies and their names (translation rows): 8.
    with django_assert_max_num_queries(8 if url.endswith("taxonomy_terms") else 6):
        client.get(f"{url}?per_page=100")


@pytest.mark.parametrize("kind", ["organizations", "services"])
def test_a_detail_costs_the_same_queries_whatever_the_data(
    client: Client, db: None, kind: str
) -> None:
    def queries() -> int:
        organisation = OrganisationFactory()
        for _number in range(5):
            OfferFactory(organisation=organisation).topics.set([TopicFactory()])
        target = organisation if kind == "organizations" else organisation.offers.first()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/hsds/{kind}/{target.uuid}").status_code == 200
        return len(captured)

    assert queries() == queries()


def test_a_matching_etag_answers_304(client: Client, directory: Directory) -> None:
    url = f"/api/hsds/organizations/{directory.public.uuid}"
    response = client.get(url)
    etag = response["ETag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    directory.public.description = "Neu beschrieben."
    directory.public.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.json()["description"] == "Neu beschrieben."


@pytest.mark.parametrize("url", [url for url, _schema in LISTS])
def test_lists_answer_304_to_if_none_match_and_if_modified_since(
    client: Client, directory: Directory, url: str
) -> None:
    response = client.get(url)
    assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304
    if response.has_header("Last-Modified"):
        since = client.get(url, headers={"if-modified-since": response["Last-Modified"]})
        assert since.status_code == 304


def test_unpublishing_changes_last_modified_of_the_list(
    client: Client, directory: Directory
) -> None:
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Organisation.objects.update(updated_at=an_hour_ago)
    response = client.get("/api/hsds/organizations")
    directory.public.status = Organisation.Status.ARCHIVED
    directory.public.save()
    since = {"if-modified-since": response["Last-Modified"]}
    later = client.get("/api/hsds/organizations", headers=since)
    assert later.status_code == 200
    assert "Brücke der Kulturen" not in {o["name"] for o in later.json()["contents"]}


@pytest.mark.parametrize("kind", ["organizations", "services", "service_at_locations"])
def test_a_page_number_past_any_database_offset_is_an_empty_page(
    client: Client, directory: Directory, kind: str
) -> None:
    with CaptureQueriesContext(connection) as queries:
        page = get_json(client, f"/api/hsds/{kind}?page=99999999999999999999")
    assert page["empty"] is True and page["contents"] == []
    assert page["page_number"] == 99999999999999999999
    assert page["last_page"] is True
    assert (
        page["total_items"] == {"organizations": 2, "services": 4, "service_at_locations": 3}[kind]
    )
    assert not any("OFFSET" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("0001-01-01", 4), ("0001-01-01T00:00:00%2B14:00", 4), ("9999-12-31T23:59:59-12:00", 0)],
)
def test_modified_after_at_the_ends_of_the_calendar_is_answered(
    client: Client, directory: Directory, moment: str, expected: int
) -> None:
    page = get_json(client, f"/api/hsds/services?modified_after={moment}")
    assert page["total_items"] == expected
