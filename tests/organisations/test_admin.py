"""The Django admin lists and searches organisations and offers and edits the vocabularies."""

from __future__ import annotations

import pytest
from django.test import Client

from organisations.facets import Facet
from organisations.models import Offer, Organisation, Topic
from tests.factories import UserFactory
from tests.organisations.conftest import Directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db: None) -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    ("url", "expected", "absent"),
    [
        ("/de/admin/organisations/organisation/?q=Frauenforum", "Frauenforum Nord", "Elternverein"),
        ("/de/admin/organisations/offer/?q=Eltern", "Kurs für Eltern", "Beratung für Frauen"),
        ("/de/admin/organisations/topic/", "Gesundheit", None),
        ("/de/admin/organisations/language/?q=فارسی", "Farsi", "Arabisch"),
    ],
)
def test_admin_lists_and_searches(
    admin_client: Client, directory: Directory, url: str, expected: str, absent: str | None
) -> None:
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    if absent:
        assert absent not in html
    assert Organisation.objects.count() == 2


def test_renaming_a_topic_in_the_admin_updates_the_search(
    admin_client: Client, directory: Directory
) -> None:
    topic = Topic.objects.get(slug="women")
    response = admin_client.post(
        f"/de/admin/organisations/topic/{topic.pk}/change/",
        {"slug": "women", "name_de": "Frauenrechte", "name_en": "Women's rights", "position": 0},
    )
    assert response.status_code == 302
    found = admin_client.get("/de/organisations/", {"q": "Frauenrechte"}).context["page"]
    assert [organisation.name for organisation in found.object_list] == ["Frauenforum Nord"]
    assert Topic.objects.get(pk=topic.pk).name_de == "Frauenrechte"


def test_deleting_an_offer_in_the_admin_updates_the_search(
    admin_client: Client, directory: Directory
) -> None:
    offer = Offer.objects.get(title="Kurs für Eltern")
    response = admin_client.post(
        f"/de/admin/organisations/offer/{offer.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert (
        Facet.OFFER_KIND.key(offer.kind_id)
        not in Organisation.objects.get(pk=directory.other.pk).facet_keys
    )
    found = admin_client.get("/de/organisations/", {"q": "Kurs"}).context["page"]
    assert list(found.object_list) == []
    assert not Offer.objects.filter(pk=offer.pk).exists()
