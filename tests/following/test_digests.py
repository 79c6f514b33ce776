"""The digests: one e-mail per person with what is new in what they follow, never twice, only
what the person could see on the site, in their language, with a one-click unsubscribe."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event
from exchange.models import Post
from following import services
from following.models import DigestLog, DigestSetting, Follow
from networks import services as network_services
from networks.models import NetworkMembership
from tests.factories import (
    EventFactory,
    FundingCallFactory,
    NetworkMembershipFactory,
    NetworkNoteFactory,
    OfferFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.following.conftest import World, later

pytestmark = pytest.mark.django_db

DAILY = DigestSetting.Frequency.DAILY
WEEKLY = DigestSetting.Frequency.WEEKLY


def _follow(world: World, user=None, target=None, frequency=DAILY) -> None:  # type: ignore[no-untyped-def]
    user = user or world.follower
    services.follow_add(user=user, target=world.network if target is None else target)
    services.digest_setting_change(user=user, frequency=frequency)


def test_a_follower_gets_one_digest_with_the_networks_new_event(world: World) -> None:
    _follow(world)
    world.event(title="Round table on language cafés")

    assert services.digests_send(frequency=DAILY, now=later(minutes=1)) == 1

    [message] = mail.outbox
    assert message.to == [world.follower.email]
    assert "Round table on language cafés" in message.body
    assert "/en/events/" in message.body
    log = DigestLog.objects.get(user=world.follower)
    assert log.item_count == 1


def test_running_the_command_again_sends_nothing(world: World) -> None:
    _follow(world)
    world.event()
    call_command("send_digests", frequency="daily", stdout=StringIO())
    assert len(mail.outbox) == 1

    call_command("send_digests", frequency="daily", stdout=StringIO())
    # Even the next day, with nothing new since the last digest:
    services.digests_send(frequency=DAILY, now=later(days=1))

    assert len(mail.outbox) == 1
    assert DigestLog.objects.count() == 1


def test_the_next_digest_holds_only_what_is_new_since_the_last(world: World) -> None:
    _follow(world)
    world.event(title="First meeting")
    services.digests_send(frequency=DAILY, now=later(minutes=1))
    setting = DigestSetting.objects.get(user=world.follower)
    world.event(
        title="Second meeting", published_at=setting.covered_until + datetime.timedelta(hours=1)
    )

    services.digests_send(frequency=DAILY, now=later(days=1))

    assert len(mail.outbox) == 2
    assert "Second meeting" in mail.outbox[1].body
    assert "First meeting" not in mail.outbox[1].body


def test_nothing_new_sends_no_mail(world: World) -> None:
    _follow(world)
    EventFactory(published_at=timezone.now())  # another district's event

    assert services.digests_send(frequency=DAILY, now=later(minutes=1)) == 0
    assert mail.outbox == []
    assert DigestSetting.objects.get(user=world.follower).last_run_on is not None


def test_weekly_followers_are_left_to_the_weekly_run(world: World) -> None:
    _follow(world, frequency=WEEKLY)
    world.event()

    assert services.digests_send(frequency=DAILY, now=later(minutes=1)) == 0
    assert services.digests_send(frequency=WEEKLY, now=later(minutes=1)) == 1
    assert services.digests_send(frequency=WEEKLY, now=later(days=3)) == 0


def test_the_digest_carries_a_one_click_unsubscribe_link(world: World) -> None:
    _follow(world)
    world.event()
    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header.strip("<>")
    assert url.startswith("http") and "/en/following/unsubscribe/" in url
    assert url in message.body

    path = url.split("://", 1)[1].split("/", 1)[1]
    response = Client(enforce_csrf_checks=True).post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    setting = DigestSetting.objects.get(user=world.follower)
    assert setting.frequency == DigestSetting.Frequency.NEVER
    assert Follow.objects.filter(user=world.follower).count() == 1  # follows stay


def test_the_digest_is_written_in_the_persons_language(world: World) -> None:
    german = UserFactory(language="de")
    _follow(world, user=german)
    world.event()

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert "Neue Veranstaltungen" in message.body
    assert "/de/following/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_members_only_events_reach_only_members(world: World) -> None:
    _follow(world)  # the follower acts for no organisation
    _follow(world, user=world.cast.owner)  # the owner's organisation is a member
    world.event(title="Members' planning meeting", visibility=Event.Visibility.MEMBERS)

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert message.to == [world.cast.owner.email]


def test_a_person_who_is_not_a_member_gets_no_member_only_news(world: World) -> None:
    _follow(world)
    _follow(world, user=world.cast.owner)
    NetworkNoteFactory(network=world.network, title="Minutes of the spring meeting")
    world.event(title="Open round table")

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    by_person = {message.to[0]: message.body for message in mail.outbox}
    assert "Minutes of the spring meeting" in by_person[world.cast.owner.email]
    assert "Minutes of the spring meeting" not in by_person[world.follower.email]
    assert "Open round table" in by_person[world.follower.email]


def test_new_members_of_a_followed_network_are_news(world: World) -> None:
    _follow(world)
    newcomer = OrganisationFactory(name="Neue Nachbarn e.V.")
    request = NetworkMembershipFactory(
        network=world.network, organisation=newcomer, status=NetworkMembership.Status.REQUESTED
    )
    network_services.membership_approve(membership=request, user=world.cast.staff)

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert "Neue Nachbarn e.V. has joined" in message.body


def test_followed_organisations_and_districts_bring_their_news(world: World) -> None:
    services.follow_add(user=world.follower, target=world.cast.organisation)
    services.follow_add(user=world.follower, target=world.cast.other_district)
    services.digest_setting_change(user=world.follower, frequency=DAILY)
    OfferFactory(organisation=world.cast.organisation, title="Homework club")
    EventFactory(
        title="District festival",
        organiser_district=world.cast.other_district,
        published_at=timezone.now(),
    )
    OrganisationFactory(
        name="Spandau hilft", districts=[world.cast.other_district], published_at=timezone.now()
    )
    OrganisationFactory(name="Elsewhere e.V.", published_at=timezone.now())

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert "Homework club" in message.body
    assert "District festival" in message.body
    assert "Spandau hilft" in message.body
    assert "Elsewhere e.V." not in message.body


def test_drafts_and_unsubscribed_people_get_nothing(world: World) -> None:
    _follow(world)
    world.event(status=Event.Status.DRAFT)
    other = UserFactory()
    _follow(world, user=other)
    services.digest_unsubscribe(user=other)
    world.event(title="Published", published_at=timezone.now())

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    assert [message.to for message in mail.outbox] == [[world.follower.email]]
    assert "Published" in mail.outbox[0].body


def _queries_of_a_run(now: datetime.datetime) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.digests_send(frequency=DAILY, now=now)
    return len(queries)


def test_queries_per_recipient_do_not_grow_with_what_they_follow(world: World) -> None:
    _follow(world)
    world.event()
    one_person_one_follow = _queries_of_a_run(later(minutes=1))

    for _person in range(3):
        user = UserFactory()
        _follow(world, user=user)
        for _organisation in range(5):
            organisation = OrganisationFactory()
            services.follow_add(user=user, target=organisation)
            EventFactory(
                organiser_district=None,
                organiser_organisation=organisation,
                published_at=timezone.now(),
            )
            OfferFactory(organisation=organisation)
    three_people_six_follows = _queries_of_a_run(later(minutes=2))

    assert len(mail.outbox) == 4
    # One query finds who is due; each person then costs the same, whatever they follow.
    assert three_people_six_follows == 1 + 3 * (one_person_one_follow - 1)


# --- The exchange, funding calls and events organised together ---------------------------------


def _post(world: World, **values: object) -> Post:
    from exchange import services as exchange_services
    from tests.exchange.conftest import post_data

    values.setdefault("districts", (world.cast.district,))
    return exchange_services.post_create(
        organisation=world.cast.organisation,
        user=world.cast.owner,
        data=post_data(**values),  # type: ignore[arg-type]
    )


def test_a_network_follower_gets_its_new_event_and_exchange_post_in_one_digest(
    world: World,
) -> None:
    _follow(world)
    world.event(title="Round table on language cafés")
    _post(world, title="Room for 20 people free on Saturday", networks=(world.network,))

    assert services.digests_send(frequency=DAILY, now=later(minutes=1)) == 1

    [message] = mail.outbox
    assert "Round table on language cafés" in message.body
    assert "Room for 20 people free on Saturday" in message.body
    assert DigestLog.objects.get().item_count == 2
    assert services.digests_send(frequency=DAILY, now=later(days=1)) == 0


def test_followers_of_the_exchange_get_new_posts_they_may_see(world: World) -> None:
    services.follow_add(user=world.follower, target=None)
    services.digest_setting_change(user=world.follower, frequency=DAILY)
    _post(world, title="Beamer to lend")
    _post(
        world,
        title="Only for the network",
        audience=Post.Audience.NETWORKS,
        networks=(world.network,),
    )

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert "Beamer to lend" in message.body
    assert "Only for the network" not in message.body  # the follower is not a member


def test_new_funding_calls_with_a_deadline_ahead_are_news(world: World) -> None:
    services.follow_add(user=world.follower, target=world.cast.district)
    services.digest_setting_change(user=world.follower, frequency=DAILY)
    FundingCallFactory(title="Neighbourhood fund", district=world.cast.district)
    FundingCallFactory(
        title="Already over",
        district=world.cast.district,
        deadline_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    FundingCallFactory(title="Draft call", district=world.cast.district, status="draft")
    FundingCallFactory(title="Elsewhere", district=world.cast.other_district)

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert "Neighbourhood fund" in message.body
    for absent in ("Already over", "Draft call", "Elsewhere"):
        assert absent not in message.body


def test_an_event_the_followed_network_co_organises_is_news(world: World) -> None:
    from events.models import EventCoOrganiser

    _follow(world)
    event = EventFactory(title="Round table together", published_at=timezone.now())
    EventCoOrganiser.objects.create(event=event, network=world.network)

    services.digests_send(frequency=DAILY, now=later(minutes=1))

    [message] = mail.outbox
    assert "Round table together" in message.body
