"""The include templates other apps' pages embed, rendered without any view."""

from __future__ import annotations

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from accounts.models import User
from events.models import Event
from networks.models import NetworkMembership
from tests.events.conftest import EventsCast
from tests.factories import EventFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def render(template: str, user: User | None = None, **context: object) -> str:
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/en/")
    request.user = user or AnonymousUser()
    with translation.override("en"):
        return render_to_string(template, {"request": request, **context})


def test_organisation_include_lists_its_upcoming_public_events(events_cast: EventsCast) -> None:
    organisation = events_cast.cast.organisation
    EventFactory(
        title="Past workshop",
        organiser_district=None,
        organiser_organisation=organisation,
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    EventFactory(
        title="Draft workshop",
        organiser_district=None,
        organiser_organisation=organisation,
        status=Event.Status.DRAFT,
    )
    html = render("events/_organisation_events.html", organisation=organisation)
    assert "Upcoming events" in html
    assert "Organisation workshop" in html
    assert "Past workshop" not in html and "Draft workshop" not in html
    assert "Network meeting" not in html
    assert f"/feeds/organisations/{organisation.slug}.ics" in html


def test_organisation_include_says_when_there_is_nothing(events_cast: EventsCast) -> None:
    html = render(
        "events/_organisation_events.html", organisation=events_cast.cast.other_organisation
    )
    assert "No upcoming events." in html


def test_network_include_shows_members_only_meetings_to_members(
    events_cast: EventsCast, django_assert_max_num_queries
) -> None:
    EventFactory(
        title="Members meeting",
        kind=Event.Kind.NETWORK_MEETING,
        organiser_district=None,
        organiser_network=events_cast.network,
        visibility=Event.Visibility.MEMBERS,
    )
    member = MembershipFactory(organisation=events_cast.cast.other_organisation).user
    NetworkMembership.objects.create(
        network=events_cast.network,
        organisation=events_cast.cast.other_organisation,
        status=NetworkMembership.Status.ACTIVE,
    )
    public = render("events/_network_events.html", network=events_cast.network)
    assert "Upcoming meetings" in public and "Network meeting" in public
    assert "Members meeting" not in public
    with django_assert_max_num_queries(8):
        for_member = render("events/_network_events.html", member, network=events_cast.network)
    assert "Members meeting" in for_member
