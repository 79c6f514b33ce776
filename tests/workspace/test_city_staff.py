"""City-wide staff: reviewers of what no district's staff look after, allowed to stand in
everywhere."""

from __future__ import annotations

import pytest
from django.core import mail

from organisations import services
from organisations.access import responsible_organisations, reviewable_organisations
from organisations.models import Organisation
from tests.conftest import Cast
from tests.factories import (
    CityStaffFactory,
    DistrictFactory,
    MembershipFactory,
    OrganisationFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unstaffed(cast: Cast) -> Organisation:
    entry = draft_organisation(name="Verein ohne Bezirksamt", districts=[DistrictFactory()])
    MembershipFactory(organisation=entry)
    return entry


def test_a_submission_in_a_district_without_staff_waits_for_city_wide_staff(
    cast: Cast, unstaffed: Organisation, client_for
) -> None:
    city = CityStaffFactory(user__email="stadt@example.org").user
    owner = unstaffed.memberships.get().user
    services.organisation_submit(organisation=unstaffed, user=owner)
    page = client_for(city).get("/en/review/").content.decode()
    assert "Verein ohne Bezirksamt" in page
    assert [m.to for m in mail.outbox] == [["stadt@example.org"]]


def test_a_submission_in_a_staffed_district_goes_to_its_staff_only(cast: Cast, client_for) -> None:
    CityStaffFactory()
    entry = draft_organisation(name="Pankower Verein", districts=[cast.district])
    services.organisation_submit(organisation=entry, user=cast.owner)
    assert [m.to for m in mail.outbox] == [[cast.staff.email]]


def test_city_wide_staff_wait_only_for_entries_nobody_else_reviews_but_may_decide_all(
    cast: Cast, unstaffed: Organisation
) -> None:
    city = CityStaffFactory().user
    citywide_entry = OrganisationFactory(name="Stadtweit", districts=[])
    assert set(responsible_organisations(city)) == {unstaffed, citywide_entry}
    assert set(reviewable_organisations(city)) == set(Organisation.objects.all())
    assert cast.organisation not in responsible_organisations(cast.other_staff)


def test_city_wide_staff_open_an_entry_of_a_staffed_district(cast: Cast, client_for) -> None:
    city = CityStaffFactory().user
    response = client_for(city).get(f"/en/review/{cast.organisation.slug}/")
    assert response.status_code == 200


def test_the_admin_marks_districts_without_staff(cast: Cast, superuser, client_for) -> None:
    DistrictFactory(name="Marzahn")
    client = client_for(superuser)
    page = client.get("/en/admin/organisations/district/").content.decode()
    assert "none: city-wide staff review" in page
    unstaffed_only = client.get("/en/admin/organisations/district/?has_staff=no")
    names = [d.name for d in unstaffed_only.context["cl"].result_list]
    assert names == ["Marzahn"]
