"""Who may open and use the programme pages of an event: one matrix over the cast, for every kind
of organiser, like tests/events/test_permissions.py."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventResult, EventResultFile, ProgrammePart, Speaker
from tests.events.conftest import EventsCast
from tests.events.test_permissions import ORGANISERS, ROLES, event_for, user_for
from tests.factories import ProgrammePartFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

GET_VIEWS = ["programme", "part_create", "part_edit", "speaker_create", "speaker_edit", "results"]
POST_VIEWS = ["part_delete", "speaker_delete", "result_file_add", "result_file_remove"]
# An upload without a file comes back with the form's errors.
ANSWER = {"result_file_add": 200}


def url_for(view: str, event: Event, part: ProgrammePart, speaker: Speaker) -> str:
    kwargs: dict[str, object] = {"slug": event.slug}
    if view.startswith("part_") and view != "part_create":
        kwargs["pk"] = part.pk
    if view.startswith("speaker_") and view != "speaker_create":
        kwargs["pk"] = speaker.pk
    if view == "result_file_remove":
        kwargs["pk"] = result_file(event).pk
    return reverse(f"events:{view}", kwargs=kwargs)


def result_file(event: Event) -> EventResultFile:
    result, _created = EventResult.objects.get_or_create(
        event=event, defaults={"summary": "We agreed.", "published_at": timezone.now()}
    )
    return EventResultFile.objects.create(
        result=result,
        kind="document",
        title="Minutes",
        file="events/results/x.pdf",
        filename="Minutes.pdf",
        content_type="application/pdf",
        size=10,
    )


def ended(event: Event) -> Event:
    """Results can be published only after the event: move it into the past."""
    event.starts_at = timezone.now() - datetime.timedelta(hours=3)
    event.ends_at = timezone.now() - datetime.timedelta(hours=1)
    event.save()
    return event


@pytest.mark.parametrize("organiser", list(ORGANISERS))
@pytest.mark.parametrize("role", ROLES)
def test_programme_views_permission_matrix(
    events_cast: EventsCast, client_for, organiser: str, role: str
) -> None:
    """Every programme view (one cast per organiser and role), for events of one organiser and
    events run together: the people of every organiser manage the programme alike."""
    event = ended(event_for(events_cast, organiser))
    client = client_for(user_for(events_cast, role))
    allowed = role in ORGANISERS[organiser]
    for view in GET_VIEWS + POST_VIEWS:
        part = ProgrammePartFactory(event=event)
        speaker = SpeakerFactory(event=event)
        url = url_for(view, event, part, speaker)
        response = client.post(url) if view in POST_VIEWS else client.get(url)
        if role == "anonymous":
            assert response.status_code == 302, view
            assert "/accounts/login/" in response.url
        elif allowed:
            expected = ANSWER.get(view, 302 if view in POST_VIEWS else 200)
            assert response.status_code == expected, view
        else:
            assert response.status_code == 403, view
        # Only organisers removed anything.
        assert ProgrammePart.objects.filter(pk=part.pk).exists() == (
            not (allowed and view == "part_delete")
        ), view
        assert Speaker.objects.filter(pk=speaker.pk).exists() == (
            not (allowed and view == "speaker_delete")
        ), view


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["part_create", "speaker_create", "results"])
def test_only_organisers_change_the_programme_by_posting(
    events_cast: EventsCast, client_for, role: str, view: str
) -> None:
    event = ended(events_cast.district_event)
    # Minutes only, as the form has them: a minute after the event's (exact) start.
    starts = timezone.localtime(event.starts_at) + datetime.timedelta(minutes=1)
    data = {
        "part_create": {
            "title": "Podium",
            "kind": "panel",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + datetime.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
        },
        "speaker_create": {"name": "Olena Kovalenko"},
        "results": {"summary": "We agreed."},
    }[view]
    response = client_for(user_for(events_cast, role)).post(
        reverse(f"events:{view}", kwargs={"slug": event.slug}), data
    )
    allowed = role in ORGANISERS["district"]
    if allowed:
        assert response.status_code == 302
    else:
        assert response.status_code in (302, 403)
    created = {
        "part_create": event.programme_parts.exists(),
        "speaker_create": event.speakers.exists(),
        "results": EventResult.objects.filter(event=event).exists(),
    }[view]
    assert created == allowed


@pytest.mark.parametrize("role", ["other_member", "editor", "other_staff", "outsider"])
def test_the_programme_of_a_draft_is_not_found_for_people_who_do_not_organise_it(
    events_cast: EventsCast, client_for, role: str
) -> None:
    event = events_cast.district_event
    event.status = Event.Status.DRAFT
    event.save()
    part = ProgrammePartFactory(event=event)
    client = client_for(getattr(events_cast.cast, role))
    assert client.get(reverse("events:programme", kwargs={"slug": event.slug})).status_code == 404
    assert (
        client.get(
            reverse("events:part_edit", kwargs={"slug": event.slug, "pk": part.pk})
        ).status_code
        == 404
    )


def test_a_part_of_another_event_is_not_found_through_this_event(
    events_cast: EventsCast, client_for
) -> None:
    own = events_cast.district_event
    foreign = ProgrammePartFactory(event=events_cast.organisation_event)
    speaker = SpeakerFactory(event=events_cast.organisation_event)
    client = client_for(events_cast.cast.staff)
    for view, pk in (("part_edit", foreign.pk), ("speaker_edit", speaker.pk)):
        url = reverse(f"events:{view}", kwargs={"slug": own.slug, "pk": pk})
        assert client.get(url).status_code == 404
    url = reverse("events:part_delete", kwargs={"slug": own.slug, "pk": foreign.pk})
    assert client.post(url).status_code == 404
    assert ProgrammePart.objects.filter(pk=foreign.pk).exists()
