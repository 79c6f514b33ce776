"""A network grows in a real Chromium: its coordinator moves it from preparation to founding
and formalisation with dated notes, agrees a task with a member organisation, and the network
page shows the timeline with both phases and the task to members."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from networks.models import Network, NetworkMembership
from organisations.models import OrganisationMembership
from tests.browser.test_networks import assert_accessible, logged_in
from tests.factories import (
    DistrictFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_moves_the_network_through_phases_and_agrees_a_task(
    live_server, browser: Browser, page: Page
) -> None:
    district = DistrictFactory(name="Pankow")
    network = NetworkFactory(
        name="Netzwerk Mehrsprachigkeit", district=district, phase=Network.Phase.PREPARATION
    )
    coordinating = OrganisationFactory(name="Sprachcafé Pankow", districts=[district])
    coordinator = MembershipFactory(
        organisation=coordinating, role=OrganisationMembership.Role.OWNER
    ).user
    NetworkMembershipFactory(
        network=network, organisation=coordinating, role=NetworkMembership.Role.COORDINATOR
    )
    member = OrganisationFactory(name="Alpha Frauenverein", districts=[district])
    NetworkMembershipFactory(network=network, organisation=member)
    network_url = f"{live_server.url}/en/networks/{network.slug}/"
    today = timezone.localdate().isoformat()

    coordinator_page = logged_in(browser, live_server, coordinator).new_page()
    # The machines that run this are shared: give a slow first page time.
    coordinator_page.set_default_timeout(30_000)
    coordinator_page.goto(network_url)
    expect(coordinator_page.locator(".tag-list")).to_contain_text("Phase: preparation")
    for phase, note in (
        ("founding", "Founding meeting with six organisations."),
        ("formalisation", "We agree who does what, and our rules."),
    ):
        coordinator_page.get_by_role("link", name="Change the phase").click()
        coordinator_page.get_by_label(phase, exact=True).check()
        coordinator_page.get_by_label("Since").fill(today)
        coordinator_page.get_by_label("Note").fill(note)
        coordinator_page.get_by_role("button", name="Change the phase").click()
        expect(coordinator_page.locator(".messages")).to_contain_text(
            f"The network is now in the phase “{phase}”"
        )
    assert Network.objects.get(pk=network.pk).phase == Network.Phase.FORMALISATION

    # A task for a member organisation.
    coordinator_page.get_by_role("link", name="All tasks of the network").click()
    coordinator_page.get_by_label("What").fill("Draft the rules of procedure")
    coordinator_page.get_by_label("Who (member organisation)").select_option(label=member.name)
    coordinator_page.get_by_label("By when").fill("2030-03-31")
    coordinator_page.get_by_role("button", name="Add task").click()
    expect(coordinator_page.locator(".messages")).to_contain_text("The task has been added")
    expect(coordinator_page.locator("table")).to_contain_text("Alpha Frauenverein")
    assert_accessible(coordinator_page)

    # The network page: the timeline shows both phases, the task is listed for members.
    coordinator_page.goto(network_url)
    timeline = coordinator_page.locator(".timeline")
    expect(timeline).to_contain_text("Founding")
    expect(timeline).to_contain_text("Founding meeting with six organisations.")
    expect(timeline).to_contain_text("Formalisation")
    expect(timeline).to_contain_text("We agree who does what, and our rules.")
    expect(coordinator_page.get_by_text("Draft the rules of procedure")).to_be_visible()
    assert_accessible(coordinator_page)

    # Visitors see the timeline, not the tasks.
    page.goto(network_url)
    expect(page.locator(".timeline")).to_contain_text("Formalisation")
    expect(page.get_by_text("Draft the rules of procedure")).to_have_count(0)
