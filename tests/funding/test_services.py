"""Posting and changing calls through the services: places, history, the revision check."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from funding.models import FundingCall, FundingCallChange
from funding.services import (
    FundingCallChanged,
    FundingCallData,
    funding_call_create,
    funding_call_publish,
    funding_call_unpublish,
    funding_call_update,
)
from tests.factories import FundingCallFactory, TopicFactory
from tests.funding.conftest import World

pytestmark = pytest.mark.django_db


def _data(place: object, **changes: object) -> FundingCallData:
    values: dict[str, object] = {
        "title": "Kiezfonds",
        "funder": "Bezirksamt",
        "description": "Small projects.",
        "eligibility": "Associations.",
        "deadline_date": timezone.localdate() + datetime.timedelta(days=10),
        "url": "https://example.org/kiezfonds",
        "place": place,
    }
    return FundingCallData(**{**values, **changes})  # type: ignore[arg-type]


def test_staff_post_a_district_call_as_a_draft_with_its_history(world: World) -> None:
    topic = TopicFactory()
    call = funding_call_create(
        user=world.cast.staff, data=_data(world.cast.district, topics=(topic,))
    )
    assert call.status == FundingCall.Status.DRAFT
    assert call.scope == FundingCall.Scope.DISTRICT
    assert call.city == world.cast.district.city
    assert list(call.topics.all()) == [topic]
    [change] = call.changes.all()
    assert (change.action, change.actor) == (FundingCallChange.Action.CREATED, world.cast.staff)


def test_a_coordinator_posts_for_their_network_and_publishes_at_once(world: World) -> None:
    call = funding_call_create(user=world.coordinator, data=_data(world.network), publish=True)
    assert call.scope == FundingCall.Scope.NETWORK
    assert call.is_open
    assert [c.action for c in call.changes.order_by("pk")] == ["created", "published"]


@pytest.mark.parametrize(
    ("role", "place"),
    [
        ("other_staff", "district"),
        ("coordinator", "district"),
        ("other_coordinator", "network"),
        ("staff", "city"),
        ("member", "district"),
    ],
)
def test_nobody_posts_for_a_place_that_is_not_theirs(world: World, role: str, place: str) -> None:
    where = {
        "district": world.cast.district,
        "network": world.network,
        "city": world.cast.district.city,
    }[place]
    with pytest.raises(PermissionDenied):
        funding_call_create(user=world.user(role), data=_data(where))  # type: ignore[arg-type]
    assert not FundingCall.objects.filter(title="Kiezfonds").exists()


def test_city_wide_staff_post_for_the_city(world: World) -> None:
    call = funding_call_create(user=world.city_staff, data=_data(world.cast.district.city))
    assert (call.scope, call.district, call.network) == (FundingCall.Scope.CITY, None, None)


def test_the_amount_range_must_be_in_order(world: World) -> None:
    with pytest.raises(ValidationError):
        funding_call_create(
            user=world.cast.staff, data=_data(world.cast.district, amount_min=5000, amount_max=100)
        )


def test_an_edit_saves_only_what_changed_and_records_it(world: World) -> None:
    call = world.district_call
    data = dataclasses.replace(FundingCallData.of(call), title="Kiezfonds 2027", amount_max=900)
    funding_call_update(call=call, user=world.cast.staff, data=data, revision=call.revision)
    call.refresh_from_db()
    assert (call.title, call.amount_max, call.revision) == ("Kiezfonds 2027", 900, 2)
    change = call.changes.get()
    assert change.action == "edited"
    assert sorted(change.fields) == ["amount_max", "title"]


def test_an_edit_opened_before_someone_elses_save_is_refused(world: World) -> None:
    call = world.district_call
    opened = call.revision
    first = dataclasses.replace(FundingCallData.of(call), funder="Stiftung A")
    funding_call_update(call=call, user=world.cast.staff, data=first, revision=opened)
    second = dataclasses.replace(FundingCallData.of(call), funder="Stiftung B")
    with pytest.raises(FundingCallChanged) as changed:
        funding_call_update(call=call, user=world.city_staff, data=second, revision=opened)
    assert ("funder", "Stiftung A", "Stiftung B") in changed.value.differences
    call.refresh_from_db()
    assert call.funder == "Stiftung A"


def test_moving_a_call_needs_the_right_to_post_at_the_new_place(world: World) -> None:
    call = world.network_call
    data = dataclasses.replace(FundingCallData.of(call), place=world.cast.district)
    with pytest.raises(PermissionDenied):
        funding_call_update(call=call, user=world.coordinator, data=data)
    call.refresh_from_db()
    assert call.network == world.network


def test_publish_and_unpublish_are_recorded_once(world: World) -> None:
    call = world.district_draft
    funding_call_publish(call=call, user=world.cast.staff)
    funding_call_publish(call=call, user=world.cast.staff)
    funding_call_unpublish(call=call, user=world.city_staff)
    call.refresh_from_db()
    assert call.status == FundingCall.Status.UNPUBLISHED
    assert [(c.action, c.actor) for c in call.changes.order_by("pk")] == [
        ("published", world.cast.staff),
        ("unpublished", world.city_staff),
    ]


def test_open_calls_end_with_their_deadline(world: World) -> None:
    now = timezone.localtime()
    today = now.date()
    earlier = (now - datetime.timedelta(minutes=5)).time()
    later = (now + datetime.timedelta(minutes=5)).time()
    if earlier > now.time() or later < now.time():
        pytest.skip("too close to midnight")
    ended = FundingCallFactory(deadline_date=today, deadline_time=earlier)
    open_today = FundingCallFactory(deadline_date=today, deadline_time=later)
    all_day = FundingCallFactory(deadline_date=today)
    yesterday = FundingCallFactory(deadline_date=today - datetime.timedelta(days=1))
    open_calls = set(FundingCall.objects.open())
    assert {open_today, all_day} <= open_calls
    assert not {ended, yesterday} & open_calls
    assert {ended, yesterday} <= set(FundingCall.objects.closed())


def test_the_digest_asks_for_open_calls_with_a_deadline_after_a_day(world: World) -> None:
    soon = timezone.localdate() + datetime.timedelta(days=3)
    late = FundingCallFactory(deadline_date=soon + datetime.timedelta(days=30))
    calls = FundingCall.objects.open().deadline_after(soon + datetime.timedelta(days=20))
    assert list(calls) == [late]
    assert world.district_draft not in FundingCall.objects.open()
