"""The page of searches without result: city-wide staff only."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from organisations.models import UnansweredSearch
from tests.factories import CityStaffFactory, DistrictStaffFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/de/review/searches/"


@pytest.fixture
def searches() -> None:
    today = timezone.localdate()
    UnansweredSearch.objects.create(day=today, query="xylofon", count=2)
    UnansweredSearch.objects.create(
        day=today - datetime.timedelta(days=3), query="xylofon", count=3
    )
    UnansweredSearch.objects.create(day=today, query="tanzschuhe", count=1)
    UnansweredSearch.objects.create(day=today - datetime.timedelta(days=40), query="alt", count=9)


def test_city_staff_see_the_searches_of_the_last_30_days_most_frequent_first(
    client: Client, searches: None
) -> None:
    client.force_login(CityStaffFactory().user)
    response = client.get(URL)
    assert response.status_code == 200
    rows = [(row["query"], row["total"]) for row in response.context["searches"]]
    assert rows == [("xylofon", 5), ("tanzschuhe", 1)]
    assert "Suchen ohne Ergebnis" in response.content.decode()


def test_district_staff_and_other_users_are_refused(client: Client, searches: None) -> None:
    client.force_login(DistrictStaffFactory().user)
    assert client.get(URL).status_code == 403
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302  # to the login
    assert UnansweredSearch.objects.count() == 4
