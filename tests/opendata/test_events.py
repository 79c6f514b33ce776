"""Events as open data: JSON-LD on the event page, the Atom feed of new events, events.csv in
the bundle and event and network pages in the sitemap. Only public, published events ever."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from events.models import Event
from networks.models import Network
from organisations.models import Organisation
from tests.factories import (
    DistrictFactory,
    EventFactory,
    LanguageFactory,
    NetworkFactory,
    OrganisationFactory,
    RegistrationFactory,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SCHEMA = "https://schema.org/"
ONLINE_LINK = "https://meet.example.org/secret-room"


@dataclass
class Calendar:
    network: Network
    draft_network: Network
    public: Event
    online: Event
    cancelled: Event
    members_only: Event
    draft: Event
    past: Event
    of_draft_organisation: Event


def days(number: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=number)


@pytest.fixture
def calendar(db: None) -> Calendar:
    pankow = DistrictFactory(name="Pankow", slug="pankow")
    arabic = LanguageFactory(code="ar")
    german = LanguageFactory(code="de")
    network = NetworkFactory(name="Netzwerk Pankow", slug="netzwerk-pankow", district=pankow)
    draft_network = NetworkFactory(
        name="Netzwerk im Aufbau", slug="netzwerk-im-aufbau", phase=Network.Phase.PREPARATION
    )
    public = EventFactory(
        title="Runder Tisch Pankow",
        slug="runder-tisch-pankow",
        organiser_district=pankow,
        starts_at=days(7),
        ends_at=days(7) + datetime.timedelta(hours=2),
        venue_name="Stadtteilzentrum",
        venue_address="Parkstraße 12, 13187 Berlin",
        online_link=ONLINE_LINK,
        capacity=20,
        childcare=True,
        published_at=days(-2),
    )
    public.languages.set([german, arabic])
    public.interpretation_languages.set([arabic])
    RegistrationFactory(event=public, seats=1)
    RegistrationFactory(event=public, email="private.person@example.org", name="Private Person")
    organisation = OrganisationFactory(name="Brücke der Kulturen", districts=[pankow])
    online = EventFactory(
        title="Online-Workshop",
        slug="online-workshop",
        kind=Event.Kind.WORKSHOP,
        organiser_district=None,
        organiser_organisation=organisation,
        starts_at=days(14),
        ends_at=days(14) + datetime.timedelta(hours=1),
        venue_name="",
        venue_address="",
        online_link=ONLINE_LINK,
        capacity=None,
        signup_opens_at=days(3),
        published_at=days(-1),
    )
    cancelled = EventFactory(
        title="Abgesagtes Treffen",
        slug="abgesagtes-treffen",
        organiser_district=None,
        organiser_network=network,
        status=Event.Status.CANCELLED,
        published_at=days(-5),
    )
    members_only = EventFactory(
        title="Internes Netzwerktreffen",
        slug="internes-netzwerktreffen",
        organiser_district=None,
        organiser_network=network,
        visibility=Event.Visibility.MEMBERS,
        online_link=ONLINE_LINK,
        published_at=days(-1),
    )
    draft = EventFactory(
        title="Geheimer Entwurf",
        slug="geheimer-entwurf",
        status=Event.Status.DRAFT,
        organiser_district=pankow,
    )
    past = EventFactory(
        title="Vergangenes Treffen",
        slug="vergangenes-treffen",
        organiser_district=pankow,
        starts_at=days(-10),
        ends_at=days(-10) + datetime.timedelta(hours=2),
        published_at=days(-30),
    )
    hidden_organisation = OrganisationFactory(
        name="Versteckt e.V.", status=Organisation.Status.DRAFT, published_at=None
    )
    of_draft_organisation = EventFactory(
        title="Treffen eines Entwurfs",
        slug="treffen-eines-entwurfs",
        organiser_district=None,
        organiser_organisation=hidden_organisation,
        published_at=days(-1),
    )
    return Calendar(
        network=network,
        draft_network=draft_network,
        public=public,
        online=online,
        cancelled=cancelled,
        members_only=members_only,
        draft=draft,
        past=past,
        of_draft_organisation=of_draft_organisation,
    )


def render_jsonld(event: Event) -> str:
    event = Event.objects.for_listing().get(pk=event.pk)
    request = RequestFactory().get(event.get_absolute_url())
    with translation.override("de"):
        return render_to_string("opendata/_event_jsonld.html", {"event": event}, request=request)


def jsonld_of(event: Event) -> dict:
    html = render_jsonld(event)
    match = re.fullmatch(r'\s*<script type="application/ld\+json">(.*)</script>\s*', html, re.S)
    assert match, html
    return json.loads(match.group(1))


# --- JSON-LD -----------------------------------------------------------------------------------


def test_jsonld_describes_a_public_event_with_the_required_properties(calendar: Calendar) -> None:
    data = jsonld_of(calendar.public)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Runder Tisch Pankow"
    assert data["url"] == "http://testserver/de/events/runder-tisch-pankow/"
    start = datetime.datetime.fromisoformat(data["startDate"])
    assert start.utcoffset() is not None
    assert start == calendar.public.starts_at
    assert datetime.datetime.fromisoformat(data["endDate"]) == calendar.public.ends_at
    assert re.search(r"[+-]\d\d:\d\d$", data["startDate"])
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place == {
        "@type": "Place",
        "name": "Stadtteilzentrum",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Parkstraße 12",
            "postalCode": "13187",
            "addressLocality": "Berlin",
            "addressCountry": "DE",
        },
    }
    assert virtual == {"@type": "VirtualLocation", "name": "Online"}
    assert data["organizer"] == {"@type": "Organization", "name": "Bezirksamt Pankow"}
    assert sorted(data["inLanguage"]) == ["ar", "de"]
    assert data["maximumAttendeeCapacity"] == 20
    assert data["remainingAttendeeCapacity"] == 18
    offer = data["offers"]
    assert offer["@type"] == "Offer"
    assert (offer["price"], offer["priceCurrency"]) == ("0", "EUR")
    assert offer["availability"] == SCHEMA + "InStock"
    assert offer["url"] == data["url"]
    assert Event.objects.get(pk=calendar.public.pk).registrations.count() == 2


def test_jsonld_never_contains_the_online_link_or_participants(calendar: Calendar) -> None:
    for event in (calendar.public, calendar.online):
        html = render_jsonld(event)
        assert ONLINE_LINK not in html
        assert "meet.example.org" not in html
        assert "private.person@example.org" not in html
        assert "Private Person" not in html
    assert Event.objects.filter(online_link=ONLINE_LINK).count() == 3


def test_jsonld_of_an_online_event_names_a_virtual_location_and_its_organisation(
    calendar: Calendar,
) -> None:
    data = jsonld_of(calendar.online)
    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "name": "Online"}
    organisation = calendar.online.organiser_organisation
    assert data["organizer"]["name"] == "Brücke der Kulturen"
    assert data["organizer"]["url"] == f"http://testserver/de/organisations/{organisation.slug}/"
    assert data["organizer"]["identifier"] == f"urn:uuid:{organisation.uuid}"
    assert "maximumAttendeeCapacity" not in data
    # Sign-up opens in three days.
    assert data["offers"]["availability"] == SCHEMA + "PreOrder"
    assert datetime.datetime.fromisoformat(data["offers"]["validFrom"]) == (
        calendar.online.signup_opens_at
    )


def test_jsonld_of_a_cancelled_event_says_so_and_offers_nothing(calendar: Calendar) -> None:
    data = jsonld_of(calendar.cancelled)
    assert data["eventStatus"] == SCHEMA + "EventCancelled"
    assert "offers" not in data
    assert data["organizer"]["name"] == "Netzwerk Pankow"
    assert data["organizer"]["url"] == "http://testserver/de/networks/netzwerk-pankow/"


def test_jsonld_of_a_fully_booked_event_is_sold_out(calendar: Calendar) -> None:
    calendar.public.capacity = 2
    calendar.public.save()
    data = jsonld_of(calendar.public)
    assert data["offers"]["availability"] == SCHEMA + "SoldOut"
    assert data["remainingAttendeeCapacity"] == 0


def test_jsonld_of_an_event_whose_signup_has_closed_is_sold_out(calendar: Calendar) -> None:
    calendar.public.signup_closes_at = days(-1)
    calendar.public.save()
    assert jsonld_of(calendar.public)["offers"]["availability"] == SCHEMA + "SoldOut"


def test_jsonld_is_empty_for_drafts_members_only_events_and_unpublished_organisers(
    calendar: Calendar,
) -> None:
    assert render_jsonld(calendar.draft).strip() == ""
    assert render_jsonld(calendar.members_only).strip() == ""
    assert render_jsonld(calendar.of_draft_organisation).strip() == ""
    assert Event.objects.filter(pk=calendar.members_only.pk, status="published").exists()


def test_jsonld_cannot_break_out_of_its_script_element(calendar: Calendar) -> None:
    calendar.public.title = "</script><script>alert(1)</script>"
    calendar.public.save()
    html = render_jsonld(calendar.public)
    assert html.count("</script>") == 1
    assert jsonld_of(calendar.public)["name"] == "</script><script>alert(1)</script>"


def test_event_page_carries_the_jsonld_and_open_graph_title(
    client: Client, calendar: Calendar
) -> None:
    response = client.get("/en/events/runder-tisch-pankow/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<script type="application/ld+json">') == 1
    assert '"@type": "Event"' in html
    assert '<meta property="og:title" content="Runder Tisch Pankow">' in html
    assert ONLINE_LINK not in html


def test_members_see_no_jsonld_on_a_members_only_event_page(
    client: Client, calendar: Calendar
) -> None:
    from tests.factories import MembershipFactory, NetworkMembershipFactory

    member = MembershipFactory()
    NetworkMembershipFactory(network=calendar.network, organisation=member.organisation)
    client.force_login(member.user)
    response = client.get("/de/events/internes-netzwerktreffen/")
    assert response.status_code == 200
    assert "application/ld+json" not in response.content.decode()
    assert calendar.members_only.visibility == Event.Visibility.MEMBERS


def test_event_page_costs_no_more_queries_with_jsonld(
    client: Client, calendar: Calendar, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(8):
        assert client.get("/de/events/runder-tisch-pankow/").status_code == 200


# --- Atom feed ---------------------------------------------------------------------------------


def feed_entries(client: Client, url: str = "/de/open-data/events.atom") -> list[ET.Element]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return list(ET.fromstring(response.content).iter(f"{ATOM}entry"))


def test_atom_feed_lists_only_public_published_events_that_are_not_over(
    client: Client, calendar: Calendar
) -> None:
    entries = feed_entries(client)
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    # Most recently published first; the cancelled one stays, marked.
    assert titles == [
        "Online-Workshop",
        "Runder Tisch Pankow",
        "Abgesagt: Abgesagtes Treffen",
    ]
    everything = client.get("/de/open-data/events.atom").content.decode()
    for secret in (
        "Internes Netzwerktreffen",
        "Geheimer Entwurf",
        "Vergangenes",
        "Treffen eines Entwurfs",
        "Versteckt e.V.",
        "meet.example",
    ):
        assert secret not in everything
    assert Event.objects.count() == 7


def test_atom_feed_entries_link_to_the_page_in_the_feed_language(
    client: Client, calendar: Calendar
) -> None:
    entries = feed_entries(client, "/en/open-data/events.atom")
    public = next(e for e in entries if e.findtext(f"{ATOM}title") == "Runder Tisch Pankow")
    assert public.find(f"{ATOM}link").get("href") == (
        "http://testserver/en/events/runder-tisch-pankow/"
    )
    assert public.findtext(f"{ATOM}id").startswith("tag:")
    assert public.find(f"{ATOM}category").get("term") == "round table"
    summary = public.findtext(f"{ATOM}summary")
    assert "Stadtteilzentrum" in summary and "Pankow" in summary
    german = feed_entries(client, "/de/open-data/events.atom")
    german_ids = {entry.findtext(f"{ATOM}id") for entry in german}
    assert public.findtext(f"{ATOM}id") in german_ids


def test_atom_feed_costs_the_same_queries_whatever_the_number_of_events(
    client: Client, db: None, django_assert_max_num_queries
) -> None:
    network = NetworkFactory()
    for number in range(12):
        EventFactory(published_at=days(-number))
        EventFactory(organiser_district=None, organiser_network=network)
        EventFactory(organiser_district=None, organiser_organisation=OrganisationFactory())
    with django_assert_max_num_queries(2):
        entries = feed_entries(client)
    assert len(entries) == 36


def test_the_event_list_and_open_data_page_link_the_event_feeds(client: Client, db: None) -> None:
    events_page = client.get("/de/events/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Neue Veranstaltungen '
        '(Atom-Feed)" href="/de/open-data/events.atom">' in events_page
    )
    open_data = client.get("/de/open-data/").content.decode()
    for link in ("/de/open-data/events.atom", "/de/events/feed.ics"):
        assert f'href="{link}"' in open_data
    assert "/de/events/feeds/districts/" in open_data


# --- events.csv in the bundle ------------------------------------------------------------------


def bundle(client: Client) -> dict[str, str]:
    response = client.get("/en/open-data/directory.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def test_the_bundle_holds_upcoming_public_events_without_personal_data(
    client: Client, calendar: Calendar
) -> None:
    files = bundle(client)
    rows = list(csv.DictReader(io.StringIO(files["events.csv"])))
    assert sorted(row["title"] for row in rows) == [
        "Abgesagtes Treffen",
        "Online-Workshop",
        "Runder Tisch Pankow",
    ]
    public = next(row for row in rows if row["title"] == "Runder Tisch Pankow")
    url = public.pop("url")
    assert public == {
        "title": "Runder Tisch Pankow",
        "kind": "round_table",
        "status": "published",
        "start": timezone.localtime(calendar.public.starts_at).isoformat(),
        "end": timezone.localtime(calendar.public.ends_at).isoformat(),
        "venue": "Stadtteilzentrum",
        "venue_address": "Parkstraße 12, 13187 Berlin",
        "online": "yes",
        "district": "Pankow",
        "organiser_type": "district",
        "organiser": "Pankow",
        "organiser_id": "",
        "co_organisers": "",
        "languages": "ar; de",
        "interpretation": "ar",
        "childcare": "yes",
        "step_free": "yes",
        "capacity": "20",
        "seats_left": "18",
    }
    assert url.startswith("http") and url.endswith("/en/events/runder-tisch-pankow/")
    online = next(row for row in rows if row["title"] == "Online-Workshop")
    assert (online["organiser_type"], online["district"]) == ("organisation", "Pankow")
    assert online["organiser_id"] == str(calendar.online.organiser_organisation.uuid)
    assert (online["capacity"], online["seats_left"]) == ("", "")
    everything = files["events.csv"]
    for secret in (ONLINE_LINK, "private.person", "Private Person", "events@example.org"):
        assert secret not in everything
    readme = files["README.txt"]
    assert "events.csv (3 rows)" in readme
    assert "seats_left" in readme and "interpretation" in readme
    assert Event.objects.public().upcoming().count() == 4


def test_the_bundle_costs_the_same_queries_whatever_the_number_of_events(
    client: Client, db: None
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        language = LanguageFactory(code="ar")
        for _number in range(3):
            event = EventFactory(
                organiser_district=None, organiser_organisation=OrganisationFactory()
            )
            event.languages.set([language])
            RegistrationFactory(event=event)
            EventFactory(organiser_district=None, organiser_network=NetworkFactory())
        with CaptureQueriesContext(connection) as captured:
            bundle(client)
        return len(captured)

    assert queries() == queries()


# --- sitemap -----------------------------------------------------------------------------------


def sitemap_locations(client: Client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}


def test_sitemap_lists_public_events_and_networks_in_every_language(
    client: Client, calendar: Calendar
) -> None:
    locations = sitemap_locations(client)
    for language in ("de", "en"):
        base = f"http://testserver/{language}"
        assert f"{base}/events/runder-tisch-pankow/" in locations
        assert f"{base}/events/online-workshop/" in locations
        assert f"{base}/events/abgesagtes-treffen/" in locations
        assert f"{base}/networks/netzwerk-pankow/" in locations
        assert f"{base}/events/archive/" in locations
    for hidden in (
        "internes-netzwerktreffen",
        "geheimer-entwurf",
        "vergangenes-treffen",
        "netzwerk-im-aufbau",
        "treffen-eines-entwurfs",
    ):
        assert not any(hidden in location for location in locations), hidden
    assert Network.objects.filter(slug="netzwerk-im-aufbau").exists()
