"""Sign-up, waiting list, changes and organiser actions through the services."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from events import services
from events.models import Event, Registration
from events.services import EventData, NeedsData, SignupData
from events.services.events import can_take_step
from tests.factories import (
    EventFactory,
    LanguageFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """Messages are asserted in English (German is the default language)."""
    with translation.override("en"):
        yield


def signup(
    event: Event, email: str = "amal@example.org", *, user: object = None, **extra: object
) -> Registration:
    return services.registration_create(
        event=event,
        data=SignupData(name="Amal", email=email, **extra),  # type: ignore[arg-type]
        user=user,  # type: ignore[arg-type]
    )


def error_of(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return excinfo.value.message_dict


# --- Sign-up ----------------------------------------------------------------------------------


def test_sign_up_with_free_seats_is_confirmed_and_mailed_with_a_calendar_file() -> None:
    event = EventFactory(capacity=2)
    registration = signup(event)
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amal@example.org"]
    assert event.title in message.subject
    assert f"/de/events/registration/{registration.token}/" in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content


def test_sign_up_when_full_joins_the_waiting_list_in_order() -> None:
    event = EventFactory(capacity=1)
    signup(event, "first@example.org")
    second = signup(event, "second@example.org")
    third = signup(event, "third@example.org")
    assert (second.status, third.status) == (Registration.Status.WAITLISTED,) * 2
    assert (second.waitlist_position(), third.waitlist_position()) == (1, 2)


def test_sign_up_when_full_without_waiting_list_is_refused_and_nothing_saved() -> None:
    event = EventFactory(capacity=1, waiting_list=False)
    signup(event, "first@example.org")
    with pytest.raises(ValidationError) as excinfo:
        signup(event, "second@example.org")
    assert "fully booked" in str(error_of(excinfo))
    assert event.registrations.count() == 1


def test_signing_up_again_changes_nothing_and_mails_the_private_link_to_the_address() -> None:
    event = EventFactory()
    first = services.registration_create(
        event=event, data=SignupData(name="Amal", email="amal@example.org"), language="en"
    )
    mail.outbox.clear()
    again = services.registration_create(
        event=event, data=SignupData(name="Someone else", email="AMAL@example.org"), language="uk"
    )
    assert again == first, "the existing sign-up, unchanged"
    assert event.registrations.get().name == "Amal"
    (message,) = mail.outbox
    assert message.to == ["amal@example.org"]
    assert "already signed up" in message.subject, "in the language of the sign-up it is about"
    assert "Hello Amal," in message.body and "Someone else" not in message.body
    assert f"/en/events/registration/{first.token}/" in message.body


def test_signing_up_again_after_cancelling_is_allowed() -> None:
    event = EventFactory()
    services.registration_cancel(registration=signup(event))
    again = signup(event)
    assert again.status == Registration.Status.CONFIRMED
    assert event.registrations.count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"signup_opens_at": timezone.now() + datetime.timedelta(days=1)}, "Sign-up opens on"),
        ({"signup_closes_at": timezone.now() - datetime.timedelta(hours=1)}, "Sign-up closed on"),
        ({"status": Event.Status.CANCELLED}, "has been cancelled"),
        ({"status": Event.Status.DRAFT}, "not open for sign-up"),
    ],
)
def test_sign_up_outside_the_window_or_for_a_closed_event_is_refused(
    changes: dict[str, object], message: str
) -> None:
    event = EventFactory(
        signup_opens_at=timezone.now() - datetime.timedelta(days=2),
        signup_closes_at=timezone.now() + datetime.timedelta(days=2),
    )
    Event.objects.filter(pk=event.pk).update(**changes)
    with pytest.raises(ValidationError) as excinfo:
        signup(event)
    assert message in str(error_of(excinfo))
    assert not event.registrations.exists()


def test_sign_up_with_more_seats_than_allowed_is_refused() -> None:
    event = EventFactory(max_seats_per_signup=2)
    with pytest.raises(ValidationError) as excinfo:
        signup(event, seats=3)
    assert "At most 2 seats" in error_of(excinfo)["seats"][0]
    assert not event.registrations.exists()


def test_an_organisation_may_not_take_more_seats_than_its_limit() -> None:
    member = MembershipFactory()
    organisation = member.organisation
    event = EventFactory(max_seats_per_signup=3, max_seats_per_organisation=4)
    signup(event, "a@example.org", seats=3, organisation=organisation, user=member.user)
    with pytest.raises(ValidationError) as excinfo:
        signup(event, "b@example.org", seats=2, organisation=organisation, user=member.user)
    assert "at most 4 seats" in error_of(excinfo)["seats"][0]
    assert event.registrations.count() == 1


def test_only_a_member_may_sign_up_for_an_organisation() -> None:
    organisation = OrganisationFactory()
    event = EventFactory(max_seats_per_organisation=4)
    for user in (None, UserFactory()):
        with pytest.raises(ValidationError) as excinfo:
            signup(event, organisation=organisation, user=user)
        assert "member of" in error_of(excinfo)["organisation"][0]
    assert not event.registrations.exists()


def test_a_newcomer_does_not_jump_the_waiting_list() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=3)
    signup(event, "a@example.org", seats=2)
    waiting = services.registration_create(
        event=event,
        data=SignupData(name="B", email="b@example.org", seats=2),
        when_short=services.WhenShort.WAITLIST,
    )
    newcomer = signup(event, "c@example.org", seats=1)
    assert waiting.status == newcomer.status == Registration.Status.WAITLISTED
    assert newcomer.waitlist_position() == 2


# --- More seats asked for than are free -------------------------------------------------------


def party_of(event: Event, seats: int, **choice: object) -> Registration:
    return services.registration_create(
        event=event,
        data=SignupData(name="Family Haddad", email="haddad@example.org", seats=seats),
        **choice,  # type: ignore[arg-type]
    )


def test_a_party_larger_than_the_free_seats_is_asked_and_nothing_is_saved() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    signup(event, "a@example.org")
    with pytest.raises(services.SeatsShort) as excinfo:
        party_of(event, 4)
    assert (excinfo.value.free, excinfo.value.asked, excinfo.value.waiting_list) == (2, 4, True)
    assert error_of(excinfo)["seats"] == ["Only 2 seats are free, you asked for 4."]
    assert event.registrations.count() == 1


def test_the_party_can_take_the_free_seats() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    signup(event, "a@example.org")
    registration = party_of(event, 4, when_short=services.WhenShort.TAKE_FREE, offered=2)
    assert (registration.status, registration.seats) == (Registration.Status.CONFIRMED, 2)
    assert event.registrations.active().seat_total() == 3


def test_the_whole_party_can_join_the_waiting_list_instead() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    signup(event, "a@example.org")
    registration = party_of(event, 4, when_short=services.WhenShort.WAITLIST)
    assert (registration.status, registration.seats) == (Registration.Status.WAITLISTED, 4)


def test_without_a_waiting_list_only_the_free_seats_are_offered() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4, waiting_list=False)
    signup(event, "a@example.org")
    with pytest.raises(services.SeatsShort) as excinfo:
        party_of(event, 4, when_short=services.WhenShort.WAITLIST)
    assert (excinfo.value.free, excinfo.value.waiting_list) == (2, False)
    assert error_of(excinfo)["seats"] == ["Only 2 seats are free, you asked for 4."]
    assert event.registrations.count() == 1


def test_one_free_seat_is_named_in_the_singular() -> None:
    event = EventFactory(capacity=2, max_seats_per_signup=3)
    signup(event, "a@example.org")
    with pytest.raises(services.SeatsShort) as excinfo:
        party_of(event, 3)
    assert error_of(excinfo)["seats"] == ["Only 1 seat is free, you asked for 3."]


def test_when_someone_takes_a_seat_between_offer_and_answer_the_party_is_asked_again() -> None:
    """Concurrent-ish: the offer said 2 free seats; before the answer someone took one."""
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    signup(event, "a@example.org")
    with pytest.raises(services.SeatsShort) as offer:
        party_of(event, 4)
    signup(event, "quicker@example.org")
    with pytest.raises(services.SeatsShort) as again:
        party_of(event, 4, when_short=services.WhenShort.TAKE_FREE, offered=offer.value.free)
    assert (again.value.free, again.value.asked) == (1, 4)
    assert not event.registrations.filter(email="haddad@example.org").exists()
    registration = party_of(event, 4, when_short=services.WhenShort.TAKE_FREE, offered=1)
    assert (registration.status, registration.seats) == (Registration.Status.CONFIRMED, 1)
    assert event.registrations.active().seat_total() == 3


def test_when_the_last_seats_go_before_the_answer_the_waiting_list_is_offered() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    signup(event, "a@example.org")
    signup(event, "quicker@example.org", seats=2)
    with pytest.raises(services.SeatsShort) as again:
        party_of(event, 4, when_short=services.WhenShort.TAKE_FREE, offered=2)
    assert (again.value.free, again.value.waiting_list) == (0, True)
    assert error_of(again)["seats"] == ["Meanwhile the free seats have been taken."]
    assert not event.registrations.filter(email="haddad@example.org").exists()


def test_free_seats_are_not_offered_while_others_wait() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=4)
    signup(event, "a@example.org", seats=2)
    party_of(event, 4, when_short=services.WhenShort.WAITLIST)
    newcomer = signup(event, "b@example.org", seats=2)
    assert newcomer.status == Registration.Status.WAITLISTED


@pytest.mark.parametrize(
    ("free", "queue", "asked", "waiting_list", "choice", "offered", "expected"),
    [
        (None, False, 5, True, "ask", None, ("confirmed", 5)),
        (3, False, 3, True, "ask", None, ("confirmed", 3)),
        (0, False, 2, True, "ask", None, ("waitlisted", 2)),
        (3, True, 1, True, "ask", None, ("waitlisted", 1)),
        (2, False, 4, True, "take_free", 2, ("confirmed", 2)),
        (3, False, 4, True, "take_free", 2, ("confirmed", 2)),
        (2, False, 4, True, "waitlist", None, ("waitlisted", 4)),
    ],
)
def test_seats_decision_rule(  # type: ignore[no-untyped-def]
    free, queue, asked, waiting_list, choice, offered, expected
) -> None:
    decision = services.seats_decision(
        free=free,
        queue=queue,
        asked=asked,
        waiting_list=waiting_list,
        when_short=services.WhenShort(choice),
        offered=offered,
    )
    assert decision == expected


# --- Cancel, change, promote ------------------------------------------------------------------


def test_cancelling_confirms_the_first_on_the_waiting_list_and_mails_them() -> None:
    event = EventFactory(capacity=1)
    first = signup(event, "first@example.org")
    second = signup(event, "second@example.org")
    third = signup(event, "third@example.org")
    mail.outbox.clear()
    services.registration_cancel(registration=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED and second.promoted_at
    assert third.status == Registration.Status.WAITLISTED and third.waitlist_position() == 1
    recipients = [message.to[0] for message in mail.outbox]
    assert recipients == ["first@example.org", "second@example.org"]
    assert "seat is free" in mail.outbox[1].subject.lower() or "Platz" in mail.outbox[1].subject
    assert mail.outbox[1].attachments[0][2] == "text/calendar", "promoted: now with calendar"


def test_the_waiting_list_mail_carries_no_calendar_file() -> None:
    event = EventFactory(capacity=1)
    signup(event, "first@example.org")
    mail.outbox.clear()
    signup(event, "second@example.org")
    (message,) = mail.outbox
    assert message.attachments == []
    assert "Die Kalenderdatei erhalten Sie, sobald Sie einen Platz haben." in message.body


def test_promotion_stops_at_a_head_whose_seats_do_not_fit() -> None:
    event = EventFactory(capacity=2, max_seats_per_signup=2)
    first = signup(event, "a@example.org", seats=1)
    signup(event, "b@example.org", seats=1)
    big = signup(event, "c@example.org", seats=2)
    small = signup(event, "d@example.org", seats=1)
    services.registration_cancel(registration=first)
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == small.status == Registration.Status.WAITLISTED


def test_raising_the_capacity_promotes_from_the_waiting_list() -> None:
    event = EventFactory(capacity=1)
    signup(event, "a@example.org")
    waiting = signup(event, "b@example.org")
    promoted = services.event_update(event=event, data=EventData.of(event, capacity=2))
    waiting.refresh_from_db()
    assert promoted == [waiting]
    assert waiting.status == Registration.Status.CONFIRMED


def test_capacity_cannot_drop_below_the_seats_taken() -> None:
    event = EventFactory(capacity=5)
    signup(event, "a@example.org")
    signup(event, "b@example.org")
    with pytest.raises(ValidationError) as excinfo:
        services.event_update(event=event, data=EventData.of(event, capacity=1))
    assert "2 seats are already taken" in error_of(excinfo)["capacity"][0]
    assert Event.objects.get(pk=event.pk).capacity == 5


def test_a_confirmed_person_gets_more_seats_only_if_they_are_free() -> None:
    event = EventFactory(capacity=3, max_seats_per_signup=3)
    mine = signup(event, "a@example.org", seats=1)
    signup(event, "b@example.org", seats=1)
    updated = services.registration_update(registration=mine, data=NeedsData(seats=2))
    assert updated.seats == 2
    with pytest.raises(ValidationError) as excinfo:
        services.registration_update(registration=mine, data=NeedsData(seats=3))
    assert "more seats are free" in error_of(excinfo)["seats"][0]
    assert Registration.objects.get(pk=mine.pk).seats == 2


def test_giving_back_seats_promotes_the_waiting_list() -> None:
    event = EventFactory(capacity=2, max_seats_per_signup=2)
    mine = signup(event, "a@example.org", seats=2)
    waiting = signup(event, "b@example.org")
    services.registration_update(registration=mine, data=NeedsData(seats=1))
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_needs_are_saved_with_the_change() -> None:
    arabic = LanguageFactory()
    event = EventFactory(childcare=True)
    event.interpretation_languages.set([arabic])
    mine = signup(event)
    services.registration_update(
        registration=mine,
        data=NeedsData(
            seats=1, interpretation_language=arabic, childcare_children=2, childcare_ages="3, 5"
        ),
    )
    mine.refresh_from_db()
    assert (mine.interpretation_language, mine.childcare_children, mine.childcare_ages) == (
        arabic,
        2,
        "3, 5",
    )


def test_check_in_marks_a_confirmed_person_as_attended_and_can_be_undone() -> None:
    registration = RegistrationFactory()
    services.registration_check_in(registration=registration, attended=True)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ATTENDED and registration.checked_in_at
    services.registration_check_in(registration=registration, attended=False)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.checked_in_at is None


# --- Delegates --------------------------------------------------------------------------------


def test_delegates_are_signed_up_in_one_go_and_beyond_capacity_wait() -> None:
    organisation = OrganisationFactory()
    user = UserFactory()
    event = EventFactory(capacity=2)
    created = services.delegates_register(
        event=event,
        organisation=organisation,
        delegates=[SignupData(name=f"D{n}", email=f"d{n}@example.org") for n in range(3)],
        user=user,
    )
    assert [r.status for r in created] == ["confirmed", "confirmed", "waitlisted"]
    assert {r.organisation for r in created} == {organisation}
    assert {r.registered_by for r in created} == {user}


def test_delegates_over_the_organisation_limit_save_nobody() -> None:
    organisation = OrganisationFactory()
    event = EventFactory(max_seats_per_organisation=2)
    with pytest.raises(services.DelegateRejected) as excinfo:
        services.delegates_register(
            event=event,
            organisation=organisation,
            delegates=[SignupData(name=f"D{n}", email=f"d{n}@example.org") for n in range(3)],
            user=UserFactory(),
        )
    assert excinfo.value.index == 2
    assert "at most 2 seats" in excinfo.value.message_dict["seats"][0]
    assert not event.registrations.exists()


def test_delegates_with_the_same_email_twice_save_nobody() -> None:
    event = EventFactory()
    with pytest.raises(services.DelegateRejected) as excinfo:
        services.delegates_register(
            event=event,
            organisation=OrganisationFactory(),
            delegates=[
                SignupData(name="A", email="same@example.org"),
                SignupData(name="B", email="same@example.org"),
            ],
            user=UserFactory(),
        )
    assert excinfo.value.index == 1
    assert not event.registrations.exists()


# --- Organisers -------------------------------------------------------------------------------


def test_cancelling_the_event_mails_everyone_signed_up() -> None:
    event = EventFactory(capacity=1)
    signup(event, "a@example.org")
    signup(event, "b@example.org")
    services.registration_cancel(registration=signup(event, "c@example.org"))
    mail.outbox.clear()
    told = services.event_cancel(event=event, message="The room is flooded.")
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED and told == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert "The room is flooded." in mail.outbox[0].body


def test_duplicating_makes_a_draft_copy_without_registrations() -> None:
    arabic = LanguageFactory()
    event = EventFactory(title="Round table")
    event.interpretation_languages.set([arabic])
    RegistrationFactory(event=event)
    copy = services.event_duplicate(event=event, user=UserFactory())
    assert copy.pk != event.pk and copy.slug != event.slug
    assert copy.status == Event.Status.DRAFT
    assert list(copy.interpretation_languages.all()) == [arabic]
    assert not copy.registrations.exists()


def test_a_new_event_gets_a_dated_slug_that_no_other_event_has() -> None:
    starts = timezone.make_aware(datetime.datetime(2031, 3, 14, 18, 0))
    data = EventData(title="Runder Tisch Wohnen", starts_at=starts, ends_at=starts)
    data = dataclasses.replace(data, ends_at=starts + datetime.timedelta(hours=2))
    district = EventFactory().organiser_district
    first = services.event_create(data=data, organiser=district, user=None)
    second = services.event_create(data=data, organiser=district, user=None)
    assert (first.slug, second.slug) == (
        "runder-tisch-wohnen-2031-03-14",
        "runder-tisch-wohnen-2031-03-14-2",
    )
    assert first.status == Event.Status.DRAFT and first.organiser == district


def test_publishing_a_draft_sets_the_date() -> None:
    event = EventFactory(status=Event.Status.DRAFT)
    services.event_publish(event=event)
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.published_at


def test_message_goes_to_confirmed_and_optionally_to_the_waiting_list() -> None:
    event = EventFactory(capacity=1)
    signup(event, "a@example.org")
    signup(event, "b@example.org")
    mail.outbox.clear()
    sent = services.event_message_participants(
        event=event, subject="Room", body="Room 2", include_waitlist=False, sender=UserFactory()
    )
    assert sent == 1 and [m.to for m in mail.outbox] == [["a@example.org"]]
    mail.outbox.clear()
    sent = services.event_message_participants(
        event=event, subject="Room", body="Room 2", include_waitlist=True, sender=UserFactory()
    )
    assert sent == 2 and len(mail.outbox) == 2


def test_totals_count_needs_of_confirmed_registrations() -> None:
    arabic = LanguageFactory()
    farsi = LanguageFactory(code="fa")
    event = EventFactory()
    RegistrationFactory(event=event, interpretation_language=arabic, seats=2, childcare_children=2)
    RegistrationFactory(event=event, interpretation_language=farsi, needs_step_free=True)
    RegistrationFactory(event=event, interpretation_language=arabic, status="waitlisted")
    totals = services.registration_totals(list(event.registrations.all()))
    assert totals.interpretation == {"Arabic": 2, "Persian": 1}
    assert (totals.childcare_children, totals.step_free, totals.confirmed_seats) == (2, 1, 3)
    assert totals.waitlisted_seats == 1


# --- Cron jobs --------------------------------------------------------------------------------


def test_reminders_go_out_once_per_person() -> None:
    soon = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    later = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=10))
    RegistrationFactory(event=soon, email="soon@example.org")
    RegistrationFactory(event=soon, status="waitlisted")
    RegistrationFactory(event=later)
    assert services.reminders_send(days=2) == 1
    assert services.reminders_send(days=2) == 0
    assert [m.to for m in mail.outbox] == [["soon@example.org"]]
    assert mail.outbox[0].attachments


def test_purge_deletes_personal_data_after_the_retention_period_and_keeps_counts() -> None:
    arabic = LanguageFactory()
    old = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=100))
    recent = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=10))
    gone = RegistrationFactory(
        event=old, interpretation_language=arabic, accessibility_needs="Quiet room", seats=1
    )
    RegistrationFactory(event=old, status="attended")
    kept = RegistrationFactory(event=recent)
    old_token = gone.token
    assert services.registrations_purge(days=90) == 2
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.name, gone.email, gone.accessibility_needs) == ("", "", "")
    assert gone.anonymised_at and gone.token != old_token
    assert gone.interpretation_language == arabic and gone.status == "confirmed"
    assert old.registrations.active().seat_total() == 2
    assert kept.name and kept.anonymised_at is None


@pytest.mark.parametrize(
    ("status", "step", "allowed"),
    [
        ("draft", "publish", True),
        ("published", "publish", False),
        ("cancelled", "publish", False),
        ("draft", "cancel", True),
        ("published", "cancel", True),
        ("cancelled", "cancel", False),
    ],
)
def test_an_events_status_steps_start_only_where_the_table_allows(
    status: str, step: str, allowed: bool
) -> None:
    event = EventFactory(status=status)
    assert can_take_step(event, step) is allowed
