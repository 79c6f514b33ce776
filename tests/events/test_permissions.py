"""Who may open which organiser view: one matrix over the cast, for every kind of organiser."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Event, EventCoOrganiser
from tests.events.conftest import EventsCast
from tests.factories import DistrictFactory, EventFactory, OrganisationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other_member", "coordinator", "editor", "staff", "other_staff"]

# Who organises an event of each kind of organiser (the rest get 403, anonymous a login).
# "lead+co" events are run together: the people of every organiser run them alike.
ORGANISERS = {
    "district": {"staff"},
    "network": {"coordinator", "staff"},  # staff of the network's district curate it
    "organisation": {"editor"},
    "district+organisation": {"staff", "editor"},
    "network+other_organisation": {"coordinator", "staff", "other_member"},
    "organisation+other_district": {"editor", "other_staff"},
    "other_organisation+network": {"other_member", "coordinator", "staff"},
}

SINGLE_ORGANISERS = ["district", "network", "organisation"]
RUN_TOGETHER = [organiser for organiser in ORGANISERS if "+" in organiser]

GET_VIEWS = [
    "edit",
    "cancel",
    "registrations",
    "registrations_csv",
    "check_in",
    "message",
    "organisers",
]
POST_VIEWS = ["publish", "duplicate", "check_in_toggle", "organiser_add", "organiser_remove"]


def party(events_cast: EventsCast, name: str):  # type: ignore[no-untyped-def]
    if name == "network":
        return events_cast.network
    return getattr(events_cast.cast, name)


def event_for(events_cast: EventsCast, organiser: str) -> Event:
    """One of the cast's events, or a new one run by a lead and a co-organiser."""
    if "+" not in organiser:
        return events_cast.event(organiser)
    lead, co = (party(events_cast, name) for name in organiser.split("+"))
    kind = lead._meta.model_name
    event = EventFactory(
        title=f"Run together: {organiser}",
        organiser_district=lead if kind == "district" else None,
        organiser_network=lead if kind == "network" else None,
        organiser_organisation=lead if kind == "organisation" else None,
    )
    EventCoOrganiser.objects.create(event=event, **{co._meta.model_name: co})
    return event


def user_for(events_cast: EventsCast, role: str):  # type: ignore[no-untyped-def]
    if role == "anonymous":
        return None
    if role == "coordinator":
        return events_cast.coordinator
    return getattr(events_cast.cast, role)


def url_for(view: str, event: Event) -> tuple[str, dict[str, str]]:
    """The view's URL and what a POST sends."""
    if view == "check_in_toggle":
        registration = RegistrationFactory(event=event)
        return reverse(f"events:{view}", kwargs={"slug": event.slug, "pk": registration.pk}), {}
    if view == "organiser_add":
        newcomer = OrganisationFactory(name="Newcomer e.V.")
        url = reverse("events:organisers", kwargs={"slug": event.slug})
        return url, {"organiser": f"organisation:{newcomer.pk}"}
    if view == "organiser_remove":
        # A district nobody of the cast works for: removing it changes no one's access.
        co_organiser = EventCoOrganiser.objects.create(
            event=event, district=DistrictFactory(name="Niemandsland")
        )
        kwargs = {"slug": event.slug, "pk": co_organiser.pk}
        return reverse(f"events:{view}", kwargs=kwargs), {}
    return reverse(f"events:{view}", kwargs={"slug": event.slug}), {}


def co_organisers_as_expected(event: Event, view: str, allowed: bool) -> bool:
    if view == "organiser_add":
        return event.co_organisers.filter(organisation__name="Newcomer e.V.").exists() == allowed
    if view == "organiser_remove":
        return event.co_organisers.filter(district__name="Niemandsland").exists() != allowed
    return True


def check_view(
    events_cast: EventsCast, client: Client, event: Event, organiser: str, role: str, view: str
) -> None:
    url, data = url_for(view, event)
    response = client.post(url, data) if view in POST_VIEWS else client.get(url)
    allowed = role in ORGANISERS[organiser]
    assert co_organisers_as_expected(event, view, allowed), view
    if role == "anonymous":
        assert response.status_code == 302, view
        assert "/accounts/login/" in response.url
    elif allowed:
        expected = 302 if view in POST_VIEWS else 200
        assert response.status_code == expected, view
        if expected == 302:
            assert "/accounts/login/" not in response.url
    else:
        assert response.status_code == 403, view


