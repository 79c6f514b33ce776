"""Who may open which organiser view: one matrix over the cast, for every kind of organiser."""

from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import Event
from tests.events.conftest import EventsCast
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other_member", "coordinator", "editor", "staff", "other_staff"]

# Who organises an event of each kind of organiser (the rest get 403, anonymous a login).
ORGANISERS = {
    "district": {"staff"},
    "network": {"coordinator", "staff"},  # staff of the network's district curate it
    "organisation": {"editor"},
}

GET_VIEWS = ["edit", "cancel", "registrations", "registrations_csv", "check_in", "message"]
POST_VIEWS = ["publish", "duplicate", "check_in_toggle"]


def user_for(events_cast: EventsCast, role: str):  # type: ignore[no-untyped-def]
    if role == "anonymous":
        return None
    if role == "coordinator":
        return events_cast.coordinator
    return getattr(events_cast.cast, role)


def url_for(view: str, event: Event) -> str:
    if view == "check_in_toggle":
        registration = RegistrationFactory(event=event)
        return reverse(f"events:{view}", kwargs={"slug": event.slug, "pk": registration.pk})
    return reverse(f"events:{view}", kwargs={"slug": event.slug})


@pytest.mark.parametrize("organiser", list(ORGANISERS))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", GET_VIEWS + POST_VIEWS)
def test_organiser_views_permission_matrix(
    events_cast: EventsCast, client_for, organiser: str, role: str, view: str
) -> None:
    event = events_cast.event(organiser)
    client = client_for(user_for(events_cast, role))
    url = url_for(view, event)
    response = client.post(url) if view in POST_VIEWS else client.get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response.url
    elif role in ORGANISERS[organiser]:
        expected = 302 if view in POST_VIEWS else 200
        assert response.status_code == expected
        if expected == 302:
            assert "/accounts/login/" not in response.url
    else:
        assert response.status_code == 403
    # Nobody but organisers changed anything.
    event.refresh_from_db()
    copies = (
        Event.objects.filter(title__startswith="Copy of").count()
        + Event.objects.filter(title__startswith="Kopie von").count()
    )
    assert copies == (1 if view == "duplicate" and role in ORGANISERS[organiser] else 0)


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
