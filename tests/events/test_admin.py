"""The events admin: every page opens, the state of an event changes only through actions that
call the services, and no admin path breaks the seat rules."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.core import mail
from django.db.models import Model
from django.test import Client
from django.utils import timezone

from accounts.models import User
from events.models import Event, Registration
from tests.admin_pages import (
    admin_url,
    assert_admin_pages_open,
    change_form_data,
    registered_models,
)
from tests.factories import DistrictFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db: None) -> User:
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(superuser: User) -> Client:
    client = Client()
    client.force_login(superuser)
    return client


MAKERS: dict[type[Model], Callable[[], Model]] = {
    Event: EventFactory,
    Registration: RegistrationFactory,
}


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("events") == set(MAKERS)


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda model: model.__name__)
def test_the_admin_pages_open_for_a_superuser(
    admin_client: Client, superuser: User, model: type[Model]
) -> None:
    assert_admin_pages_open(admin_client, superuser, MAKERS[model])


def admin_form_data(client: Client, url: str) -> dict[str, object]:
    """``change_form_data`` with dates and times as the admin's split widgets post them."""
    data = change_form_data(client.get(url))
    for name, value in list(data.items()):
        if isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = f"{local:%d.%m.%Y}", f"{local:%H:%M:%S}"
            del data[name]
    return data


def edit_in_admin(client: Client, event: Event, **changes: object) -> tuple[int, str]:
    url = admin_url(Event, "change", event.pk)
    data = admin_form_data(client, url)
    data.update(changes)
    response = client.post(url, data)
    return response.status_code, response.content.decode()


# --- Details go through event_update --------------------------------------------------------


def test_the_workflow_fields_cannot_be_changed_in_the_form(admin_client: Client) -> None:
    event = EventFactory(status=Event.Status.DRAFT, slug="round-table")
    status, _page = edit_in_admin(
        admin_client,
        event,
        title="Round table on schools",
        status=Event.Status.PUBLISHED,
        slug="archive",
        published_at="2020-01-01 10:00",
        organiser_district=DistrictFactory().pk,
    )
    assert status == 302
    before_district = event.organiser_district_id
    event.refresh_from_db()
    assert event.title == "Round table on schools"
    assert (event.status, event.slug, event.published_at) == (
        Event.Status.DRAFT,
        "round-table",
        None,
    )
    assert event.organiser_district_id == before_district


def test_a_capacity_below_the_seats_taken_is_refused_so_nobody_is_overbooked(
    admin_client: Client,
) -> None:
    event = EventFactory(capacity=3)
    RegistrationFactory.create_batch(3, event=event)
    status, page = edit_in_admin(admin_client, event, capacity=2)
    assert status == 200
    assert "3 Plätze sind bereits vergeben" in page
    event.refresh_from_db()
    assert event.capacity == 3
    assert event.registrations.active().seat_total() == 3


def test_a_larger_capacity_moves_the_waiting_list_up_and_tells_them(admin_client: Client) -> None:
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    status, _page = edit_in_admin(admin_client, event, capacity=2)
    assert status == 302
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED and waiting.promoted_at
    assert [m.to for m in mail.outbox] == [[waiting.email]]


def test_a_save_after_someone_else_changed_the_event_is_refused(admin_client: Client) -> None:
    event = EventFactory(title="Round table")
    url = admin_url(Event, "change", event.pk)
    data = admin_form_data(admin_client, url)
    admin_client.post(
        admin_url(Event, "changelist"),
        {"action": "cancel", "_selected_action": [event.pk], "apply": "yes", "reason": ""},
    )
    data["title"] = "Round table on schools"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "von jemand anderem geändert" in response.content.decode()
    event.refresh_from_db()
    assert (event.title, event.status) == ("Round table", Event.Status.CANCELLED)


