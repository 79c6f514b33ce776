"""Inputs nobody should send still get a clean answer, limits hold for crafted requests, and
pages with personal data are never cached."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from events import services
from events.forms import DELEGATES_PER_FORM
from events.models import Registration
from events.services import NeedsData
from events.views.signup import DELEGATES_PER_HOUR
from tests.events.conftest import EventsCast, edit_form_data
from tests.factories import (
    EventFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def sign_up_data(**overrides: object) -> dict[str, object]:
    return {
        "name": "Amal Haddad",
        "email": "amal@example.org",
        "consent": "on",
        "website": "",
        **overrides,
    }


# --- Line breaks in titles --------------------------------------------------------------------


def test_a_title_with_a_line_break_is_refused_in_the_organisers_form(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.district_event
    client = client_for(events_cast.cast.staff)
    data = edit_form_data(
        client, event, title="Round table\r\nBCC: everyone@example.org", title__uk="Круглий\nстіл"
    )
    response = client.post(reverse("events:edit", kwargs={"slug": event.slug}), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["title"] == ["Bitte schreiben Sie dies in eine einzige Zeile."]
    assert "title__uk" in errors
    event.refresh_from_db()
    assert event.title == "District round table"


def test_a_title_with_line_breaks_still_gives_calendar_files_and_mails() -> None:
    """Saved before titles were checked (or by any other way): every calendar field is
    escaped, so the files stay valid and the mails that carry them still go out."""
    event = EventFactory(
        title="Round table\nline two\rline three",
        venue_name="Hall\r\nEast",
        online_link="https://meet.example.org/x",
    )
    client = Client()
    public = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert public.status_code == 200
    (parsed,) = Calendar.from_ical(public.content).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == "Round table\nline two\nline three"
    assert all(len(line) <= 75 for line in public.content.split(b"\r\n")), "folded"

    registration = services.registration_create(
        event=event, data=services.SignupData(name="Amal", email="amal@example.org")
    )
    (confirmation,) = mail.outbox
    assert confirmation.to == ["amal@example.org"]
    assert "\n" not in confirmation.subject and "\r" not in confirmation.subject
    _filename, content, _mimetype = confirmation.attachments[0]
    assert Calendar.from_ical(content).walk("VEVENT")
    private = client.get(
        reverse("events:registration_calendar", kwargs={"token": registration.token})
    )
    assert private.status_code == 200
    assert b"X-WR-CALNAME:Round table\\nline two\\nline three\r\n" in private.content
    feed = client.get(reverse("events:feed"))
    assert feed.status_code == 200 and Calendar.from_ical(feed.content)


# --- Sign-up for an organisation ----------------------------------------------------------------


def test_an_anonymous_sign_up_names_its_organisation_in_words_only(client: Client) -> None:
    event = EventFactory(max_seats_per_organisation=2)
    organisation = OrganisationFactory()
    form = client.get(reverse("events:register", kwargs={"slug": event.slug})).context["form"]
    assert "organisation" not in form.fields
    response = client.post(
        reverse("events:register", kwargs={"slug": event.slug}),
        sign_up_data(organisation=organisation.pk, organisation_name="Elternverein"),
    )
    assert response.status_code == 302
    registration = event.registrations.get()
    assert registration.organisation is None
    assert registration.organisation_name == "Elternverein"


def test_a_member_may_only_choose_their_own_organisations(client_for) -> None:
    membership = MembershipFactory()
    someone_elses = OrganisationFactory()
    event = EventFactory()
    client = client_for(membership.user)
    url = reverse("events:register", kwargs={"slug": event.slug})
    form = client.get(url).context["form"]
    assert list(form.fields["organisation"].queryset) == [membership.organisation]
    refused = client.post(url, sign_up_data(organisation=someone_elses.pk))
    assert refused.status_code == 200 and refused.context["form"].errors["organisation"]
    assert not event.registrations.exists()
    client.post(url, sign_up_data(organisation=membership.organisation.pk))
    assert event.registrations.get().organisation == membership.organisation


# --- Delegates: a cap per form and a rate limit -------------------------------------------------


def delegates_post(organisation_pk: int, count: int, *, first: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {
        "organisation": organisation_pk,
        "consent": "on",
        "delegate-TOTAL_FORMS": str(count),
        "delegate-INITIAL_FORMS": "0",
    }
    for index in range(count):
        data[f"delegate-{index}-name"] = f"Delegate {first + index}"
        data[f"delegate-{index}-email"] = f"delegate{first + index}@example.org"
    return data


def test_one_form_signs_up_at_most_the_cap_of_delegates(client_for) -> None:
    membership = MembershipFactory()
    event = EventFactory(capacity=200)
    url = reverse("events:delegates", kwargs={"slug": event.slug})
    response = client_for(membership.user).post(
        url, delegates_post(membership.organisation.pk, DELEGATES_PER_FORM + 30)
    )
    assert response.status_code == 200
    assert response.context["formset"].non_form_errors()
    assert not event.registrations.exists() and not mail.outbox


def test_delegates_are_rate_limited_per_member(client_for) -> None:
    membership = MembershipFactory()
    event = EventFactory(capacity=500)
    client = client_for(membership.user)
    url = reverse("events:delegates", kwargs={"slug": event.slug})
    signed_up = 0
    while signed_up + DELEGATES_PER_FORM <= DELEGATES_PER_HOUR:
        post = delegates_post(membership.organisation.pk, DELEGATES_PER_FORM, first=signed_up)
        assert client.post(url, post).status_code == 302
        signed_up += DELEGATES_PER_FORM
    refused = client.post(url, delegates_post(membership.organisation.pk, 1, first=signed_up))
    assert refused.status_code == 200
    assert "in der letzten Stunde viele Delegierte" in refused.content.decode()
    assert event.registrations.count() == signed_up == len(mail.outbox)


# --- A lower maximum per sign-up ------------------------------------------------------------------


def test_a_lower_maximum_keeps_the_seats_a_sign_up_holds() -> None:
    """Rule: limits apply to asking for more seats than one holds. A sign-up made before the
    organiser lowered the maximum keeps its seats when it changes its needs, and may give seats
    back; asking for more must fit today's maximum."""
    event = EventFactory(max_seats_per_signup=4, capacity=20, childcare=True)
    party = services.registration_create(
        event=event, data=services.SignupData(name="Amal", email="amal@example.org", seats=4)
    )
    services.event_update(event=event, data=services.EventData.of(event, max_seats_per_signup=1))

    changed = services.registration_update(
        registration=party, data=NeedsData(seats=None, childcare_children=2)
    )
    assert (changed.seats, changed.childcare_children) == (4, 2)
    changed = services.registration_update(registration=party, data=NeedsData(seats=4))
    assert changed.seats == 4
    changed = services.registration_update(registration=party, data=NeedsData(seats=3))
    assert changed.seats == 3
    with pytest.raises(ValidationError) as refused:
        services.registration_update(registration=party, data=NeedsData(seats=4))
    assert "seats" in refused.value.message_dict
    assert Registration.objects.get(pk=party.pk).seats == 3