def copies() -> int:
    return (
        Event.objects.filter(title__startswith="Copy of").count()
        + Event.objects.filter(title__startswith="Kopie von").count()
    )


@pytest.mark.parametrize("organiser", SINGLE_ORGANISERS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", GET_VIEWS + POST_VIEWS)
def test_organiser_views_permission_matrix(
    events_cast: EventsCast, client_for, organiser: str, role: str, view: str
) -> None:
    event = event_for(events_cast, organiser)
    check_view(events_cast, client_for(user_for(events_cast, role)), event, organiser, role, view)
    # Nobody but organisers changed anything.
    assert copies() == (1 if view == "duplicate" and role in ORGANISERS[organiser] else 0)


@pytest.mark.parametrize("organiser", RUN_TOGETHER)
@pytest.mark.parametrize("role", ROLES)
def test_every_organisers_people_run_an_event_organised_together(
    events_cast: EventsCast, client_for, organiser: str, role: str
) -> None:
    """The same matrix for events run together, every view in one test (one cast each)."""
    event = event_for(events_cast, organiser)
    client = client_for(user_for(events_cast, role))
    for view in GET_VIEWS + POST_VIEWS:
        check_view(events_cast, client, event, organiser, role, view)
    assert copies() == (1 if role in ORGANISERS[organiser] else 0)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("other_member", 200),
        ("coordinator", 200),
        ("editor", 200),
        ("staff", 200),
    ],
)
def test_create_is_for_anyone_who_organises_something(
    events_cast: EventsCast, client_for, role: str, expected: int
) -> None:
    user = (
        events_cast.coordinator
        if role == "coordinator"
        else (None if role == "anonymous" else getattr(events_cast.cast, role))
    )
    response = client_for(user).get(reverse("events:create"))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("outsider", 403), ("other_member", 200), ("editor", 200)],
)
def test_delegates_page_is_for_members_of_organisations(
    events_cast: EventsCast, client_for, role: str, expected: int
) -> None:
    user = None if role == "anonymous" else getattr(events_cast.cast, role)
    url = reverse("events:delegates", kwargs={"slug": events_cast.district_event.slug})
    assert client_for(user).get(url).status_code == expected


@pytest.mark.parametrize("role", ["other_member", "editor", "other_staff", "outsider"])
def test_a_draft_is_not_found_for_people_who_do_not_organise_it(
    events_cast: EventsCast, client_for, role: str
) -> None:
    event = events_cast.district_event
    event.status = Event.Status.DRAFT
    event.save()
    client = client_for(getattr(events_cast.cast, role))
    for url in (
        event.get_absolute_url(),
        reverse("events:register", kwargs={"slug": event.slug}),
        reverse("events:edit", kwargs={"slug": event.slug}),
        reverse("events:registrations", kwargs={"slug": event.slug}),
    ):
        assert client.get(url).status_code == 404, url


def test_a_draft_sends_anonymous_visitors_to_the_login(events_cast: EventsCast, client_for) -> None:
    event = events_cast.district_event
    event.status = Event.Status.DRAFT
    event.save()
    response = client_for(None).get(event.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_organiser_of_a_draft_sees_it(events_cast: EventsCast, client_for) -> None:
    event = events_cast.organisation_event
    event.status = Event.Status.DRAFT
    event.save()
    assert client_for(events_cast.cast.owner).get(event.get_absolute_url()).status_code == 200


def test_check_in_toggle_cannot_reach_a_registration_of_another_event(
    events_cast: EventsCast, client_for
) -> None:
    foreign = RegistrationFactory(event=events_cast.organisation_event)
    url = reverse(
        "events:check_in_toggle",
        kwargs={"slug": events_cast.district_event.slug, "pk": foreign.pk},
    )
    response = client_for(events_cast.cast.staff).post(url, {"attended": "1"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "confirmed"
