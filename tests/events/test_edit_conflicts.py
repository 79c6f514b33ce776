"""An organiser's edit never overwrites what someone else saved after the form was opened, and an
edit never publishes a cancelled event again."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse

from events import services
from events.models import Event
from tests.events.conftest import edit_form_data
from tests.factories import DistrictStaffFactory, EventFactory, RegistrationFactory


def edit_url(event: Event) -> str:
    return reverse("events:edit", kwargs={"slug": event.slug})


def organiser_of(event: Event) -> Client:
    client = Client()
    client.force_login(DistrictStaffFactory(district=event.organiser_district).user)
    return client


@pytest.mark.django_db
def test_a_form_opened_before_a_cancellation_shows_both_values_and_saves_nothing() -> None:
    event = EventFactory(title="Round table on housing", capacity=20)
    RegistrationFactory(event=event)
    client = organiser_of(event)
    data = edit_form_data(client, event, title="Round table on housing and schools", capacity=30)
    told = services.event_cancel(event=event, message="The room is flooded.")

    response = client.post(edit_url(event).replace("/de/", "/en/"), data)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Changed by someone else since you opened it" in page
    assert "The event's status now: cancelled." in page
    assert "Round table on housing</td>" in page, "what is saved now"
    assert "Round table on housing and schools</td>" in page, "what the organiser typed"
    assert '<th scope="row">Seats</th>' in page
    assert '<th scope="row">Starts</th>' not in page, "only what differs"
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED and told == 1
    assert (event.title, event.capacity) == ("Round table on housing", 20)
    assert response.context["form"]["revision"].value() == str(event.revision)


@pytest.mark.django_db
def test_saving_again_after_the_conflict_keeps_the_typed_values_and_the_cancellation() -> None:
    event = EventFactory(title="Round table on housing")
    client = organiser_of(event)
    data = edit_form_data(client, event, title="Round table on schools")
    services.event_cancel(event=event)
    conflict = client.post(edit_url(event), data)
    data["revision"] = conflict.context["form"]["revision"].value()

    response = client.post(edit_url(event), data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Round table on schools"
    assert event.status == Event.Status.CANCELLED, "an edit never publishes it again"


@pytest.mark.django_db
def test_an_edit_without_the_revision_it_was_opened_on_is_refused() -> None:
    event = EventFactory(title="Round table on housing")
    client = organiser_of(event)
    data = edit_form_data(client, event, title="Round table on schools")
    del data["revision"]
    response = client.post(edit_url(event), data)
    assert response.status_code == 200 and response.context["form"].errors
    event.refresh_from_db()
    assert event.title == "Round table on housing"


@pytest.mark.django_db
def test_an_edit_writes_only_the_fields_it_changes() -> None:
    event = EventFactory(title="Round table", capacity=20)
    revision = event.revision
    data = services.EventData.of(event, title="Round table on schools")
    # Someone else's write that does not count as a change of the event's details.
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    services.event_update(event=event, data=data, revision=revision)
    event.refresh_from_db()
    assert (event.title, event.status) == ("Round table on schools", Event.Status.CANCELLED)
    assert event.revision == revision + 1


@pytest.mark.django_db
def test_a_cancelled_event_is_not_published_again() -> None:
    event = EventFactory()
    services.event_cancel(event=event)
    with pytest.raises(ValidationError):
        services.event_publish(event=event)
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


ROUNDS = 15


def at_the_same_moment(*requests: tuple[Client, str, dict[str, Any]]) -> list[Any]:
    """POST every request in its own thread (and database connection), released together."""
    start = threading.Barrier(len(requests))
    answers: list[Any] = [None] * len(requests)

    def post(index: int, client: Client, url: str, body: dict[str, Any]) -> None:
        try:
            start.wait()
            answers[index] = client.post(url, body)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=post, args=(index, *request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.django_db(transaction=True)
def test_an_edit_racing_a_cancellation_never_leaves_the_event_published() -> None:
    """Each round: the organiser opened the edit form; then their save and a colleague's
    cancellation arrive at the same moment."""
    outcomes = []
    for number in range(ROUNDS):
        event = EventFactory(title=f"Round table {number}", capacity=20)
        people = RegistrationFactory.create_batch(2, event=event)
        editor, colleague = organiser_of(event), organiser_of(event)
        data = edit_form_data(editor, event, title=f"Round table {number} (new room)")
        mail.outbox.clear()

        edited, cancelled = at_the_same_moment(
            (editor, edit_url(event), data),
            (
                colleague,
                reverse("events:cancel", kwargs={"slug": event.slug}),
                {"message": "The room is flooded."},
            ),
        )

        event.refresh_from_db()
        assert cancelled.status_code == 302
        assert event.status == Event.Status.CANCELLED, f"round {number}"
        assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
        if edited.status_code == 302:  # the edit came first and was saved
            outcomes.append("saved")
            assert event.title == f"Round table {number} (new room)"
        else:  # the cancellation came first: the editor is told, nothing is overwritten
            outcomes.append("told")
            assert "von jemand anderem geändert" in edited.content.decode()
            assert event.title == f"Round table {number}"
    assert len(outcomes) == ROUNDS