def test_an_event_added_in_the_admin_is_created_by_the_service_as_a_draft(
    admin_client: Client, superuser: User
) -> None:
    district = DistrictFactory()
    response = admin_client.post(
        admin_url(Event, "add"),
        {
            "organiser_district": district.pk,
            "title": "Runder Tisch Wohnen",
            "kind": Event.Kind.ROUND_TABLE,
            "starts_at_0": "14.03.2031",
            "starts_at_1": "18:00:00",
            "ends_at_0": "14.03.2031",
            "ends_at_1": "20:00:00",
            "waiting_list": "on",
            "max_seats_per_signup": 1,
            "visibility": Event.Visibility.PUBLIC,
            "original_language": "de",
            "translations": "{}",
            "status": Event.Status.PUBLISHED,
            "slug": "archive",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.slug, event.status) == ("runder-tisch-wohnen-2031-03-14", Event.Status.DRAFT)
    assert (event.organiser, event.created_by) == (district, superuser)


# --- State changes are actions ----------------------------------------------------------------


def test_cancelling_in_the_admin_asks_for_a_message_then_tells_everyone(
    admin_client: Client,
) -> None:
    event = EventFactory(capacity=1)
    people = [
        RegistrationFactory(event=event),
        RegistrationFactory(event=event, status=Registration.Status.WAITLISTED),
    ]
    changelist = admin_url(Event, "changelist")
    asked = admin_client.post(changelist, {"action": "cancel", "_selected_action": [event.pk]})
    assert asked.status_code == 200 and "Nachricht" in asked.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and not mail.outbox

    done = admin_client.post(
        changelist,
        {
            "action": "cancel",
            "_selected_action": [event.pk],
            "apply": "yes",
            "reason": "The room is flooded.",
        },
    )
    assert done.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED and event.cancelled_at
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all("The room is flooded." in m.body for m in mail.outbox)


def test_publishing_in_the_admin_publishes_drafts_and_refuses_cancelled_events(
    admin_client: Client,
) -> None:
    draft = EventFactory(status=Event.Status.DRAFT)
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    response = admin_client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [draft.pk, cancelled.pk]},
        follow=True,
    )
    assert "cannot be published again" in response.content.decode() or (
        "nicht wieder veröffentlicht" in response.content.decode()
    )
    draft.refresh_from_db()
    cancelled.refresh_from_db()
    assert draft.status == Event.Status.PUBLISHED and draft.published_at
    assert cancelled.status == Event.Status.CANCELLED


def test_an_event_with_sign_ups_cannot_be_deleted_only_cancelled(admin_client: Client) -> None:
    event = EventFactory()
    RegistrationFactory(event=event)
    response = admin_client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()
    empty = EventFactory(status=Event.Status.DRAFT)
    response = admin_client.post(admin_url(Event, "delete", empty.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=empty.pk).exists()


# --- Sign-ups: read, cancelled or deleted through the services --------------------------------


def test_a_sign_up_is_read_only_in_the_admin(admin_client: Client) -> None:
    registration = RegistrationFactory(seats=1)
    url = admin_url(Registration, "change", registration.pk)
    page = admin_client.get(url)
    assert page.status_code == 200 and registration.token not in page.content.decode()
    assert admin_client.post(url, {"seats": 5, "status": "attended"}).status_code == 403
    registration.refresh_from_db()
    assert (registration.seats, registration.status) == (1, Registration.Status.CONFIRMED)


def test_deleting_a_sign_up_moves_the_next_person_up_and_tells_them(admin_client: Client) -> None:
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    response = admin_client.post(admin_url(Registration, "delete", seated.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Registration.objects.filter(pk=seated.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[waiting.email]]


def test_deleting_several_sign_ups_moves_the_waiting_list_up(admin_client: Client) -> None:
    event = EventFactory(capacity=2)
    seated = RegistrationFactory.create_batch(2, event=event)
    waiting = RegistrationFactory.create_batch(
        2, event=event, status=Registration.Status.WAITLISTED
    )
    response = admin_client.post(
        admin_url(Registration, "changelist"),
        {"action": "delete_selected", "_selected_action": [r.pk for r in seated], "post": "yes"},
    )
    assert response.status_code == 302
    assert event.registrations.active().seat_total() == 2
    assert set(event.registrations.active()) == set(waiting)


def test_cancelling_a_sign_up_in_the_admin_moves_the_waiting_list_up(
    admin_client: Client,
) -> None:
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    response = admin_client.post(
        admin_url(Registration, "changelist"),
        {"action": "cancel", "_selected_action": [seated.pk]},
    )
    assert response.status_code == 302
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, waiting.email])
