"""The demo data fills a directory that looks sensible, and seeding twice changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from migra_hub.demo import DemoLogins
from organisations import demo
from organisations.models import Offer, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db: None) -> None:
    demo.seed(DemoLogins())


def test_seeding_twice_changes_nothing(seeded: None) -> None:
    before = (
        Organisation.objects.count(),
        Offer.objects.count(),
        list(Organisation.objects.values_list("facet_keys", "search_vector").order_by("pk")),
    )
    demo.seed(DemoLogins())
    after = (
        Organisation.objects.count(),
        Offer.objects.count(),
        list(Organisation.objects.values_list("facet_keys", "search_vector").order_by("pk")),
    )
    assert after == before
    assert before[0] >= 60


def test_demo_directory_has_ended_offers_and_entries_without_public_address(seeded: None) -> None:
    assert Offer.objects.ended().exists()
    assert Organisation.objects.published().filter(no_public_address=True).exists()
    assert Organisation.objects.published().with_public_location().count() >= 50


def test_demo_search_puts_name_matches_first(client: Client, seeded: None) -> None:
    for q, expected in [
        ("Frauen", "Frauen im Aufbruch"),
        ("Ukrainische", "Ukrainische Gemeinschaft"),
        ("Sprachcafé", "Sprachcafé"),
        ("Kurdisch", "Kurdisches Kulturzentrum"),
    ]:
        response = client.get("/de/organisations/", {"q": q})
        names = [o.name for o in response.context["page"].object_list]
        assert any(name.startswith(expected) for name in names[:4]), (q, names)
        assert Organisation.objects.filter(name__startswith=expected).exists()


def test_demo_filters_give_results(client: Client, seeded: None) -> None:
    response = client.get("/de/organisations/", {"language": "ar", "migrant_led": "on"})
    assert 0 < response.context["page"].paginator.count < Organisation.objects.count()
