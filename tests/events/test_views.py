"""The event pages as people use them: list, detail, sign-up, private link, organisers, feeds."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event, Registration
from networks.models import NetworkMembership
from tests.events.conftest import EventsCast, edit_form_data
from tests.factories import (
    DistrictFactory,
    EventFactory,
    LanguageFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Amal Haddad",
        "email": "amal@example.org",
        "organisation_name": "Nachbarschaftsinitiative",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def register_url(event: Event) -> str:
    return reverse("events:register", kwargs={"slug": event.slug})


def without_csrf(response: HttpResponse) -> str:
    """The page without its CSRF tokens, which differ on every answer."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def errors_next_to(html: str, field: str) -> str:
    """The text of the error list the field template ties to the field."""
    match = re.search(rf'<div class="field__error" id="id_{field}_error">(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


# --- List and detail --------------------------------------------------------------------------


def test_list_shows_upcoming_public_events_and_the_archive_past_ones(client: Client) -> None:
    EventFactory(title="Next week")
    EventFactory(title="Draft", status=Event.Status.DRAFT)
    EventFactory(
        title="Last month",
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    page = client.get("/en/events/").content.decode()
    assert "Next week" in page and "Draft" not in page and "Last month" not in page
    archive = client.get("/en/events/archive/").content.decode()
    assert "Last month" in archive and "Next week" not in archive


def test_list_filters_by_district_kind_childcare_interpretation_and_dates(
    client: Client,
) -> None:
    district = DistrictFactory(name="Pankow")
    arabic = LanguageFactory()
    wanted = EventFactory(title="Wanted", organiser_district=district, childcare=True)
    wanted.interpretation_languages.set([arabic])
    wanted.languages.set([arabic])
    EventFactory(title="Other district", childcare=True)
    EventFactory(title="No childcare", organiser_district=district)
    day = timezone.localtime(wanted.starts_at).date()
    response = client.get(
        "/en/events/",
        {
            "district": district.pk,
            "kind": "round_table",
            "childcare": "on",
            "interpretation": "on",
            "language": arabic.pk,
            "date_from": day.isoformat(),
            "date_to": day.isoformat(),
        },
    )
    page = response.content.decode()
    assert "Wanted" in page and "Other district" not in page and "No childcare" not in page


def test_list_filters_events_of_organisations_serving_a_district(client: Client) -> None:
    district = DistrictFactory()
    organisation = OrganisationFactory(districts=[district])
    EventFactory(
        title="By an organisation", organiser_district=None, organiser_organisation=organisation
    )
    page = client.get("/en/events/", {"district": district.pk}).content.decode()
    assert "By an organisation" in page


def test_list_costs_the_same_queries_with_more_events(
    client: Client, django_assert_max_num_queries
) -> None:
    arabic = LanguageFactory()
    for _ in range(15):
        event = EventFactory()
        event.interpretation_languages.set([arabic])
        RegistrationFactory(event=event)
    with django_assert_max_num_queries(8):
        assert client.get("/en/events/").status_code == 200


def test_detail_says_how_many_seats_are_left(client: Client) -> None:
    event = EventFactory(capacity=40)
    RegistrationFactory.create_batch(28, event=event)
    page = client.get(event.get_absolute_url().replace("/de/", "/en/")).content.decode()
    assert "12 of 40 seats left" in page
    assert "Sign up now" in page


@pytest.mark.parametrize(
    ("capacity", "taken", "english", "german"),
    [
        (3, 2, "1 of 3 seats left", "1 von 3 Plätzen frei"),
        (1, 0, "1 of 1 seat left", "1 von 1 Platz frei"),
        (21, 0, "21 of 21 seats left", "21 von 21 Plätzen frei"),
    ],
)
def test_seats_left_are_counted_with_the_right_plural(
    client: Client, capacity: int, taken: int, english: str, german: str
) -> None:
    event = EventFactory(capacity=capacity)
    RegistrationFactory.create_batch(taken, event=event)
    assert english in client.get(f"/en/events/{event.slug}/").content.decode()
    assert german in client.get(f"/de/events/{event.slug}/").content.decode()


def test_detail_of_a_full_event_invites_to_the_waiting_list(client: Client) -> None:
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    page = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "Fully booked – join the waiting list" in page
    assert "Join the waiting list" in page


def test_detail_never_shows_the_online_link(client: Client) -> None:
    event = EventFactory(online_link="https://meet.example.org/secret")
    assert "meet.example.org/secret" not in client.get(event.get_absolute_url()).content.decode()


def test_detail_costs_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:
    event = EventFactory()
    event.languages.set([LanguageFactory()])
    RegistrationFactory.create_batch(10, event=event)
    with django_assert_max_num_queries(6):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_members_only_events_are_hidden_from_others(events_cast: EventsCast, client_for) -> None:
    event = events_cast.network_event
    event.visibility = Event.Visibility.MEMBERS
    event.save()
    member = MembershipFactory(organisation=events_cast.cast.other_organisation).user
    NetworkMembership.objects.create(
        network=events_cast.network,
        organisation=events_cast.cast.other_organisation,
        status=NetworkMembership.Status.ACTIVE,
    )
    url = event.get_absolute_url()
    assert client_for(None).get(url).status_code == 302
    assert client_for(events_cast.cast.editor).get(url).status_code == 404
    assert client_for(member).get(url).status_code == 200
    assert "Network meeting" not in client_for(None).get("/en/events/").content.decode()
    assert "Network meeting" in client_for(member).get("/en/events/").content.decode()


# --- Sign-up ----------------------------------------------------------------------------------


def test_visitor_signs_up_without_an_account(client: Client) -> None:
    event = EventFactory()
    response = client.post(register_url(event), form_data())
    registration = Registration.objects.get(email="amal@example.org")
    assert response.status_code == 302
    assert response.url == reverse("events:registration_sent", kwargs={"slug": event.slug})
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.registered_by is None and registration.consent_at
    sent = client.get(response.url.replace("/de/", "/en/"))
    assert sent.status_code == 200
    assert "Please look in your e-mail" in sent.content.decode()
    assert registration.token not in sent.content.decode(), "the private link is in the mail only"
    assert f"/de/events/registration/{registration.token}/" in mail.outbox[0].body


def test_logged_in_person_gets_the_form_prefilled(client_for) -> None:
    member = MembershipFactory().user
    event = EventFactory()
    form = client_for(member).get(register_url(event)).context["form"]
    assert form.initial["email"] == member.email
    assert form.initial["name"] == member.name
    assert form.initial["organisation"] == member.organisation_memberships.get().organisation_id


def test_sign_up_in_english_gets_the_mail_in_english(client: Client) -> None:
    event = EventFactory()
    client.post(register_url(event).replace("/de/", "/en/"), form_data())
    assert Registration.objects.get().language == "en"
    assert mail.outbox[0].subject.startswith("[Migra Hub] Your sign-up is confirmed")
    assert "/en/events/registration/" in mail.outbox[0].body


def test_sign_up_answers_the_same_for_a_new_and_an_already_registered_address(
    client: Client,
) -> None:
    event = EventFactory()
    existing = RegistrationFactory(event=event, email="amal@example.org", name="Amal")
    again = client.post(register_url(event), form_data(name="Mallory"))
    new = client.post(register_url(event), form_data(email="new@example.org"))
    assert (again.status_code, again.url) == (new.status_code, new.url)
    assert without_csrf(client.get(again.url)) == without_csrf(client.get(new.url))
    assert event.registrations.count() == 2
    existing.refresh_from_db()
    assert existing.name == "Amal", "the existing sign-up is unchanged"
    to_existing, to_new = mail.outbox
    assert to_existing.to == ["amal@example.org"] and to_new.to == ["new@example.org"]
    assert "bereits angemeldet" in to_existing.subject
    assert existing.get_absolute_url() in to_existing.body and "Mallory" not in to_existing.body


def test_too_many_seats_shows_the_message_next_to_the_seats_field(client: Client) -> None:
    event = EventFactory(max_seats_per_signup=2)
    response = client.post(register_url(event), form_data(seats=5))
    assert "2" in errors_next_to(response.content.decode(), "seats")
    assert not event.registrations.exists()


def test_sign_up_after_the_window_closed_says_so(client: Client) -> None:
    event = EventFactory(signup_closes_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.post(register_url(event).replace("/de/", "/en/"), form_data())
    assert "Sign-up closed on" in response.content.decode()
    assert not event.registrations.exists()


def test_sign_up_for_a_cancelled_event_says_so(client: Client) -> None:
    event = EventFactory(status=Event.Status.CANCELLED)
    response = client.post(register_url(event).replace("/de/", "/en/"), form_data())
    assert "has been cancelled" in response.content.decode()
    assert not event.registrations.exists()


def test_before_the_window_opens_the_form_is_not_shown(client: Client) -> None:
    event = EventFactory(signup_opens_at=timezone.now() + datetime.timedelta(days=1))
    page = client.get(register_url(event).replace("/de/", "/en/")).content.decode()
    assert "Sign-up opens on" in page and 'name="email"' not in page


def test_missing_consent_is_refused_next_to_the_checkbox(client: Client) -> None:
    event = EventFactory()
    response = client.post(register_url(event), form_data(consent=""))
    assert errors_next_to(response.content.decode(), "consent")
    assert not event.registrations.exists()


def test_the_honeypot_keeps_bots_out(client: Client) -> None:
    event = EventFactory()
    response = client.post(register_url(event), form_data(website="http://spam.example"))
    assert response.status_code == 200
    assert not event.registrations.exists()


def test_sign_up_is_rate_limited_per_email_address(client: Client, settings) -> None:
    settings.EVENTS_SIGNUP_LIMIT_PER_EMAIL = 2
    events = EventFactory.create_batch(3)
    for event in events[:2]:
        assert client.post(register_url(event), form_data()).status_code == 302
    response = client.post(register_url(events[2]), form_data())
    assert "Too many" in errors_next_to(response.content.decode(), "email") or "Zu viele" in (
        errors_next_to(response.content.decode(), "email")
    )
    assert not events[2].registrations.exists()


def test_interpretation_choices_are_the_languages_on_offer(client: Client) -> None:
    arabic = LanguageFactory()
    farsi = LanguageFactory(code="fa")
    event = EventFactory(childcare=True)
    event.interpretation_languages.set([arabic])
    response = client.post(
        register_url(event),
        form_data(interpretation_language=farsi.pk, childcare_children=2, childcare_ages="3, 5"),
    )
    assert errors_next_to(response.content.decode(), "interpretation_language")
    client.post(
        register_url(event),
        form_data(interpretation_language=arabic.pk, childcare_children=2, childcare_ages="3, 5"),
    )
    registration = event.registrations.get()
    assert (registration.interpretation_language, registration.childcare_children) == (arabic, 2)


def test_member_signs_up_delegates_of_their_organisation(client_for) -> None:
    membership = MembershipFactory()
    event = EventFactory(capacity=1)
    response = client_for(membership.user).post(
        reverse("events:delegates", kwargs={"slug": event.slug}),
        {
            "organisation": membership.organisation.pk,
            "consent": "on",
            "delegate-TOTAL_FORMS": "3",
            "delegate-INITIAL_FORMS": "0",
            "delegate-0-name": "Delegate One",
            "delegate-0-email": "one@example.org",
            "delegate-1-name": "Delegate Two",
            "delegate-1-email": "two@example.org",
        },
    )
    assert response.status_code == 302
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses == {"one@example.org": "confirmed", "two@example.org": "waitlisted"}


def test_delegates_over_the_limit_show_the_error_at_that_delegate(client_for) -> None:
    membership = MembershipFactory()
    event = EventFactory(max_seats_per_organisation=1)
    response = client_for(membership.user).post(
        reverse("events:delegates", kwargs={"slug": event.slug}),
        {
            "organisation": membership.organisation.pk,
            "consent": "on",
            "delegate-TOTAL_FORMS": "2",
            "delegate-INITIAL_FORMS": "0",
            "delegate-0-name": "Delegate One",
            "delegate-0-email": "one@example.org",
            "delegate-1-name": "Delegate Two",
            "delegate-1-email": "two@example.org",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    second_delegate = page.split("delegate-1-name")[0].rsplit("<fieldset", 1)[1]
    assert "may take at most 1" in second_delegate or "höchstens 1" in second_delegate
    assert not event.registrations.exists()


# --- The private link -------------------------------------------------------------------------


def test_a_party_larger_than_the_free_seats_is_offered_both_ways(client: Client) -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    RegistrationFactory(event=event)
    url = register_url(event).replace("/de/", "/en/")
    response = client.post(url, form_data(seats=4))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Only 2 seats are free" in page
    assert '<button type="submit" name="when_short" value="take_free" autofocus>' in page
    assert "Take the 2 free seats" in page
    assert "Join the waiting list with all 4 seats" in page
    assert '<input type="hidden" name="offered" value="2">' in page
    assert event.registrations.count() == 1, "nothing is saved before the choice"


def test_taking_the_offered_free_seats_signs_the_party_up_with_them(client: Client) -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    RegistrationFactory(event=event)
    response = client.post(
        register_url(event), form_data(seats=4, when_short="take_free", offered=2)
    )
    assert response.status_code == 302
    registration = event.registrations.get(email="amal@example.org")
    assert (registration.status, registration.seats) == ("confirmed", 2)


def test_choosing_the_waiting_list_puts_the_whole_party_on_it(client: Client) -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    RegistrationFactory(event=event)
    response = client.post(register_url(event), form_data(seats=4, when_short="waitlist"))
    assert response.status_code == 302
    registration = event.registrations.get(email="amal@example.org")
    assert (registration.status, registration.seats) == ("waitlisted", 4)


def test_without_a_waiting_list_only_the_free_seats_are_offered(client: Client) -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4, waiting_list=False)
    RegistrationFactory(event=event)
    page = client.post(
        register_url(event).replace("/de/", "/en/"), form_data(seats=4)
    ).content.decode()
    assert "Take the 2 free seats" in page
    assert 'value="waitlist"' not in page


def test_waiting_people_get_no_calendar_file_until_they_have_a_seat(client: Client) -> None:
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    calendar_url = reverse("events:registration_calendar", kwargs={"token": waiting.token})
    page = client.get(waiting.get_absolute_url().replace("/de/", "/en/")).content.decode()
    assert calendar_url not in page
    assert "You get the calendar file as soon as you have a seat." in page
    assert client.get(calendar_url).status_code == 404
    waiting.status = Registration.Status.CONFIRMED
    waiting.save()
    assert client.get(calendar_url).status_code == 200
    assert calendar_url in client.get(waiting.get_absolute_url()).content.decode()


def test_private_link_shows_the_registration_and_the_online_link_to_confirmed(
    client: Client,
) -> None:
    registration = RegistrationFactory(event=EventFactory(online_link="https://meet.example.org/x"))
    page = client.get(registration.get_absolute_url()).content.decode()
    assert registration.name in page and "meet.example.org/x" in page


def test_waiting_people_see_their_position(client: Client) -> None:
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waitlisted")
    mine = RegistrationFactory(event=event, status="waitlisted")
    page = client.get(mine.get_absolute_url().replace("/de/", "/en/")).content.decode()
    assert "You are number 2 on the waiting list" in page


def test_a_wrong_token_is_not_found(client: Client) -> None:
    RegistrationFactory()
    assert client.get("/de/events/registration/not-the-token/").status_code == 404
    assert client.post("/de/events/registration/not-the-token/cancel/").status_code == 404


def test_changing_seats_through_the_private_link(client: Client) -> None:
    event = EventFactory(max_seats_per_signup=3, capacity=3)
    registration = RegistrationFactory(event=event)
    response = client.post(registration.get_absolute_url(), {"seats": 2})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.seats == 2
    response = client.post(registration.get_absolute_url(), {"seats": 4})
    assert errors_next_to(response.content.decode(), "seats")
    assert Registration.objects.get(pk=registration.pk).seats == 2


def test_cancelling_through_the_private_link_promotes_the_next_person(client: Client) -> None:
    event = EventFactory(capacity=1)
    mine = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted", email="next@example.org")
    cancel_url = reverse("events:registration_cancel", kwargs={"token": mine.token})
    assert client.get(cancel_url).status_code == 200
    response = client.post(cancel_url)
    assert response.status_code == 302
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == "cancelled" and waiting.status == "confirmed"
    assert "next@example.org" in [m.to[0] for m in mail.outbox]


def test_purged_registrations_have_no_private_page(client: Client) -> None:
    registration = RegistrationFactory(anonymised_at=timezone.now())
    assert client.get(registration.get_absolute_url()).status_code == 404


# --- Organisers -------------------------------------------------------------------------------


def test_staff_creates_a_draft_event_and_publishes_it(events_cast: EventsCast, client_for) -> None:
    client = client_for(events_cast.cast.staff)
    arabic = LanguageFactory()
    start = timezone.localtime() + datetime.timedelta(days=10)
    response = client.post(
        reverse("events:create"),
        {
            "organiser": f"district:{events_cast.cast.district.pk}",
            "title": "Runder Tisch Frauen",
            "kind": "round_table",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "interpretation_languages": [arabic.pk],
            "childcare": "on",
            "capacity": "30",
            "waiting_list": "on",
            "max_seats_per_signup": "2",
            "visibility": "public",
        },
    )
    event = Event.objects.get(title="Runder Tisch Frauen")
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert (
        event.status == Event.Status.DRAFT and event.organiser_district == events_cast.cast.district
    )
    assert list(event.interpretation_languages.all()) == [arabic]
    client.post(reverse("events:publish", kwargs={"slug": event.slug}))
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_create_refuses_an_end_before_the_start_and_members_only_without_network(
    events_cast: EventsCast, client_for
) -> None:
    start = timezone.localtime() + datetime.timedelta(days=10)
    response = client_for(events_cast.cast.staff).post(
        reverse("events:create"),
        {
            "organiser": f"district:{events_cast.cast.district.pk}",
            "title": "Broken",
            "kind": "round_table",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "max_seats_per_signup": "1",
            "visibility": "members",
        },
    )
    html = response.content.decode()
    assert errors_next_to(html, "ends_at") and errors_next_to(html, "visibility")
    assert not Event.objects.filter(title="Broken").exists()


def test_an_organiser_cannot_pick_someone_elses_organisation(
    events_cast: EventsCast, client_for
) -> None:
    start = timezone.localtime() + datetime.timedelta(days=10)
    response = client_for(events_cast.cast.editor).post(
        reverse("events:create"),
        {
            "organiser": f"organisation:{events_cast.cast.other_organisation.pk}",
            "title": "Not mine",
            "kind": "workshop",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "max_seats_per_signup": "1",
            "visibility": "public",
        },
    )
    assert errors_next_to(response.content.decode(), "organiser")
    assert not Event.objects.filter(title="Not mine").exists()


def test_coordinator_edits_the_network_event_and_more_seats_promote(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.network_event
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    client = client_for(events_cast.coordinator)
    data = edit_form_data(client, event, capacity=2)
    response = client.post(reverse("events:edit", kwargs={"slug": event.slug}), data)
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to[0] for m in mail.outbox] == [waiting.email]


def test_organiser_cancels_the_event_and_everyone_is_mailed(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.organisation_event
    RegistrationFactory.create_batch(3, event=event)
    response = client_for(events_cast.cast.editor).post(
        reverse("events:cancel", kwargs={"slug": event.slug}), {"message": "Sorry."}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert len(mail.outbox) == 3


def test_organiser_duplicates_an_event(events_cast: EventsCast, client_for) -> None:
    event = events_cast.district_event
    response = client_for(events_cast.cast.staff).post(
        reverse("events:duplicate", kwargs={"slug": event.slug})
    )
    copy = Event.objects.exclude(
        pk__in=[e.pk for e in (event, events_cast.network_event, events_cast.organisation_event)]
    ).get()
    assert response.url == reverse("events:edit", kwargs={"slug": copy.slug})
    assert copy.status == Event.Status.DRAFT


def test_registration_list_shows_totals_of_needs(
    events_cast: EventsCast, client_for, django_assert_max_num_queries
) -> None:
    arabic = LanguageFactory()
    event = events_cast.district_event
    RegistrationFactory.create_batch(3, event=event, interpretation_language=arabic)
    RegistrationFactory(event=event, childcare_children=2)
    RegistrationFactory.create_batch(5, event=event, status="waitlisted")
    client = client_for(events_cast.cast.staff)
    client.get("/en/")
    with django_assert_max_num_queries(12):
        response = client.get(f"/en/events/{event.slug}/registrations/")
    page = response.content.decode()
    assert "Arabic 3" in page and "2 children" in page


def test_csv_export_lists_everyone_with_their_needs(events_cast: EventsCast, client_for) -> None:
    arabic = LanguageFactory()
    event = events_cast.district_event
    RegistrationFactory(event=event, name="=cmd()", interpretation_language=arabic)
    RegistrationFactory(event=event, name="Waiting", status="waitlisted")
    response = client_for(events_cast.cast.staff).get(f"/en/events/{event.slug}/registrations.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "E-mail"]
    assert rows[1][0] == "'=cmd()" and rows[1][6] == "Arabic"
    assert rows[2][4] == "on the waiting list" and rows[2][5] == "1"


def test_check_in_marks_someone_as_arrived(events_cast: EventsCast, client_for) -> None:
    event = events_cast.district_event
    registration = RegistrationFactory(event=event, name="Amal")
    client = client_for(events_cast.cast.staff)
    page = client.get(f"/en/events/{event.slug}/check-in/", {"q": "ama"}).content.decode()
    assert "Amal" in page and "0 of 1 seats checked in" in page
    response = client.post(
        reverse("events:check_in_toggle", kwargs={"slug": event.slug, "pk": registration.pk}),
        {"attended": "1", "q": "ama"},
    )
    assert response.status_code == 302 and "q=ama" in response.url
    registration.refresh_from_db()
    assert registration.status == "attended"


def test_organiser_mails_all_participants(events_cast: EventsCast, client_for) -> None:
    event = events_cast.district_event
    RegistrationFactory.create_batch(2, event=event)
    response = client_for(events_cast.cast.staff).post(
        reverse("events:message", kwargs={"slug": event.slug}),
        {"subject": "New room", "body": "We meet in room 2."},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 2 and "We meet in room 2." in mail.outbox[0].body


def test_manage_lists_the_events_the_user_organises(events_cast: EventsCast, client_for) -> None:
    page = client_for(events_cast.coordinator).get("/en/events/manage/").content.decode()
    assert "Network meeting" in page and "District round table" not in page


# --- iCalendar --------------------------------------------------------------------------------

REQUIRED = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION")


def parse_events(body: bytes) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(body)
    assert not calendar.errors
    events = list(calendar.walk("VEVENT"))
    for component in events:
        assert not component.errors
        for name in REQUIRED:
            assert name in component, name
        assert isinstance(component.decoded("DTSTART"), datetime.datetime)
        assert component.decoded("DTSTART") < component.decoded("DTEND")
    return events


def test_event_ics_parses_and_carries_the_required_properties(client: Client) -> None:
    event = EventFactory(title="Round table, Pankow; spring")
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert response["Content-Type"].startswith("text/calendar")
    (component,) = parse_events(response.content)
    assert str(component["SUMMARY"]) == "Round table, Pankow; spring"
    assert component.decoded("DTSTART") == event.starts_at.replace(microsecond=0)


@pytest.mark.parametrize("feed", ["all", "district", "network", "organisation"])
def test_feeds_list_the_public_events_of_their_organiser(
    events_cast: EventsCast, client: Client, feed: str
) -> None:
    EventFactory(
        title="Secret draft",
        status=Event.Status.DRAFT,
        organiser_district=events_cast.cast.district,
    )
    district = events_cast.cast.district
    url = {
        "all": reverse("events:feed"),
        "district": reverse(
            "events:feed_district", kwargs={"city": district.city.slug, "district": district.slug}
        ),
        "network": reverse("events:feed_network", kwargs={"slug": events_cast.network.slug}),
        "organisation": reverse(
            "events:feed_organisation", kwargs={"slug": events_cast.cast.organisation.slug}
        ),
    }[feed]
    summaries = {str(c["SUMMARY"]) for c in parse_events(client.get(url).content)}
    expected = {
        "all": {"District round table", "Network meeting", "Organisation workshop"},
        "district": {"District round table", "Network meeting", "Organisation workshop"},
        "network": {"Network meeting"},
        "organisation": {"Organisation workshop"},
    }[feed]
    assert summaries == expected


def test_the_private_calendar_file_carries_the_online_link(client: Client) -> None:
    registration = RegistrationFactory(event=EventFactory(online_link="https://meet.example.org/x"))
    body = client.get(
        reverse("events:registration_calendar", kwargs={"token": registration.token})
    ).content
    (component,) = parse_events(body)
    assert "meet.example.org/x" in str(component["DESCRIPTION"])
    public = client.get(reverse("events:ics", kwargs={"slug": registration.event.slug})).content
    assert b"meet.example.org/x" not in public


def test_unknown_users_never_see_other_users_in_the_form(client: Client) -> None:
    UserFactory(email="someone@example.org")
    event = EventFactory()
    assert "someone@example.org" not in client.get(register_url(event)).content.decode()


def test_a_district_organiser_is_shown_by_the_full_name_of_its_office(client: Client) -> None:
    event = EventFactory(organiser_district=DistrictFactory(name="Pankow"))
    assert "Bezirksamt Pankow" in client.get(f"/de/events/{event.slug}/").content.decode()
    assert "District office Pankow" in client.get("/en/events/").content.decode()
    assert event.organiser_name in {"Bezirksamt Pankow", "District office Pankow"}


def test_event_page_shows_the_turkish_version_and_elsewhere_the_original_with_a_note(
    client: Client,
) -> None:
    event = EventFactory(
        title="Runder Tisch Eltern",
        description="Wir sprechen über Schule und Kita.",
        translations={"tr": {"title": "Veliler yuvarlak masası"}},
    )
    path = event.get_absolute_url()[3:]  # without the language prefix
    turkish = client.get(f"/tr{path}").content.decode()
    assert '<h1><span lang="tr" dir="auto">Veliler yuvarlak masası</span></h1>' in turkish
    # No Turkish description: the German one, marked as German, with the note in Turkish.
    assert '<div class="entry-text" lang="de" dir="auto"><p>Wir sprechen' in turkish
    assert '<p class="language-note">Yalnızca Almanca mevcut</p>' in turkish
    german = client.get(f"/de{path}").content.decode()
    assert '<h1><span lang="de" dir="auto">Runder Tisch Eltern</span></h1>' in german
    assert "language-note" not in german
