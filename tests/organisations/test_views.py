"""The directory's pages: list, detail, map, GeoJSON, offers, and reporting a problem."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.models import DistrictStaff, Organisation, ProblemReport
from organisations.search import organisation_search_refresh
from organisations.services import organisation_set_verified
from tests.factories import (
    DistrictFactory,
    LanguageFactory,
    OfferFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)
from tests.organisations.conftest import Directory

pytestmark = pytest.mark.django_db

UNPUBLISHED = [status for status in Organisation.Status if status != Organisation.Status.PUBLISHED]


# --- Unpublished entries never show up ---------------------------------------------------------


@pytest.fixture
def hidden(directory: Directory) -> list[Organisation]:
    """One unpublished entry per status, each with everything the filters ask for."""
    entries = []
    for status in UNPUBLISHED:
        organisation = OrganisationFactory(
            name=f"Frauenforum {status}",
            status=status,
            migrant_led=True,
            districts=[directory.pankow],
            latitude=Decimal("52.5"),
            longitude=Decimal("13.4"),
        )
        organisation.languages.set([directory.arabic])
        OfferFactory(organisation=organisation, title=f"Beratung {status}")
        entries.append(organisation)
    organisation_search_refresh()
    return entries


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/organisations/", 2),
        ("/en/organisations/?q=Frauenforum", 1),
        ("/en/organisations/?language=ar&migrant_led=on", 1),
        ("/en/organisations/map/", 2),
    ],
)
def test_unpublished_entries_are_not_listed_or_counted(
    client: Client, hidden: list[Organisation], directory: Directory, url: str, expected: int
) -> None:
    response = client.get(url)
    html = response.content.decode()
    for organisation in hidden:
        assert organisation.name not in html
    assert response.context["page"].paginator.count == expected
    languages = dict(response.context["filterset"].form.fields["language"].choices)
    assert languages["ar"] == "Arabic / العربية (1)"
    assert Organisation.objects.filter(languages__code="ar").count() == 1 + len(hidden)


def test_unpublished_entries_are_not_on_the_map(
    client: Client, hidden: list[Organisation], directory: Directory
) -> None:
    collection = client.get("/en/organisations/map.geojson").json()
    names = [feature["properties"]["name"] for feature in collection["features"]]
    assert names == ["Elternverein Süd", "Frauenforum Nord"]
    assert Organisation.objects.with_public_location().count() == 2 + len(hidden)


def test_offers_of_unpublished_entries_are_not_listed(
    client: Client, hidden: list[Organisation], directory: Directory
) -> None:
    response = client.get("/en/offers/", {"q": "Beratung", "ended": "on"})
    html = response.content.decode()
    for status in UNPUBLISHED:
        assert f"Beratung {status}" not in html
    assert "2 offers found" in html


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_unpublished_entry_detail_is_not_found_for_visitors(
    client: Client, directory: Directory, status: str
) -> None:
    organisation = OrganisationFactory(status=status)
    assert client.get(organisation.get_absolute_url()).status_code == 404
    assert (
        client.post(f"{organisation.get_absolute_url()}report/", {"message": "x"}).status_code
        == 404
    )
    assert not ProblemReport.objects.exists()


# --- No public address --------------------------------------------------------------------------


@pytest.fixture
def private_address(directory: Directory) -> Organisation:
    organisation = OrganisationFactory(
        name="Verborgene Beratung",
        street="Geheimweg 7",
        postcode="13187",
        latitude=Decimal("52.57"),
        longitude=Decimal("13.41"),
        no_public_address=True,
        districts=[directory.pankow],
    )
    organisation_search_refresh(organisation_ids=[organisation.pk])
    return organisation


def test_entry_without_public_address_shows_neither_address_nor_map(
    client: Client, private_address: Organisation
) -> None:
    html = client.get(private_address.get_absolute_url()).content.decode()
    assert "Geheimweg" not in html
    assert "13187" not in html
    assert "data-organisation-map" not in html
    assert "52.57" not in html
    assert "No public address" in html or "Keine öffentliche Adresse" in html
    assert Organisation.objects.get(pk=private_address.pk).street == "Geheimweg 7"


def test_entry_without_public_address_is_listed_but_not_on_the_map(
    client: Client, private_address: Organisation
) -> None:
    listed = client.get("/de/organisations/map/", {"district": private_address.districts.get().pk})
    assert "Verborgene Beratung" in listed.content.decode()
    collection = client.get("/de/organisations/map.geojson").json()
    names = [feature["properties"]["name"] for feature in collection["features"]]
    assert "Verborgene Beratung" not in names
    assert "Geheimweg" not in json.dumps(collection)
    assert private_address.latitude is not None


def test_entry_with_public_address_shows_address_and_map(
    client: Client, directory: Directory
) -> None:
    html = client.get(directory.match.get_absolute_url()).content.decode()
    assert "Hauptstraße 1" in html
    assert "data-organisation-map hidden" in html
    assert 'data-latitude="52.569000"' in html
    assert directory.match.shows_map


# --- Detail page ----------------------------------------------------------------------------------


def test_detail_shows_everything_about_the_organisation(
    client: Client, directory: Directory
) -> None:
    organisation = directory.match
    organisation.description = "Wir beraten Frauen in Pankow."
    organisation.website = "https://frauenforum.example.org"
    organisation.phone = "030 123456"
    organisation.social_links = "https://social.example.org/@frauenforum"
    organisation.save()
    html = client.get(f"/en{organisation.get_absolute_url()[3:]}").content.decode()
    for text in (
        "Frauenforum Nord",
        "Wir beraten Frauen in Pankow.",
        "https://frauenforum.example.org",
        "030 123456",
        "https://social.example.org/@frauenforum",
        organisation.email,
        "Pankow",
        'Arabic / <span lang="ar" dir="auto">العربية</span>',
        'Persian / <span lang="fa" dir="auto">فارسی</span>',
        "Women",
        "Refugees",
        "Initiative",
        "migrant-led",
        "Beratung für Frauen",
        "Last confirmed on",
        "Report a problem with this entry",
    ):
        assert text in html, text
    assert Organisation.objects.get(pk=organisation.pk).website == organisation.website


def test_detail_folds_ended_offers_away(client: Client, directory: Directory) -> None:
    html = client.get(f"/en{directory.other.get_absolute_url()[3:]}").content.decode()
    current = html.index("Kurs für Eltern")
    folded = html.index('<details class="ended-offers">')
    assert current < folded < html.index("Alte Beratung")
    assert "1 ended offer" in html
    assert directory.other.offers.ended().count() == 1


def test_detail_says_when_there_are_no_current_offers(client: Client, directory: Directory) -> None:
    organisation = OrganisationFactory(name="Ohne Angebote")
    html = client.get(f"/en{organisation.get_absolute_url()[3:]}").content.decode()
    assert "There are no current offers." in html
    assert "ended-offers" not in html
    assert not organisation.offers.exists()


def test_members_see_their_unpublished_entry_with_a_notice(
    client_for,
    directory: Directory,  # type: ignore[no-untyped-def]
) -> None:
    from tests.factories import MembershipFactory

    membership = MembershipFactory(organisation__status=Organisation.Status.PENDING)
    response = client_for(membership.user).get(
        f"/en{membership.organisation.get_absolute_url()[3:]}"
    )
    assert response.status_code == 200
    assert "This entry is not public" in response.content.decode()
    assert response.context["organisation_role"] == "owner"


# --- Report a problem -----------------------------------------------------------------------------


def test_visitor_reports_a_problem_with_an_entry(client: Client, directory: Directory) -> None:
    url = directory.match.get_absolute_url()
    response = client.post(
        f"{url}report/",
        {"message": "Die Telefonnummer stimmt nicht mehr.", "reporter_email": "a@example.org"},
        follow=True,
    )
    assert response.redirect_chain == [(url, 302)]
    report = ProblemReport.objects.get()
    assert report.organisation == directory.match
    assert report.message == "Die Telefonnummer stimmt nicht mehr."
    assert report.reporter_email == "a@example.org"
    assert report.resolved_at is None
    assert len(list(response.context["messages"])) == 1


def test_report_needs_a_message(client: Client, directory: Directory) -> None:
    response = client.post(f"/en{directory.match.get_absolute_url()[3:]}report/", {"message": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_reports_are_rate_limited_per_visitor(client: Client, directory: Directory) -> None:
    url = f"/en{directory.match.get_absolute_url()[3:]}report/"
    for number in range(5):
        assert client.post(url, {"message": f"Fehler {number}"}).status_code == 302
    response = client.post(url, {"message": "Noch ein Fehler"})
    assert response.status_code == 429
    assert "many reports in a short time" in response.content.decode()
    assert ProblemReport.objects.count() == 5


def test_report_page_accepts_only_post(client: Client, directory: Directory) -> None:
    assert client.get(f"{directory.match.get_absolute_url()}report/").status_code == 405
    assert not ProblemReport.objects.exists()


# --- Map and GeoJSON ----------------------------------------------------------------------------


def test_geojson_honours_the_filters(client: Client, directory: Directory) -> None:
    response = client.get("/en/organisations/map.geojson", {"language": "tr"})
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert collection["truncated"] is False
    assert collection["features"] == [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [13.2, 52.535]},
            "properties": {
                "name": "Elternverein Süd",
                "kind": "Registered association",
                "url": directory.other.get_absolute_url().replace("/de/", "/en/"),
            },
        }
    ]
    assert directory.other.languages.filter(code="tr").exists()


def test_map_page_carries_the_filters_to_the_geojson_and_lists_results_without_javascript(
    client: Client,
    directory: Directory,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get("/en/organisations/map/", {"language": "tr", "page": "1"})
    html = response.content.decode()
    assert 'data-geojson-url="/en/organisations/map.geojson?language=tr"' in html
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "<h1>Map of organisations</h1>" in html
    assert "Elternverein Süd" in html  # the list is there for browsers without JavaScript
    assert response.context["page"].paginator.count == 1


# --- Query counts -------------------------------------------------------------------------------


def _grow(directory: Directory, count: int) -> None:
    topic = TopicFactory(slug="education", name_de="Bildung", name_en="Education")
    language = LanguageFactory(code="uk")
    today = timezone.localdate()
    start = Organisation.objects.filter(name__startswith="Frauenforum 0").count()
    for number in range(start, start + count):
        organisation = OrganisationFactory(
            name=f"Frauenforum {number:03}",
            districts=[directory.pankow, DistrictFactory()],
            latitude=Decimal("52.5"),
            longitude=Decimal("13.4"),
        )
        organisation.languages.set([directory.arabic, language])
        organisation.counselling_languages.set([language])
        organisation.topics.set([topic])
        organisation.target_groups.set(directory.match.target_groups.all())
        for offer_number in range(3):
            offer = OfferFactory(
                organisation=organisation,
                title=f"Beratung {offer_number}",
                ends_on=today - datetime.timedelta(days=1) if offer_number == 2 else None,
            )
            offer.languages.set([language])
            offer.topics.set([topic])
    organisation_search_refresh()


PAGES = [
    "/de/organisations/",
    "/de/organisations/?district={pankow}&language=ar",
    "/de/organisations/?q=Frauenforum&migrant_led=on&free=on&offer_kind=counselling",
    "/de/organisations/map/?topic=education",
    "/de/organisations/map.geojson?district={pankow}",
    "/de/offers/?q=Beratung&district={pankow}",
    "/de/offers/?ended=on",
    "{detail}",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_run_a_fixed_number_of_queries_whatever_the_data(
    client: Client, directory: Directory, url: str
) -> None:
    counts = []
    for size in (2, 30):
        _grow(directory, size)
        detail = Organisation.objects.filter(name__startswith="Frauenforum 0").first()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                url.format(pankow=directory.pankow.pk, detail=detail.get_absolute_url())
            )
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    # The detail page loads the names of its kind, topics and target groups and of its offers'
    # (one query each, django-parler's translation rows) and the organisation's open posts of
    # the peer exchange (one query): 18. Offer lists load the offer kinds'
    # names and the districts of each card's organisation, read the directory's version (a
    # database row, which no cache can forget) and, on PostgreSQL, look up typo corrections: 17.
    # The directory's search finds its page in a query of its own after the counts (it ranks
    # only the rows of the page): 15.
    budget = 18 if url == "{detail}" else 17 if "/offers/" in url else 15 if "q=" in url else 14
    assert counts[0] == counts[1] <= budget, counts
    assert Organisation.objects.count() == 2 + 2 + 30


def test_counts_of_the_whole_directory_are_cached_until_the_next_refresh(
    client: Client, directory: Directory
) -> None:
    assert client.get("/en/organisations/").context["page"].paginator.count == 2
    Organisation.objects.filter(pk=directory.other.pk).update(status=Organisation.Status.ARCHIVED)
    # Every write path refreshes the search data after a change; that renews the counts.
    organisation_search_refresh(organisation_ids=[directory.other.pk])
    response = client.get("/en/organisations/")
    assert response.context["page"].paginator.count == 1
    assert dict(response.context["filterset"].form.fields["language"].choices)["tr"].endswith("(0)")


def card_of(response: object, name: str) -> str:
    cards = [card for card in response.context["page"].object_list if card.name == name]  # type: ignore[attr-defined]
    assert len(cards) == 1, name
    return str(cards[0].html)


def test_a_card_shows_kind_districts_languages_and_topics(
    client: Client, directory: Directory
) -> None:
    html = card_of(client.get("/de/organisations/"), "Frauenforum Nord")
    assert f'href="/de/organisations/{directory.match.slug}/"' in html
    assert "Initiative" in html and "migrantisch geführt" in html
    assert "<dd>Pankow</dd>" in html
    assert '<dd>Arabisch / <span lang="ar" dir="auto">العربية</span></dd>' in html
    assert "<dd>Frauen</dd>" in html
    assert "Farsi" not in html  # counselling only: the card lists the languages spoken
    english = card_of(client.get("/en/organisations/"), "Frauenforum Nord")
    assert "<dd>Arabic / " in english and "<dd>Women</dd>" in english
    assert 'href="/en/organisations/' in english


def test_a_card_changes_with_its_organisation_at_once(client: Client, directory: Directory) -> None:
    assert "badge--ok" not in card_of(client.get("/de/organisations/"), "Frauenforum Nord")
    staff = UserFactory()
    DistrictStaff.objects.create(user=staff, district=directory.pankow)
    organisation_set_verified(organisation=directory.match, staff=staff, verified=True)
    directory.match.topics.add(TopicFactory(name_de="Sport"))
    organisation_search_refresh(organisation_ids=[directory.match.pk])
    html = card_of(client.get("/de/organisations/"), "Frauenforum Nord")
    assert "badge--ok" in html  # verified
    assert "<dd>Frauen, Sport</dd>" in html or "<dd>Sport, Frauen</dd>" in html


@pytest.mark.parametrize(
    ("sort", "page", "expected_number"),
    [("", "2", 2), ("name", "1", 1), ("updated", "2", 2), ("", "9", 2), ("", "x", 1)],
)
def test_search_with_a_filter_pages_through_the_same_order_as_the_query(
    client: Client, directory: Directory, sort: str, page: str, expected_number: int
) -> None:
    _grow(directory, 30)
    Organisation.objects.filter(name="Frauenforum 007").update(name="Frauenforum Spezial")
    organisation_search_refresh()
    query = f"q=Frauenforum&district={directory.pankow.pk}&page={page}"
    response = client.get(f"/de/organisations/?{query}" + (f"&sort={sort}" if sort else ""))
    filterset = response.context["filterset"]
    expected = list(filterset.ordered(filterset.qs))
    shown = response.context["page"]
    assert shown.number == expected_number
    assert shown.paginator.count == len(expected) > 25
    start = (expected_number - 1) * 25
    assert [card.pk for card in shown.object_list] == [
        organisation.pk for organisation in expected[start : start + 25]
    ]


def test_offer_cards_link_the_organisation_and_name_its_districts(
    client: Client, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import DistrictFactory, OfferFactory, OrganisationFactory

    organisation = OrganisationFactory(
        name="Sprachbrücke",
        districts=[DistrictFactory(name="Pankow"), DistrictFactory(name="Mitte")],
    )
    OfferFactory(organisation=organisation, title="Deutschkurs")
    for number in range(3):
        OfferFactory(title=f"Beratung {number}")
    organisation_search_refresh()
    # The offers page's budget (see test_pages_run_a_fixed_number_of_queries_whatever_the_data).
    with django_assert_max_num_queries(16):
        html = client.get("/en/offers/").content.decode()
    card = html.split("Deutschkurs")[1].split("</li>")[0]
    url = organisation.get_absolute_url().replace("/de/", "/en/")
    link = card.split(f'by <a href="{url}">')[1].split("</a>")[0]
    assert "Sprachbrücke" in link
    assert "Mitte, Pankow" in card
