"""The staff home: what waits for a reviewer, with counts and ages, only from their districts;
the navigation's count; where staff land after logging in."""

from __future__ import annotations

import datetime

import pytest
from allauth.account.utils import get_login_redirect_url
from allauth.core import context
from django.test import RequestFactory
from django.utils import timezone

from events.models import Registration
from networks.models import NetworkMembership
from organisations.models import Organisation
from tests.conftest import Cast
from tests.factories import (
    CityStaffFactory,
    DistrictFactory,
    EventFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    RegistrationFactory,
    UserFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

URL = "/en/staff/"


def pending(district, name: str = "Neuer Verein", days_ago: int = 3) -> Organisation:
    entry = draft_organisation(
        name=name,
        status=Organisation.Status.PENDING,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
        districts=[district],
    )
    MembershipFactory(organisation=entry)
    return entry


def waiting(response) -> dict[str, tuple[int, int | None]]:
    return {item.key: (item.count, item.age_days) for item in response.context["home"].waiting}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("owner", 404),
        ("editor", 404),
        ("other_member", 404),
        ("staff", 200),
        ("other_staff", 200),
    ],
)
def test_only_reviewers_open_the_staff_home(cast: Cast, client_for, role: str, status: int) -> None:
    user = None if role == "anonymous" else getattr(cast, role)
    response = client_for(user).get(URL)
    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/")


def test_city_wide_staff_open_the_staff_home(client_for) -> None:
    assert client_for(CityStaffFactory().user).get(URL).status_code == 200


def test_the_home_counts_what_waits_in_the_staffs_district_with_the_oldest_age(
    cast: Cast, client_for
) -> None:
    pending(cast.district, "Älterer Verein", days_ago=5)
    pending(cast.district, "Jüngerer Verein", days_ago=1)
    pending(cast.other_district, "Spandauer Verein", days_ago=9)
    OwnershipClaimFactory(organisation=cast.organisation)
    ProblemReportFactory(organisation=cast.other_organisation)
    Organisation.objects.filter(pk=cast.organisation.pk).update(
        last_confirmed_at=timezone.now() - datetime.timedelta(days=400)
    )
    response = client_for(cast.staff).get(URL)
    counts = waiting(response)
    assert counts["review"] == (2, 5)
    assert counts["claims"] == (1, 0)
    assert counts["reports"] == (0, None)
    assert counts["unconfirmed"] == (1, 400)
    page = response.content.decode()
    assert "The oldest is 5 days old." in page
    assert 'href="/en/review/"' in page


def test_other_districts_staff_do_not_see_this_districts_items(cast: Cast, client_for) -> None:
    pending(cast.district)
    OwnershipClaimFactory(organisation=cast.organisation)
    counts = waiting(client_for(cast.other_staff).get(URL))
    assert counts["review"] == (0, None)
    assert counts["claims"] == (0, None)


def test_network_requests_and_invitations_of_the_staffs_networks_wait_on_the_home(
    cast: Cast, client_for
) -> None:
    network = NetworkFactory(district=cast.district)
    NetworkMembershipFactory(network=network, status=NetworkMembership.Status.REQUESTED)
    NetworkMembershipFactory(network=network, status=NetworkMembership.Status.INVITED)
    NetworkMembershipFactory(
        network=NetworkFactory(district=cast.other_district),
        status=NetworkMembership.Status.REQUESTED,
    )
    counts = waiting(client_for(cast.staff).get(URL))
    assert counts["network_requests"][0] == 1
    assert counts["network_invitations"][0] == 1


def test_the_navigation_count_includes_network_requests(cast: Cast, client_for) -> None:
    pending(cast.district)
    NetworkMembershipFactory(
        network=NetworkFactory(district=cast.district), status=NetworkMembership.Status.REQUESTED
    )
    page = client_for(cast.staff).get("/en/").content.decode()
    assert 'Staff home <span class="nav-count">2<' in page
    assert page.index("Staff home") < page.index("Organisations")


def test_the_home_lists_this_weeks_events_of_the_district_with_sign_ups(
    cast: Cast, client_for
) -> None:
    soon = timezone.now() + datetime.timedelta(days=2)
    event = EventFactory(
        title="Runder Tisch Pankow", organiser_district=cast.district, starts_at=soon
    )
    RegistrationFactory(event=event, seats=3)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    EventFactory(
        title="Runder Tisch Spandau", organiser_district=cast.other_district, starts_at=soon
    )
    EventFactory(
        title="Später",
        organiser_district=cast.district,
        starts_at=timezone.now() + datetime.timedelta(days=8),
    )
    response = client_for(cast.staff).get(URL)
    events = response.context["home"].events
    assert [e.title for e in events] == ["Runder Tisch Pankow"]
    assert (events[0].seats_taken, events[0].waiting_count) == (3, 1)
    assert "3 of 50" in response.content.decode()


def test_city_wide_staff_see_the_districts_without_staff_and_their_submissions(
    cast: Cast, client_for
) -> None:
    marzahn = DistrictFactory(name="Marzahn")
    pending(marzahn)
    pending(cast.district, "Pankower Verein")
    response = client_for(CityStaffFactory().user).get(URL)
    assert [d.name for d in response.context["home"].unstaffed_districts] == ["Marzahn"]
    assert waiting(response)["review"][0] == 1
    assert "1 entry to review" in response.content.decode()


@pytest.mark.parametrize("size", [1, 6])
def test_the_home_costs_the_same_with_more_data(
    cast: Cast, client_for, django_assert_max_num_queries, size: int
) -> None:
    network = NetworkFactory(district=cast.district)
    for number in range(size):
        pending(cast.district, f"Verein {number}")
        OwnershipClaimFactory(organisation=cast.organisation)
        ProblemReportFactory(organisation=cast.organisation)
        NetworkMembershipFactory(network=network, status=NetworkMembership.Status.REQUESTED)
        event = EventFactory(
            organiser_district=cast.district, starts_at=timezone.now() + datetime.timedelta(days=1)
        )
        RegistrationFactory(event=event)
    client = client_for(cast.staff)
    # One query per kind of waiting work (proposed networks included), whatever the amount.
    with django_assert_max_num_queries(21):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["home"].events) == size


def _landing(user, **query: str) -> str:
    request = RequestFactory().get("/en/accounts/login/", query)
    request.user = user
    with context.request_context(request):
        return get_login_redirect_url(request)


def test_staff_land_on_their_home_after_logging_in_unless_a_page_asked(cast: Cast) -> None:
    assert _landing(cast.staff) == "/de/staff/"
    assert _landing(CityStaffFactory().user) == "/de/staff/"
    assert _landing(cast.staff, next="/en/events/") == "/en/events/"
    assert _landing(cast.owner) == "/de/"


def test_my_networks_shows_staff_the_networks_they_curate(cast: Cast, client_for) -> None:
    NetworkFactory(name="Netzwerk Pankow", district=cast.district)
    page = client_for(cast.staff).get("/en/networks/mine/").content.decode()
    assert "Netzwerk Pankow" in page
    assert "You do not act for an organisation yet" not in page
    assert "You do not act for an organisation yet" in (
        client_for(UserFactory()).get("/en/networks/mine/").content.decode()
    )


def test_an_item_without_a_date_is_counted_without_an_age(cast: Cast, client_for) -> None:
    entry = pending(cast.district)
    Organisation.objects.filter(pk=entry.pk).update(submitted_at=None)
    response = client_for(cast.staff).get(URL)
    assert response.status_code == 200
    assert waiting(response)["review"] == (1, None)
