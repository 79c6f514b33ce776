"""The funding journey in a real Chromium: district staff post a call with the form, and it
appears in the list of calls and, its deadline three weeks ahead, on their staff home."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from funding.models import FundingCall
from tests.browser.test_networks import assert_accessible, logged_in
from tests.factories import DistrictFactory, DistrictStaffFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_post_a_call_that_appears_in_the_list_and_on_their_home(
    live_server, browser: Browser
) -> None:
    district = DistrictFactory(name="Pankow")
    TopicFactory(name="Bildung")
    staff = DistrictStaffFactory(district=district).user
    deadline = timezone.localdate() + datetime.timedelta(days=21)
    page = logged_in(browser, live_server, staff).new_page()
    # The first page of a fresh server compiles its templates: slow on a busy machine.
    page.set_default_navigation_timeout(30_000)

    page.goto(f"{live_server.url}/en/funding/")
    page.get_by_role("link", name="Post a funding call").first.click()
    page.get_by_label("Title").fill("Kiezfonds Pankow 2027")
    page.get_by_label("Funder").fill("Bezirksamt Pankow")
    page.get_by_label("For (required)", exact=True).select_option(label="Pankow")
    page.get_by_label("Description").fill("Kleine Projekte in der Nachbarschaft.")
    page.get_by_label("Who can apply").fill("Vereine und Initiativen in Pankow.")
    page.get_by_label("Amount from (euros)").fill("500")
    page.get_by_label("Amount up to (euros)").fill("3000")
    page.get_by_label("Deadline (required)", exact=True).fill(deadline.isoformat())
    page.get_by_label("Link to the call").fill("https://example.org/kiezfonds")
    page.get_by_role("button", name="Publish").click()

    expect(page.locator(".messages")).to_contain_text("The call has been published")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiezfonds Pankow 2027")
    call = FundingCall.objects.get(title="Kiezfonds Pankow 2027")
    assert call.is_open and call.district == district
    assert call.changes.filter(actor=staff).count() == 2

    page.goto(f"{live_server.url}/en/funding/")
    expect(page.get_by_role("link", name="Kiezfonds Pankow 2027")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/en/staff/")
    section = page.locator("section", has=page.get_by_role("heading", name="Funding deadlines"))
    expect(section.get_by_role("link", name="Kiezfonds Pankow 2027")).to_be_visible()
