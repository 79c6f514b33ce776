"""The peer exchange in a real Chromium: an organisation offers a room in Pankow, another
organisation answers through the site, the first marks the post matched, and the post leaves
the list of open posts."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from exchange.models import Post
from tests.browser.test_networks import assert_accessible, logged_in
from tests.factories import DistrictFactory, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Raum für 20 Personen am Samstag frei"


def test_an_offer_is_answered_and_matched(live_server, browser: Browser, page: Page) -> None:
    pankow = DistrictFactory(name="Pankow")
    DistrictFactory(name="Spandau")
    offering = OrganisationFactory(name="Nachbarschaftshaus Pankow", districts=[pankow])
    offering_owner = MembershipFactory(organisation=offering).user
    answering = OrganisationFactory(name="Frauentreff Sonnenblume", districts=[pankow])
    answering_owner = MembershipFactory(organisation=answering).user
    exchange_url = f"{live_server.url}/en/exchange/"

    # The owner of the Nachbarschaftshaus posts the room.
    owner_page = logged_in(browser, live_server, offering_owner).new_page()
    # The first request of the live server imports and warms up everything: more time.
    owner_page.goto(exchange_url, timeout=60_000)
    owner_page.get_by_role("link", name="Post an offer or a need").click()
    assert_accessible(owner_page)
    owner_page.get_by_label("Offer", exact=True).check()
    owner_page.get_by_label("Category").select_option(label="Rooms and space")
    owner_page.get_by_label("Title").fill(TITLE)
    owner_page.get_by_label("Description").fill("Gruppenraum mit Stühlen und Beamer, 10–18 Uhr.")
    owner_page.get_by_label("Pankow").check()
    owner_page.get_by_role("button", name="Publish the post").click()
    expect(owner_page.locator(".messages")).to_contain_text("Your post is online.")
    post = Post.objects.get(title=TITLE)
    assert (post.organisation, post.category, post.audience) == (offering, "rooms", "public")

    # The Frauentreff finds it in the list, filtered by district, and answers.
    answer_page = logged_in(browser, live_server, answering_owner).new_page()
    answer_page.goto(exchange_url)
    answer_page.get_by_label("District").select_option(label="Pankow (1)")
    answer_page.get_by_role("button", name="Show posts").click()
    assert_accessible(answer_page)
    answer_page.get_by_role("link", name=TITLE).click()
    assert_accessible(answer_page)
    answer_page.get_by_label("Your message").fill(
        "Wir würden den Raum gern für unser Elterncafé nutzen."
    )
    answer_page.get_by_label("How to reach you").fill("Ayşe, 030 555 123")
    answer_page.get_by_role("button", name="Send answer").click()
    expect(answer_page.locator(".messages")).to_contain_text("Your answer has been sent")
    [message] = [m for m in mail.outbox if m.to == [offering_owner.email]]
    assert "Ayşe, 030 555 123" in message.body
    assert answering_owner.email not in message.body and message.reply_to == []

    # The Nachbarschaftshaus reads the answer and marks the post matched.
    owner_page.goto(f"{live_server.url}/en/exchange/{post.pk}/")
    expect(owner_page.get_by_role("region", name="Answer (1)")).to_contain_text("Elterncafé")
    owner_page.get_by_role("button", name="Mark as matched").click()
    expect(owner_page.locator(".messages")).to_contain_text("marked as matched")
    post.refresh_from_db()
    assert post.status == Post.Status.MATCHED

    # The post has left the open list.
    page.goto(exchange_url)
    expect(page.locator(".result-count")).to_contain_text("0 open posts")
    expect(page.get_by_role("main")).not_to_contain_text(TITLE)
