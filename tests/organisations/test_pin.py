"""The pin of an entry: typed or placed coordinates, and the address lookup of the forms.

The lookup talks to a fake Nominatim (a small HTTP server in a thread), never the internet.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from organisations import services
from organisations.models import Organisation
from tests.conftest import Cast
from tests.factories import LanguageFactory, OrganisationKindFactory

pytestmark = pytest.mark.django_db

PANKOW = [{"lat": "52.569300", "lon": "13.401900", "display_name": "Breite Straße 24, Berlin"}]


@dataclass
class FakeGeocoder:
    url: str
    answer: Any = field(default_factory=lambda: PANKOW)
    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def geocoder(settings: Any) -> Iterator[FakeGeocoder]:
    fake = FakeGeocoder(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append(
                {
                    "query": parse_qs(urlsplit(self.path).query),
                    "user_agent": self.headers.get("User-Agent"),
                }
            )
            body = fake.answer if isinstance(fake.answer, str) else json.dumps(fake.answer)
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_port}/search"
    settings.GEOCODER_URL = fake.url
    settings.GEOCODER_TIMEOUT = 2
    settings.GEOCODER_USER_AGENT = "Migra Hub tests"
    settings.MAP_BOUNDS = (52.33, 13.08, 52.68, 13.77)
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def registration(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Stadtteilzentrum Pinnwand",
        "kind": OrganisationKindFactory().pk,
        "description": "Beratung und Begegnung.",
        "languages": [LanguageFactory().pk],
        "email": "kontakt@pinnwand.example.org",
        "street": "Breite Straße 24",
        "postcode": "13187",
        "locality": "Berlin",
        "latitude": "52.569300",
        "longitude": "13.401900",
        "action": "submit",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_entry_registered_with_a_typed_pin_is_on_the_map_once_published(
    cast: Cast, client_for: Any, client: Client
) -> None:
    response = client_for(cast.outsider).post(
        "/en/register/new/", registration(districts=[cast.district.pk])
    )
    entry = Organisation.objects.get(name="Stadtteilzentrum Pinnwand")
    assert response.status_code == 302
    assert (entry.latitude, entry.longitude) == (Decimal("52.569300"), Decimal("13.401900"))
    assert entry.history.latest().latitude == Decimal("52.569300")
    names = [
        f["properties"]["name"]
        for f in client.get("/en/organisations/map.geojson").json()["features"]
    ]
    assert entry.name not in names

    services.organisation_publish(organisation=entry, staff=cast.staff, message="")

    features = client.get("/en/organisations/map.geojson").json()["features"]
    pinned = [f for f in features if f["properties"]["name"] == entry.name]
    assert [f["geometry"]["coordinates"] for f in pinned] == [[13.4019, 52.5693]]


def test_the_form_has_labelled_number_fields_for_the_pin_and_a_hidden_map(
    cast: Cast, client_for: Any
) -> None:
    page = client_for(cast.outsider).get("/en/register/new/").content.decode()
    assert '<label for="id_latitude"' in page
    assert 'id="id_latitude"' in page and 'type="number"' in page
    assert "data-pin-map hidden" in page
    assert 'data-latitude-input="id_latitude"' in page
    assert "Find the address on the map" not in page  # no geocoder configured


def test_half_a_pin_is_refused_and_nothing_is_saved(cast: Cast, client_for: Any) -> None:
    response = client_for(cast.outsider).post(
        "/en/register/new/", registration(districts=[cast.district.pk], longitude="")
    )
    assert response.status_code == 200
    assert "Please give both latitude and longitude, or neither." in response.content.decode()
    assert not Organisation.objects.filter(name="Stadtteilzentrum Pinnwand").exists()


@pytest.mark.parametrize(
    ("latitude", "longitude", "error"),
    [
        ("48.137", "11.575", "This point lies outside the area of the directory"),
        ("91", "13.4", "less than or equal to 90"),
        ("nördlich", "13.4", "Enter a number."),
    ],
)
def test_a_pin_outside_the_area_or_the_globe_is_refused(
    cast: Cast, client_for: Any, settings: Any, latitude: str, longitude: str, error: str
) -> None:
    settings.MAP_BOUNDS = (52.33, 13.08, 52.68, 13.77)
    response = client_for(cast.outsider).post(
        "/en/register/new/",
        registration(districts=[cast.district.pk], latitude=latitude, longitude=longitude),
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Organisation.objects.filter(name="Stadtteilzentrum Pinnwand").exists()


def test_looking_up_the_address_fills_the_pin_and_keeps_what_was_typed(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder
) -> None:
    typed = registration(
        districts=[cast.district.pk], latitude="", longitude="", action="locate", name=""
    )
    response = client_for(cast.outsider).post("/en/register/new/", typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="52.569300"' in page and 'value="13.401900"' in page
    assert 'value="Breite Straße 24"' in page
    assert "Beratung und Begegnung." in page
    assert "The pin is placed at: Breite Straße 24, Berlin" in page
    assert "This field is required" not in page  # nothing was saved, so nothing is missing
    assert Organisation.objects.count() == 2  # the cast's entries only
    [request] = geocoder.requests
    assert request["query"]["q"] == ["Breite Straße 24, 13187 Berlin"]
    assert request["query"]["viewbox"] == ["13.08,52.68,13.77,52.33"]
    assert request["user_agent"] == "Migra Hub tests"


def test_an_owner_looks_up_the_address_while_editing_and_keeps_the_version(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder
) -> None:
    entry = cast.organisation
    client = client_for(cast.owner)
    form = client.get(f"/en/manage/{entry.slug}/edit/").context["form"]
    data = {
        **{k: v for k, v in form.initial.items() if isinstance(v, str | int)},
        "kind": entry.kind_id,
        "street": "Breite Straße 24",
        "postcode": "13187",
        "locality": "Berlin",
        "action": "locate",
    }
    response = client.post(f"/en/manage/{entry.slug}/edit/", data)
    located = response.context["form"]
    assert response.status_code == 200
    assert located["latitude"].value() == Decimal("52.569300")
    assert located["version"].value() == str(form.initial["version"])
    entry.refresh_from_db()
    assert entry.latitude is None  # shown, not saved


def test_places_outside_the_area_are_skipped(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder
) -> None:
    geocoder.answer = [{"lat": "48.137", "lon": "11.575", "display_name": "München"}, *PANKOW]
    response = client_for(cast.outsider).post(
        "/en/register/new/", registration(latitude="", longitude="", action="locate")
    )
    assert response.context["form"]["latitude"].value() == Decimal("52.569300")


@pytest.mark.parametrize(
    ("status", "answer", "message"),
    [
        (200, [], "No place was found for this address in the area of the directory."),
        (500, [], "The address lookup does not answer right now."),
        (200, "<html>not json</html>", "The address lookup does not answer right now."),
        (200, {"error": "Unable to geocode"}, "The address lookup does not answer right now."),
    ],
)
def test_a_failed_lookup_says_why_and_keeps_the_typed_pin(
    cast: Cast,
    client_for: Any,
    geocoder: FakeGeocoder,
    status: int,
    answer: Any,
    message: str,
) -> None:
    geocoder.status, geocoder.answer = status, answer
    response = client_for(cast.outsider).post(
        "/en/register/new/", registration(latitude="52.5", longitude="13.4", action="locate")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="52.5"' in page


def test_a_lookup_without_an_address_asks_for_one(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder
) -> None:
    response = client_for(cast.outsider).post(
        "/en/register/new/",
        registration(street="", postcode="", locality="", action="locate"),
    )
    assert "Please fill in the street, postcode or town first." in response.content.decode()
    assert geocoder.requests == []


def test_lookups_are_rate_limited_per_person(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder, settings: Any
) -> None:
    settings.GEOCODER_LIMIT_PER_USER = 1
    client = client_for(cast.outsider)
    client.post("/en/register/new/", registration(action="locate"))
    response = client.post("/en/register/new/", registration(action="locate"))
    assert "You have looked up many addresses in a short time." in response.content.decode()
    assert len(geocoder.requests) == 1


def test_the_lookup_button_shows_when_a_geocoder_is_configured(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder
) -> None:
    page = client_for(cast.outsider).get("/en/register/new/").content.decode()
    assert 'name="action" value="locate"' in page


@pytest.mark.parametrize("who", ["other_member", "outsider", "other_staff"])
def test_people_who_may_not_edit_the_entry_cannot_look_up_for_it(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder, who: str
) -> None:
    response = client_for(getattr(cast, who)).post(
        f"/en/manage/{cast.organisation.slug}/edit/", registration(action="locate")
    )
    assert response.status_code == 404
    assert geocoder.requests == []


def test_anonymous_visitors_cannot_look_up(client: Client, geocoder: FakeGeocoder) -> None:
    response = client.post("/en/register/new/", registration(action="locate"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert geocoder.requests == []


def test_an_owner_moves_the_pin_of_a_published_entry_and_the_map_follows(
    cast: Cast, client_for: Any, client: Client
) -> None:
    entry = cast.organisation
    client_owner = client_for(cast.owner)
    form = client_owner.get(f"/en/manage/{entry.slug}/edit/").context["form"]
    data = {
        **{k: v for k, v in form.initial.items() if isinstance(v, str | int)},
        "kind": entry.kind_id,
        "districts": [cast.district.pk],
        "no_public_address": "",
        "latitude": "52.540000",
        "longitude": "13.350000",
        "action": "save",
    }
    response = client_owner.post(f"/en/manage/{entry.slug}/edit/", data)
    assert response.status_code == 302
    features = client.get("/en/organisations/map.geojson").json()["features"]
    [moved] = [f for f in features if f["properties"]["name"] == entry.name]
    assert moved["geometry"]["coordinates"] == [13.35, 52.54]


def test_enter_in_a_field_still_submits_the_entry_not_the_lookup(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder
) -> None:
    """Browsers submit with the first button of the form when Enter is pressed in a field."""
    client = client_for(cast.owner)
    for url, main_action in (
        ("/en/register/new/", "submit"),
        (f"/en/manage/{cast.organisation.slug}/edit/", "save"),
    ):
        page = client.get(url).content.decode()
        form = page[page.index('<form method="post" class="form"') :]
        first = form[form.index("<button") : form.index("</button>")]
        assert f'value="{main_action}"' in first
        assert form.index('value="locate"') > form.index("<button")


def test_staff_entering_an_entry_look_up_its_address_and_place_its_pin(
    cast: Cast, client_for: Any, geocoder: FakeGeocoder, client: Client
) -> None:
    staff = client_for(cast.staff)
    page = staff.get("/en/review/new-entry/").content.decode()
    assert "data-pin-map" in page and 'value="locate"' in page

    typed = registration(districts=[cast.district.pk], latitude="", longitude="")
    located = staff.post("/en/review/new-entry/", {**typed, "action": "locate"})
    assert located.context["form"]["latitude"].value() == Decimal("52.569300")
    assert not Organisation.objects.filter(name="Stadtteilzentrum Pinnwand").exists()

    response = staff.post(
        "/en/review/new-entry/",
        {**typed, "latitude": "52.569300", "longitude": "13.401900", "action": "publish"},
    )
    assert response.status_code == 302
    features = client.get("/en/organisations/map.geojson").json()["features"]
    assert "Stadtteilzentrum Pinnwand" in [f["properties"]["name"] for f in features]
