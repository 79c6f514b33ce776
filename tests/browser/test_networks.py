"""The networks journey in a real Chromium: an owner asks to join, the coordinator (an MSO
member) approves, staff invite another organisation whose owner accepts, staff remove a member
with a reason, and the history shows all of it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect

from accounts.models import User
from networks.models import MembershipChange, NetworkMembership
from organisations.models import OrganisationMembership
from tests.factories import (
    DistrictFactory,
    DistrictStaffFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
)
from tests.quality import axe_findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Status = NetworkMembership.Status


def logged_in(browser: Browser, live_server, user: User) -> BrowserContext:  # type: ignore[no-untyped-def]
    """A browser context with the user's session (the login form is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.set_default_timeout(10_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def assert_accessible(page: Page) -> None:
    findings = axe_findings(page)
    assert findings == [], "\n".join(findings)


def test_network_curation_journey(live_server, browser: Browser, page: Page) -> None:
    district = DistrictFactory(name="Pankow")
    network = NetworkFactory(name="Netzwerk Mehrsprachigkeit", district=district)
    coordinating = OrganisationFactory(name="Sprachcafé Pankow", districts=[district])
    coordinator = MembershipFactory(
        organisation=coordinating, role=OrganisationMembership.Role.OWNER
    ).user
    NetworkMembershipFactory(
        network=network, organisation=coordinating, role=NetworkMembership.Role.COORDINATOR
    )
    alpha = OrganisationFactory(name="Alpha Frauenverein", districts=[district])
    alpha_owner = MembershipFactory(organisation=alpha).user
    beta = OrganisationFactory(name="Beta Jugendinitiative", districts=[district])
    beta_owner = MembershipFactory(organisation=beta).user
    staff = DistrictStaffFactory(district=district).user
    network_url = f"{live_server.url}/en/networks/{network.slug}/"

    # The owner of Alpha asks to join.
    owner_page = logged_in(browser, live_server, alpha_owner).new_page()
    owner_page.goto(network_url)
    owner_page.get_by_role("link", name="Ask to join").click()
    owner_page.get_by_label("A short message to the coordinators").fill("We run a language café.")
    owner_page.get_by_role("button", name="Send request").click()
    expect(owner_page.locator(".messages")).to_contain_text("Your request has been sent")
    assert network.memberships.get(organisation=alpha).status == Status.REQUESTED

    # The coordinator, an MSO member, approves from the curation page.
    coordinator_page = logged_in(browser, live_server, coordinator).new_page()
    coordinator_page.goto(f"{live_server.url}/en/networks/curation/")
    expect(coordinator_page.get_by_role("main")).to_contain_text("We run a language café.")
    assert_accessible(coordinator_page)
    coordinator_page.get_by_label("Message (optional)").fill("Welcome to the network!")
    coordinator_page.get_by_role("button", name="Approve").click()
    expect(coordinator_page.locator(".messages")).to_contain_text("is now a member")
    assert network.memberships.get(organisation=alpha).status == Status.ACTIVE
    assert any(
        "Welcome to the network!" in m.body and m.to == [alpha_owner.email] for m in mail.outbox
    )

    # Alpha appears on the network page, linking to its directory entry.
    page.goto(network_url)
    members = page.get_by_role("region", name="Member organisations (2)")
    expect(members.get_by_role("link", name="Alpha Frauenverein")).to_have_attribute(
        "href", alpha.get_absolute_url().replace("/de/", "/en/")
    )

    # Staff search the directory and invite Beta; Beta's owner accepts.
    staff_page = logged_in(browser, live_server, staff).new_page()
    staff_page.goto(f"{network_url}invite/")
    staff_page.get_by_label("Name of the organisation").fill("Beta")
    staff_page.get_by_role("button", name="Search the directory").click()
    staff_page.get_by_role("link", name="Invite Beta Jugendinitiative …").click()
    staff_page.get_by_label("Message (optional)").fill("Your youth work would help us.")
    staff_page.get_by_role("button", name="Send invitation").click()
    expect(staff_page.locator(".messages")).to_contain_text("has been invited")
    assert network.memberships.get(organisation=beta).status == Status.INVITED

    beta_page = logged_in(browser, live_server, beta_owner).new_page()
    beta_page.goto(f"{live_server.url}/en/networks/mine/")
    assert_accessible(beta_page)
    beta_page.get_by_role("button", name="Accept invitation").click()
    expect(beta_page.locator(".messages")).to_contain_text("is now a member")
    assert network.memberships.get(organisation=beta).status == Status.ACTIVE

    # Staff remove Alpha with a reason.
    staff_page.goto(f"{network_url}members/")
    assert_accessible(staff_page)
    staff_page.get_by_role("link", name="Remove Alpha Frauenverein …").click()
    staff_page.get_by_label("Reason").fill("The association has been dissolved.")
    staff_page.get_by_role("button", name="Remove").click()
    expect(staff_page.locator(".messages")).to_contain_text("has been removed")
    assert network.memberships.get(organisation=alpha).status == Status.REMOVED

    # The history shows all of it, newest first.
    staff_page.goto(f"{network_url}history/")
    rows = staff_page.locator("table.history tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.nth(0)).to_contain_text("Removed from the network")
    expect(rows.nth(0)).to_contain_text("The association has been dissolved.")
    expect(rows.nth(1)).to_contain_text("Accepted the invitation")
    expect(rows.nth(2)).to_contain_text("Was invited")
    expect(rows.nth(3)).to_contain_text("Request approved")
    expect(rows.nth(4)).to_contain_text("Asked to join")
    assert MembershipChange.objects.filter(membership__network=network).count() == 5

    page.goto(network_url)
    expect(page.get_by_role("region", name="Member organisations (2)")).not_to_contain_text(
        "Alpha Frauenverein"
    )
