"""Following in a real Chromium: a person follows a network from its page, the network gets a
new event and an exchange post, the daily digest brings both in one e-mail, and its one-click
link switches the digest off without logging in."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from exchange import services as exchange_services
from following import services
from following.models import DigestSetting, Follow
from networks.models import NetworkMembership
from organisations.models import OrganisationMembership
from tests.browser.test_networks import assert_accessible, logged_in
from tests.exchange.conftest import post_data
from tests.factories import (
    DistrictFactory,
    EventFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_following_a_network_brings_its_news_in_one_digest(
    live_server, browser: Browser, page: Page
) -> None:
    district = DistrictFactory(name="Pankow")
    network = NetworkFactory(name="Netzwerk Mehrsprachigkeit", district=district)
    organisation = OrganisationFactory(name="Sprachcafé Pankow", districts=[district])
    owner = MembershipFactory(organisation=organisation, role=OrganisationMembership.Role.OWNER)
    NetworkMembershipFactory(
        network=network, organisation=organisation, role=NetworkMembership.Role.COORDINATOR
    )
    person = UserFactory(name="Amal", language="de")

    context = logged_in(browser, live_server, person)
    follower = context.new_page()
    follower.set_viewport_size({"width": 390, "height": 800})
    follower.goto(f"{live_server.url}{network.get_absolute_url()}")
    follower.get_by_role("button", name="Folgen").click()
    expect(follower.get_by_role("button", name="Folge ich")).to_be_visible()
    assert Follow.objects.filter(user=person, network=network).exists()

    follower.goto(f"{live_server.url}/de/following/")
    follower.get_by_label("einmal am Tag").check()
    follower.get_by_role("button", name="Speichern").click()
    expect(follower.get_by_text("Ihre Auswahl wurde gespeichert.")).to_be_visible()
    assert_accessible(follower)

    EventFactory(
        title="Runder Tisch Mehrsprachigkeit",
        organiser_district=None,
        organiser_network=network,
        published_at=timezone.now(),
    )
    exchange_services.post_create(
        organisation=organisation,
        user=owner.user,
        data=post_data(districts=(district,), networks=(network,)),
    )
    now = timezone.now() + datetime.timedelta(minutes=1)
    assert services.digests_send(frequency="daily", now=now) == 1
    assert services.digests_send(frequency="daily", now=now) == 0

    [message] = mail.outbox
    assert "Runder Tisch Mehrsprachigkeit" in message.body
    assert "Raum für 20 Personen am Samstag frei" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = unsubscribe.split("://", 1)[1].split("/", 1)[1]

    stranger = browser.new_page()  # no session: the link works without logging in
    stranger.goto(f"{live_server.url}/{path}")
    stranger.get_by_role("button", name="Abbestellen").click()
    expect(
        stranger.get_by_text("Sie bekommen keine Zusammenfassungen mehr", exact=False)
    ).to_be_visible()
    assert DigestSetting.objects.get(user=person).frequency == DigestSetting.Frequency.NEVER
    context.close()