def test_the_private_page_offers_the_seats_held_above_a_lowered_maximum(client: Client) -> None:
    event = EventFactory(max_seats_per_signup=1, childcare=True)
    party = RegistrationFactory(event=event, seats=3)
    page = client.get(party.get_absolute_url())
    assert page.context["form"].fields["seats"].max_value == 3
    response = client.post(party.get_absolute_url(), {"seats": 3, "childcare_children": 1})
    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.seats, party.childcare_children) == (3, 1)


# --- Bad input answers 400, 404 or a form error, never 500 ------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "date_to=9999-12-31",
        "date_from=9999-12-31",
        "date_from=0001-01-01&date_to=0001-01-01",
        "date_to=10000-01-01",
        "date_to=2025-02-30",
        "district=99999999999999999999&language=x&network=-1",
        "page=99999999999999999999",
    ],
)
def test_the_event_list_answers_any_filter_without_a_server_error(
    client: Client, query: str
) -> None:
    EventFactory(title="Round table")
    for path in ("/de/events/", "/de/events/archive/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200, (path, query)


def test_a_date_out_of_range_is_a_form_error(client: Client) -> None:
    response = client.get("/de/events/?date_to=9999-12-31")
    assert response.context["filter"].form.errors["date_to"]


@pytest.mark.parametrize(
    "path",
    [
        "/de/events/registration/abc%00def/",
        "/de/events/registration/abc%00def/event.ics",
        "/de/events/registration/abc%00def/cancel/",
        "/de/events/registration/abc def/",
        "/de/events/registration/../",
    ],
)
def test_a_bad_private_token_is_no_page(client: Client, path: str) -> None:
    RegistrationFactory()
    assert client.get(path).status_code in (400, 404)


def test_the_check_in_search_answers_a_nul_byte_without_a_server_error(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.district_event
    RegistrationFactory(event=event, name="Amal")
    client = client_for(events_cast.cast.staff)
    url = reverse("events:check_in", kwargs={"slug": event.slug})
    assert client.get(url, {"q": "Am\x00al"}).status_code == 400
    toggle = reverse("events:check_in_toggle", kwargs={"slug": event.slug, "pk": 1})
    assert client.post(toggle, {"attended": "1", "q": "\x00"}).status_code == 400
    assert [row.name for row in client.get(url, {"q": "Amal"}).context["rows"]] == ["Amal"]


# --- Personal data is never cached ------------------------------------------------------------


def test_pages_and_files_with_personal_data_are_never_cached(
    events_cast: EventsCast, client_for
) -> None:
    event = events_cast.district_event
    registration = RegistrationFactory(event=event)
    organiser = client_for(events_cast.cast.staff)
    for url in [
        reverse("events:registrations", kwargs={"slug": event.slug}),
        reverse("events:registrations_csv", kwargs={"slug": event.slug}),
        reverse("events:check_in", kwargs={"slug": event.slug}),
    ]:
        response = organiser.get(url)
        assert response.status_code == 200, url
        assert_not_cached(response)
    toggle = organiser.post(
        reverse("events:check_in_toggle", kwargs={"slug": event.slug, "pk": registration.pk}),
        {"attended": "1"},
    )
    assert toggle.status_code == 302
    assert_not_cached(toggle)
    anyone = Client()
    for url in [
        registration.get_absolute_url(),
        reverse("events:registration_calendar", kwargs={"token": registration.token}),
        reverse("events:registration_cancel", kwargs={"token": registration.token}),
        reverse("events:register", kwargs={"slug": event.slug}),
    ]:
        response = anyone.get(url)
        assert response.status_code == 200, url
        assert_not_cached(response)


def assert_not_cached(response: Any) -> None:
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, response["Cache-Control"]
