"""An event's programme, its speakers, the workshop chosen at sign-up and the results after the
event, as organisers and visitors use them."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.privacy import Person
from events import privacy, services
from events.models import Event, EventResult, EventResultFile, ProgrammePart, Registration
from events.services import PartData, SignupData, SpeakerData
from migra_hub.files import check_upload
from tests.events.conftest import EventsCast
from tests.factories import (
    EventFactory,
    LanguageFactory,
    OrganisationFactory,
    ProgrammePartFactory,
    RegistrationFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """Pages (``reverse`` gives /en/ addresses) and service messages in English."""
    with translation.override("en"):
        yield


def round_table(**kwargs):  # type: ignore[no-untyped-def]
    """A round table of three hours: a panel, then two workshops of ten seats each."""
    starts_at = timezone.now() + datetime.timedelta(days=7)
    event = EventFactory(
        title="Runder Tisch",
        capacity=60,
        starts_at=starts_at,
        ends_at=starts_at + 3 * HOUR,
        **kwargs,
    )
    ProgrammePartFactory(event=event, title="Podium", kind="panel")
    workshops = [
        ProgrammePartFactory(
            event=event,
            title=title,
            kind="workshop",
            capacity=10,
            starts_at=event.starts_at + HOUR,
            ends_at=event.starts_at + 2 * HOUR,
        )
        for title in ("Workshop A", "Workshop B")
    ]
    return event, workshops


def signup_post(workshop: ProgrammePart | None, **changes: str) -> dict[str, str]:
    data = {"name": "Amal Haddad", "email": "amal@example.org", "consent": "on"}
    if workshop is not None:
        data["workshop"] = str(workshop.pk)
    return {**data, **changes}


# --- Parts ------------------------------------------------------------------------------------


def test_a_part_must_lie_within_the_event() -> None:
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        services.programme_part_create(
            event=event,
            data=PartData(
                title="Too early", starts_at=event.starts_at - HOUR, ends_at=event.starts_at
            ),
        )
    assert "starts_at" in error.value.message_dict
    assert not event.programme_parts.exists()


def test_only_workshops_keep_a_number_of_seats() -> None:
    event = EventFactory()
    part = services.programme_part_create(
        event=event,
        data=PartData(
            title="Podium",
            kind="panel",
            starts_at=event.starts_at,
            ends_at=event.starts_at + HOUR,
            capacity=12,
        ),
    )
    assert part.capacity is None


def test_a_workshop_cannot_shrink_below_the_seats_taken() -> None:
    event, (workshop, _other) = round_table()
    RegistrationFactory.create_batch(3, event=event, workshop=workshop)
    data = PartData(
        title="Workshop A",
        kind="workshop",
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        capacity=2,
    )
    with pytest.raises(ValidationError) as error:
        services.programme_part_update(part=workshop, data=data)
    assert "capacity" in error.value.message_dict
    workshop.refresh_from_db()
    assert workshop.capacity == 10


def test_a_workshop_people_chose_is_not_removed() -> None:
    event, (workshop, _other) = round_table()
    RegistrationFactory(event=event, workshop=workshop)
    with pytest.raises(ValidationError):
        services.programme_part_delete(part=workshop)
    assert ProgrammePart.objects.filter(pk=workshop.pk).exists()


def test_removing_a_workshop_only_cancelled_people_chose_forgets_their_choice() -> None:
    event, (workshop, _other) = round_table()
    cancelled = RegistrationFactory(event=event, workshop=workshop, status="cancelled")
    services.programme_part_delete(part=workshop)
    cancelled.refresh_from_db()
    assert cancelled.workshop is None
    assert not ProgrammePart.objects.filter(pk=workshop.pk).exists()


def test_organiser_adds_a_part_on_the_programme_page(events_cast: EventsCast, client_for) -> None:
    event = events_cast.district_event
    start = timezone.localtime(event.starts_at) + datetime.timedelta(minutes=1)
    response = client_for(events_cast.cast.staff).post(
        reverse("events:part_create", kwargs={"slug": event.slug}),
        {
            "title": "Workshop A",
            "kind": "workshop",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + HOUR).strftime("%Y-%m-%dT%H:%M"),
            "room": "Raum 1",
            "capacity": "10",
        },
    )
    assert response.status_code == 302
    part = event.programme_parts.get()
    assert (part.title, part.kind, part.capacity, part.room) == (
        "Workshop A",
        "workshop",
        10,
        "Raum 1",
    )


def test_a_part_outside_the_event_is_refused_next_to_the_field_and_nothing_is_lost(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.district_event
    late = timezone.localtime(event.ends_at) + HOUR
    response = client_for(events_cast.cast.staff).post(
        reverse("events:part_create", kwargs={"slug": event.slug}),
        {
            "title": "After-party",
            "kind": "other",
            "starts_at": late.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (late + HOUR).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["starts_at"]
    assert 'value="After-party"' in response.content.decode()
    assert not event.programme_parts.exists()


# --- Speakers ---------------------------------------------------------------------------------


def test_a_speaker_from_the_directory_is_attached_to_parts() -> None:
    event, (workshop, _other) = round_table()
    panel = event.programme_parts.get(kind="panel")
    organisation = OrganisationFactory(name="Brücke e.V.")
    speaker = services.speaker_create(
        event=event,
        data=SpeakerData(
            name="Olena Kovalenko",
            role="Chair",
            organisation=organisation,
            organisation_name="ignored when the entry is chosen",
            pronouns="she/her",
            photo_consent=True,
            parts=(panel, workshop),
        ),
    )
    assert speaker.organisation_label == "Brücke e.V." and speaker.organisation_name == ""
    assert set(speaker.parts.all()) == {panel, workshop}


def test_a_speaker_cannot_speak_in_another_events_part() -> None:
    event = EventFactory()
    elsewhere = ProgrammePartFactory()
    with pytest.raises(ValidationError):
        services.speaker_create(event=event, data=SpeakerData(name="X", parts=(elsewhere,)))
    assert not event.speakers.exists()


# --- The event page ---------------------------------------------------------------------------


def test_event_page_shows_the_schedule_in_order_with_speakers(client: Client) -> None:
    event, (workshop, _other) = round_table()
    panel = event.programme_parts.get(kind="panel")
    speaker = SpeakerFactory(event=event, name="Olena Kovalenko", pronouns="she/her")
    speaker.parts.set([panel])
    RegistrationFactory.create_batch(4, event=event, workshop=workshop)
    page = client.get(event.get_absolute_url()).content.decode()
    assert page.index("Podium") < page.index("Workshop A") < page.index("Workshop B")
    assert '<ol class="schedule">' in page
    assert "Olena Kovalenko" in page and "she/her" in page
    assert "6 seats left" in page and "10 seats left" in page


def test_event_page_with_a_programme_costs_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:
    event, workshops = round_table()
    for index in range(6):
        speaker = SpeakerFactory(event=event, organisation=OrganisationFactory())
        speaker.parts.set(workshops)
        part = ProgrammePartFactory(event=event, title=f"Talk {index}", kind="talk")
        part.languages.set([LanguageFactory(), LanguageFactory()])
    for workshop in workshops:
        RegistrationFactory.create_batch(3, event=event, workshop=workshop)
    with django_assert_max_num_queries(10):
        response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="schedule__item"') == 9


def test_past_event_page_with_results_costs_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:
    event = EventFactory(
        starts_at=timezone.now() - 3 * HOUR, ends_at=timezone.now() - HOUR, capacity=None
    )
    EventResult.objects.create(event=event, summary="We agreed.", published_at=timezone.now())
    for _index in range(5):
        SpeakerFactory(event=event).parts.set([ProgrammePartFactory(event=event)])
    with django_assert_max_num_queries(10):
        response = client.get(event.get_absolute_url())
    assert "We agreed." in response.content.decode()


def test_programme_page_costs_a_fixed_number_of_queries(
    events_cast: EventsCast, client_for, django_assert_max_num_queries
) -> None:
    event = events_cast.district_event
    for _index in range(5):
        part = ProgrammePartFactory(event=event)
        part.languages.set([LanguageFactory()])
        SpeakerFactory(event=event, organisation=OrganisationFactory()).parts.set([part])
    client = client_for(events_cast.cast.staff)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("events:programme", kwargs={"slug": event.slug}))
    assert response.status_code == 200


# --- Workshop at sign-up ----------------------------------------------------------------------


def test_sign_up_asks_for_the_workshop_and_keeps_the_choice(client: Client) -> None:
    event, (workshop, _other) = round_table()
    form_page = client.get(reverse("events:register", kwargs={"slug": event.slug}))
    assert "Which workshop do you join?" in form_page.content.decode()
    response = client.post(
        reverse("events:register", kwargs={"slug": event.slug}), signup_post(workshop)
    )
    assert response.status_code == 302
    assert Registration.objects.get(email="amal@example.org").workshop == workshop


def test_events_without_workshops_do_not_ask(client: Client) -> None:
    event = EventFactory()
    ProgrammePartFactory(event=event)
    page = client.get(reverse("events:register", kwargs={"slug": event.slug})).content.decode()
    assert "Which workshop" not in page


def test_a_full_workshop_is_refused_next_to_the_field_and_nothing_typed_is_lost(
    client: Client,
) -> None:
    event, (workshop, _other) = round_table()
    RegistrationFactory.create_batch(10, event=event, workshop=workshop)
    url = reverse("events:register", kwargs={"slug": event.slug})
    assert "Workshop A (" in client.get(url).content.decode()
    response = client.post(url, signup_post(workshop, accessibility_needs="A quiet room"))
    assert response.status_code == 200
    assert response.context["form"].errors["workshop"] == [
        "This workshop is full. Please choose another one."
    ]
    page = response.content.decode()
    assert "full" in page and 'value="Amal Haddad"' in page and "A quiet room" in page
    assert not Registration.objects.filter(email="amal@example.org").exists()


def test_the_service_refuses_a_full_workshop_under_the_lock() -> None:
    event, (workshop, _other) = round_table()
    RegistrationFactory.create_batch(9, event=event, workshop=workshop)
    RegistrationFactory(event=event, workshop=workshop, status="waitlisted")
    with pytest.raises(ValidationError) as error:
        services.registration_create(
            event=event, data=SignupData(name="Late", email="late@example.org", workshop=workshop)
        )
    assert "workshop" in error.value.message_dict
    assert workshop.registrations.count() == 10


def test_a_party_needs_seats_for_all_of_its_people_in_the_workshop() -> None:
    event, (workshop, _other) = round_table()
    event.max_seats_per_signup = 3
    event.save()
    RegistrationFactory.create_batch(8, event=event, workshop=workshop)
    with pytest.raises(ValidationError) as error:
        services.registration_create(
            event=event,
            data=SignupData(name="Family", email="f@example.org", seats=3, workshop=workshop),
        )
    assert "Only 2 seats are free in this workshop" in error.value.message_dict["workshop"][0]


def test_a_workshop_of_another_event_cannot_be_chosen() -> None:
    event, _workshops = round_table()
    elsewhere = ProgrammePartFactory(kind="workshop", capacity=5)
    with pytest.raises(ValidationError) as error:
        services.registration_create(
            event=event, data=SignupData(name="X", email="x@example.org", workshop=elsewhere)
        )
    assert "workshop" in error.value.message_dict


def test_cancelling_frees_the_workshop_seat() -> None:
    event, (workshop, _other) = round_table()
    RegistrationFactory.create_batch(9, event=event, workshop=workshop)
    last = RegistrationFactory(event=event, workshop=workshop)
    workshop_full = ProgrammePart.objects.with_seats_taken().get(pk=workshop.pk)
    assert workshop_full.is_full
    services.registration_cancel(registration=last)
    registration = services.registration_create(
        event=event, data=SignupData(name="Bea", email="bea@example.org", workshop=workshop)
    )
    assert registration.workshop == workshop and registration.is_confirmed


def test_more_seats_through_the_private_link_need_room_in_the_workshop() -> None:
    event, (workshop, _other) = round_table()
    event.max_seats_per_signup = 3
    event.save()
    RegistrationFactory.create_batch(9, event=event, workshop=workshop)
    mine = RegistrationFactory(event=event, workshop=workshop)
    with pytest.raises(ValidationError) as error:
        services.registration_update(registration=mine, data=services.NeedsData(seats=2))
    assert "workshop" in error.value.message_dict
    mine.refresh_from_db()
    assert mine.seats == 1


def test_organisers_see_the_workshop_in_the_list_and_the_csv(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.district_event
    workshop = ProgrammePartFactory(event=event, title="Workshop A", kind="workshop", capacity=10)
    RegistrationFactory(event=event, name="Amal", workshop=workshop)
    client = client_for(events_cast.cast.staff)
    page = client.get(reverse("events:registrations", kwargs={"slug": event.slug}))
    assert "Workshop A" in page.content.decode()
    response = client.get(reverse("events:registrations_csv", kwargs={"slug": event.slug}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Workshop" and rows[1][-1] == "Workshop A"


# --- Results ----------------------------------------------------------------------------------


def test_results_wait_until_the_event_has_ended() -> None:
    event = EventFactory()
    with pytest.raises(ValidationError):
        services.event_results_publish(event=event, summary="Too soon")
    assert not EventResult.objects.exists()


def test_results_of_a_past_event_are_shown_and_linked_from_its_network(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.network_event
    event.starts_at = timezone.now() - 3 * HOUR
    event.ends_at = timezone.now() - HOUR
    event.save()
    client = client_for(events_cast.coordinator)
    response = client.post(
        reverse("events:results", kwargs={"slug": event.slug}),
        {"summary": "We agreed on a shared room plan."},
    )
    assert response.status_code == 302
    assert EventResult.objects.get(event=event).published_at is not None
    assert (
        "We agreed on a shared room plan."
        in client_for(None).get(event.get_absolute_url()).content.decode()
    )
    network_page = client_for(None).get(events_cast.network.get_absolute_url()).content.decode()
    assert event.get_absolute_url() in network_page and "Results of past meetings" in network_page


def test_results_form_before_the_end_says_why_and_saves_nothing(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.district_event
    response = client_for(events_cast.cast.staff).post(
        reverse("events:results", kwargs={"slug": event.slug}), {"summary": "Early"}
    )
    assert response.status_code == 200
    assert "once the event has ended" in response.content.decode()
    assert not EventResult.objects.exists()


# --- Personal data ----------------------------------------------------------------------------


def test_data_download_lists_speaker_entries_under_the_persons_name_and_deletion_keeps_them() -> (
    None
):
    user = UserFactory(name="Olena Kovalenko")
    speaker = SpeakerFactory(name="olena kovalenko", pronouns="she/her", photo_consent=True)
    SpeakerFactory(name="Somebody Else")
    person = Person.of(user)
    entries = privacy.personal_data(person)["event_speaker_entries"]
    assert [(e["name"], e["pronouns"], e["photo_consent"]) for e in entries] == [
        ("olena kovalenko", "she/her", True)
    ]
    kept = privacy.before_account_deletion(person)
    assert any("speaker" in item.what for item in kept)
    assert speaker.__class__.objects.filter(pk=speaker.pk).exists()


# --- Documents and photos with the results ----------------------------------------------------

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def past_event_with_results(**kwargs):  # type: ignore[no-untyped-def]
    event = EventFactory(
        starts_at=timezone.now() - 3 * HOUR, ends_at=timezone.now() - HOUR, **kwargs
    )
    EventResult.objects.create(event=event, summary="We agreed.", published_at=timezone.now())
    return event


def upload(client: Client, event, **fields):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("events:result_file_add", kwargs={"slug": event.slug}), fields, format="multipart"
    )


def test_organiser_publishes_minutes_that_visitors_download(
    events_cast: EventsCast, client_for
) -> None:
    event = past_event_with_results(organiser_district=events_cast.cast.district)
    response = upload(
        client_for(events_cast.cast.staff),
        event,
        title="Protokoll",
        kind="document",
        file=SimpleUploadedFile("../Protokoll.pdf", PDF, content_type="application/pdf"),
    )
    assert response.status_code == 302
    stored = EventResultFile.objects.get()
    assert (stored.filename, stored.content_type) == ("Protokoll.pdf", "application/pdf")
    page = client_for(None).get(event.get_absolute_url()).content.decode()
    download_url = reverse("events:result_file", kwargs={"slug": event.slug, "pk": stored.pk})
    assert download_url in page
    download = client_for(None).get(download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_photo_needs_the_consent_of_everyone_on_it(events_cast: EventsCast, client_for) -> None:
    event = past_event_with_results(organiser_district=events_cast.cast.district)
    client = client_for(events_cast.cast.staff)
    response = upload(
        client,
        event,
        title="Gruppenfoto",
        kind="photo",
        file=SimpleUploadedFile("foto.png", PNG, content_type="image/png"),
    )
    assert response.status_code == 200
    assert response.context["file_form"].errors["consent_confirmed"]
    assert not EventResultFile.objects.exists()
    response = upload(
        client,
        event,
        title="Gruppenfoto",
        kind="photo",
        consent_confirmed="on",
        file=SimpleUploadedFile("foto.png", PNG, content_type="image/png"),
    )
    assert response.status_code == 302
    assert EventResultFile.objects.get().kind == "photo"


def test_a_program_renamed_pdf_is_refused(events_cast: EventsCast, client_for) -> None:
    event = past_event_with_results(organiser_district=events_cast.cast.district)
    response = upload(
        client_for(events_cast.cast.staff),
        event,
        title="Protokoll",
        kind="document",
        file=SimpleUploadedFile("Protokoll.pdf", b"MZ\x90\x00" * 20),
    )
    assert response.status_code == 200 and response.context["file_form"].errors["file"]
    assert not EventResultFile.objects.exists()


def test_files_need_published_results_first(events_cast: EventsCast) -> None:
    event = EventFactory(starts_at=timezone.now() - 3 * HOUR, ends_at=timezone.now() - HOUR)
    checked = check_upload(SimpleUploadedFile("p.pdf", PDF))
    with pytest.raises(ValidationError):
        services.event_result_file_add(
            event=event, title="Protokoll", kind="document", upload=checked
        )
    assert not EventResultFile.objects.exists()


def test_files_of_a_members_only_event_are_not_found_for_outsiders(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.network_event
    event.visibility = Event.Visibility.MEMBERS
    event.starts_at = timezone.now() - 3 * HOUR
    event.ends_at = timezone.now() - HOUR
    event.save()
    result = EventResult.objects.create(event=event, summary="x", published_at=timezone.now())
    item = EventResultFile.objects.create(
        result=result,
        kind="document",
        title="Protokoll",
        file="events/results/none.pdf",
        filename="Protokoll.pdf",
        content_type="application/pdf",
        size=10,
    )
    url = reverse("events:result_file", kwargs={"slug": event.slug, "pk": item.pk})
    assert client_for(events_cast.cast.outsider).get(url).status_code == 404
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
