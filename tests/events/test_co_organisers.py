"""Events run together: a district and organisations organising one round table, who may run it,
what the pages, feeds and exports say, and what the database refuses."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events import services
from events.models import Event, EventCoOrganiser
from networks.models import Network
from organisations.services import organisation_merge
from tests.conftest import Cast
from tests.events.conftest import EventsCast
from tests.factories import (
    DistrictFactory,
    EventFactory,
    LanguageFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_table(cast: Cast) -> Event:
    """A round table of the district office Pankow, organised together with Brücke e.V."""
    event = EventFactory(title="Runder Tisch Wohnen", organiser_district=cast.district)
    EventCoOrganiser.objects.create(event=event, organisation=cast.organisation)
    RegistrationFactory(event=event, name="Amal Haddad", email="amal@example.org")
    return event


# --- Who runs an event organised together ---------------------------------------------------


@pytest.mark.parametrize("role", ["staff", "editor", "owner"])
def test_people_of_every_organiser_see_the_registrations(
    cast: Cast, round_table: Event, client_for, role: str
) -> None:
    client = client_for(getattr(cast, role))
    page = client.get(reverse("events:registrations", kwargs={"slug": round_table.slug}))
    assert page.status_code == 200
    assert "Amal Haddad" in page.content.decode()
    export = client.get(reverse("events:registrations_csv", kwargs={"slug": round_table.slug}))
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Amal Haddad"]


@pytest.mark.parametrize("role", ["other_member", "other_staff", "outsider"])
def test_a_third_organisation_does_not_see_the_registrations(
    cast: Cast, round_table: Event, client_for, role: str
) -> None:
    client = client_for(getattr(cast, role))
    for view in ("registrations", "registrations_csv"):
        response = client.get(reverse(f"events:{view}", kwargs={"slug": round_table.slug}))
        assert response.status_code == 403
        assert b"Amal Haddad" not in response.content


def test_a_draft_run_together_is_found_by_the_co_organiser_only(
    cast: Cast, round_table: Event, client_for
) -> None:
    round_table.status = Event.Status.DRAFT
    round_table.save()
    assert client_for(cast.editor).get(round_table.get_absolute_url()).status_code == 200
    assert client_for(cast.other_member).get(round_table.get_absolute_url()).status_code == 404


def test_the_co_organiser_finds_the_event_among_its_events(
    cast: Cast, round_table: Event, client_for
) -> None:
    page = client_for(cast.editor).get(reverse("events:manage")).content.decode()
    assert "Runder Tisch Wohnen" in page


def test_a_co_organiser_may_edit_and_cancel_the_event(
    cast: Cast, round_table: Event, client_for
) -> None:
    client = client_for(cast.editor)
    response = client.post(
        reverse("events:cancel", kwargs={"slug": round_table.slug}), {"message": "Sorry."}
    )
    assert response.status_code == 302
    round_table.refresh_from_db()
    assert round_table.is_cancelled


def test_members_of_a_co_organising_network_see_its_members_only_event(
    events_cast: EventsCast, client_for
) -> None:
    other_network = Network.objects.create(
        name="Netzwerk Spandau",
        slug="netzwerk-spandau",
        scope=Network.Scope.DISTRICT,
        city=events_cast.cast.other_district.city,
        district=events_cast.cast.other_district,
        goal="Together.",
    )
    event = EventFactory(
        organiser_district=None,
        organiser_network=other_network,
        visibility=Event.Visibility.MEMBERS,
    )
    EventCoOrganiser.objects.create(event=event, network=events_cast.network)
    # The coordinator's organisation is a member of the co-organising network.
    assert client_for(events_cast.coordinator).get(event.get_absolute_url()).status_code == 200
    assert client_for(events_cast.cast.outsider).get(event.get_absolute_url()).status_code == 404


# --- Adding and removing co-organisers ---------------------------------------------------------


def test_an_organiser_adds_a_published_organisation_and_its_owners_are_told(
    cast: Cast, client_for
) -> None:
    event = EventFactory(title="Runder Tisch Bildung", organiser_district=cast.district)
    url = reverse("events:organisers", kwargs={"slug": event.slug})
    response = client_for(cast.staff).post(
        url, {"organiser": f"organisation:{cast.organisation.pk}"}
    )
    assert response.status_code == 302 and response.url == url
    assert [co.organisation for co in event.co_organisers.all()] == [cast.organisation]
    assert [message.to for message in mail.outbox] == [[cast.owner.email]]
    assert "Runder Tisch Bildung" in mail.outbox[0].subject
    # Its editor runs the event from now on.
    assert (
        client_for(cast.editor).get(reverse("events:edit", kwargs={"slug": event.slug})).status_code
        == 200
    )


def test_an_unpublished_organisation_cannot_be_added(cast: Cast) -> None:
    event = EventFactory(organiser_district=cast.district)
    draft = OrganisationFactory(status="draft")
    with pytest.raises(ValidationError):
        services.event_add_organiser(event=event, organiser=draft, user=cast.staff)
    assert not event.co_organisers.exists()


def test_a_closed_network_cannot_be_added(events_cast: EventsCast) -> None:
    network = events_cast.network
    network.phase = Network.Phase.CLOSED
    network.save()
    event = events_cast.district_event
    with pytest.raises(ValidationError):
        services.event_add_organiser(event=event, organiser=network, user=events_cast.cast.staff)
    assert not event.co_organisers.exists()


def test_the_form_offers_no_unpublished_organisation_and_no_organiser_twice(
    cast: Cast, round_table: Event, client_for
) -> None:
    draft = OrganisationFactory(name="Noch nicht veröffentlicht", status="draft")
    response = client_for(cast.staff).get(
        reverse("events:organisers", kwargs={"slug": round_table.slug})
    )
    values = [
        value
        for _group, options in response.context["form"].fields["organiser"].choices[1:]
        for value, _label in options
    ]
    assert f"organisation:{draft.pk}" not in values
    assert f"organisation:{cast.organisation.pk}" not in values
    assert f"district:{cast.district.pk}" not in values
    assert f"organisation:{cast.other_organisation.pk}" in values


def test_an_organiser_cannot_be_added_twice(cast: Cast, round_table: Event) -> None:
    for organiser in (cast.organisation, cast.district):
        with pytest.raises(ValidationError):
            services.event_add_organiser(event=round_table, organiser=organiser, user=cast.staff)
    assert round_table.co_organisers.count() == 1


def test_a_co_organiser_leaves_and_loses_the_event(
    cast: Cast, round_table: Event, client_for
) -> None:
    co_organiser = round_table.co_organisers.get()
    client = client_for(cast.editor)
    response = client.post(
        reverse("events:organiser_remove", kwargs={"slug": round_table.slug, "pk": co_organiser.pk})
    )
    assert response.status_code == 302 and response.url == round_table.get_absolute_url()
    assert not round_table.co_organisers.exists()
    assert [message.to for message in mail.outbox] == [[cast.owner.email]]
    registrations = reverse("events:registrations", kwargs={"slug": round_table.slug})
    assert client.get(registrations).status_code == 403


def test_the_lead_organiser_cannot_be_removed_so_the_last_organiser_stays(
    cast: Cast, round_table: Event, client_for
) -> None:
    # The lead is no co-organiser row: there is nothing to remove it by.
    other_event = EventFactory(organiser_district=cast.district)
    foreign = EventCoOrganiser.objects.create(
        event=other_event, network=None, district=DistrictFactory()
    )
    url = reverse("events:organiser_remove", kwargs={"slug": round_table.slug, "pk": foreign.pk})
    assert client_for(cast.staff).post(url).status_code == 404
    assert EventCoOrganiser.objects.filter(pk=foreign.pk).exists()
    round_table.refresh_from_db()
    assert round_table.organiser == cast.district


# --- What pages, feeds and exports say --------------------------------------------------------


def test_the_event_page_names_all_organisers(
    cast: Cast, round_table: Event, client: Client
) -> None:
    page = client.get(f"/en/events/{round_table.slug}/").content.decode()
    assert "District office Pankow</bdi> and <a" in page
    assert cast.organisation.get_absolute_url().replace("/de/", "/en/") in page
    with translation.override("en"):
        assert round_table.organiser_names == "District office Pankow and Brücke e.V."


def test_an_unpublished_co_organiser_is_not_named_in_public(cast: Cast, round_table: Event) -> None:
    cast.organisation.status = "draft"
    cast.organisation.save()
    event = Event.objects.with_organisers().get(pk=round_table.pk)
    assert event.organisers == [cast.district]


def test_the_organisation_page_and_feed_include_events_it_co_organises(
    cast: Cast, round_table: Event, client: Client
) -> None:
    page = client.get(cast.organisation.get_absolute_url()).content.decode()
    assert "Runder Tisch Wohnen" in page
    feed = client.get(reverse("events:feed_organisation", kwargs={"slug": cast.organisation.slug}))
    titles = [str(item["summary"]) for item in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert titles == ["Runder Tisch Wohnen"]


def test_the_district_lists_events_its_organisations_co_organise(
    cast: Cast, client: Client
) -> None:
    event = EventFactory(title="Gemeinsam in Spandau", organiser_district=cast.other_district)
    EventCoOrganiser.objects.create(event=event, organisation=cast.organisation)
    page = client.get("/en/events/", {"district": cast.district.pk}).content.decode()
    assert "Gemeinsam in Spandau" in page
    assert list(Event.objects.in_district(cast.district)) == [event]


def test_the_calendar_names_all_organisers(cast: Cast, round_table: Event, client: Client) -> None:
    response = client.get(f"/en/events/{round_table.slug}/event.ics")
    (component,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert component["organizer"].params["CN"] == "District office Pankow and Brücke e.V."


def test_json_ld_lists_every_organiser(cast: Cast, round_table: Event, client: Client) -> None:
    page = client.get(f"/en/events/{round_table.slug}/").content.decode()
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(page[start : page.index("</script>", start)])
    names = [organiser["name"] for organiser in data["organizer"]]
    assert names == ["District office Pankow", "Brücke e.V."]
    assert data["organizer"][1]["identifier"] == f"urn:uuid:{cast.organisation.uuid}"


# --- Merging, constraints, existing events ------------------------------------------------------


def test_a_merge_hands_co_organised_events_to_the_entry_that_stays(
    cast: Cast, round_table: Event
) -> None:
    duplicate = OrganisationFactory(name="Brücke e.V. (Dublette)", districts=[cast.district])
    other_event = EventFactory(organiser_district=cast.district)
    EventCoOrganiser.objects.create(event=other_event, organisation=duplicate)
    EventCoOrganiser.objects.create(event=round_table, organisation=duplicate)
    organisation_merge(kept=cast.organisation, removed=duplicate, staff=cast.staff)
    assert list(round_table.co_organisers.values_list("organisation", flat=True)) == [
        cast.organisation.pk
    ]
    assert list(other_event.co_organisers.values_list("organisation", flat=True)) == [
        cast.organisation.pk
    ]


def test_an_event_without_any_organiser_cannot_be_saved(cast: Cast) -> None:
    event = EventFactory.build(organiser_district=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


@pytest.mark.parametrize(
    "parties",
    [{}, {"district": "district", "organisation": "organisation"}],
    ids=["none", "two"],
)
def test_a_co_organiser_row_names_exactly_one_party(cast: Cast, parties: dict[str, str]) -> None:
    event = EventFactory(organiser_district=cast.district)
    values = {field: getattr(cast, name) for field, name in parties.items()}
    with pytest.raises(IntegrityError), transaction.atomic():
        EventCoOrganiser.objects.create(event=event, **values)


def test_the_same_party_cannot_co_organise_twice(cast: Cast, round_table: Event) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        EventCoOrganiser.objects.create(event=round_table, organisation=cast.organisation)


def test_existing_events_keep_their_single_organiser(events_cast: EventsCast) -> None:
    for kind in ("district", "network", "organisation"):
        event = Event.objects.with_organisers().get(pk=events_cast.event(kind).pk)
        assert event.organisers == [event.organiser]
        assert event.organiser_names == event.organiser_name


# --- Queries -----------------------------------------------------------------------------------


def run_together_events(count: int, cast: Cast) -> None:
    arabic = LanguageFactory()
    for number in range(count):
        event = EventFactory(title=f"Gemeinsam {number}", organiser_district=cast.district)
        event.languages.set([arabic])
        EventCoOrganiser.objects.create(event=event, organisation=OrganisationFactory())
        EventCoOrganiser.objects.create(event=event, district=DistrictFactory())
        RegistrationFactory(event=event)


def test_the_list_costs_the_same_queries_with_several_organisers(
    cast: Cast, client: Client, django_assert_max_num_queries
) -> None:
    run_together_events(12, cast)
    with django_assert_max_num_queries(9):
        page = client.get("/en/events/").content.decode()
    assert "Gemeinsam 11" in page


def test_the_detail_costs_the_same_queries_with_several_organisers(
    cast: Cast, round_table: Event, client: Client, django_assert_max_num_queries
) -> None:
    for _ in range(5):
        EventCoOrganiser.objects.create(event=round_table, organisation=OrganisationFactory())
    with django_assert_max_num_queries(7):
        assert client.get(round_table.get_absolute_url()).status_code == 200


def test_the_organisers_page_costs_a_fixed_number_of_queries(
    cast: Cast, round_table: Event, client_for, django_assert_max_num_queries
) -> None:
    for _ in range(5):
        EventCoOrganiser.objects.create(event=round_table, organisation=OrganisationFactory())
        MembershipFactory()
    client = client_for(cast.staff)
    client.get("/en/")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("events:organisers", kwargs={"slug": round_table.slug}))
    assert response.status_code == 200


def test_the_manage_page_costs_the_same_queries_with_several_organisers(
    cast: Cast, client_for, django_assert_max_num_queries
) -> None:
    run_together_events(8, cast)
    client = client_for(cast.staff)
    client.get("/en/")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("events:manage")).content.decode()
    assert "Gemeinsam 7" in page
