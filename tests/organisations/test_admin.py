"""The Django admin lists and searches organisations and offers and edits the vocabularies."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from organisations.facets import Facet
from organisations.models import District, Offer, Organisation, Topic
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
        ("/de/admin/organisations/language/?q=فارسی", "Persisch", "Arabisch"),
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
    # The admin edits one language at a time (a tab per language); here Ukrainian.
    response = admin_client.post(
        f"/de/admin/organisations/topic/{topic.pk}/change/?language=uk",
        {"slug": "women", "name": "Права жінок", "position": 0},
    )
    assert response.status_code == 302
    found = admin_client.get("/de/organisations/", {"q": "Права жінок"}).context["page"]
    assert [organisation.name for organisation in found.object_list] == ["Frauenforum Nord"]
    topic = Topic.objects.get(pk=topic.pk)
    assert topic.names == {"de": "Frauen", "en": "Women", "uk": "Права жінок"}
    with translation.override("uk"):
        assert topic.name == "Права жінок"
    with translation.override("ar"):
        assert topic.name == "Frauen"  # German is the fallback


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


def filter_labels(client: Client, name: str) -> list[str]:
    form = client.get("/de/organisations/").context["filterset"].form
    return [str(label) for _, label in form.fields[name].choices]


def test_a_topic_added_in_the_admin_is_a_filter_value_at_once(
    admin_client: Client, directory: Directory
) -> None:
    assert not any("Sport" in label for label in filter_labels(admin_client, "topic"))
    response = admin_client.post(
        "/de/admin/organisations/topic/add/?language=de",
        {"slug": "sport", "name": "Sport", "position": 5},
    )
    assert response.status_code == 302
    assert "Sport (0)" in filter_labels(admin_client, "topic")


def test_renaming_a_district_in_the_admin_updates_filters_and_search(
    admin_client: Client, directory: Directory
) -> None:
    assert "Pankow (1)" in filter_labels(admin_client, "district")
    response = admin_client.post(
        f"/de/admin/organisations/district/{directory.pankow.pk}/change/",
        {"city": directory.pankow.city_id, "name": "Prenzlauer Berg", "slug": "pankow"},
    )
    assert response.status_code == 302
    assert "Prenzlauer Berg (1)" in filter_labels(admin_client, "district")
    found = admin_client.get("/de/organisations/", {"q": "Prenzlauer"}).context["page"]
    assert [organisation.name for organisation in found.object_list] == [directory.match.name]
    assert District.objects.get(pk=directory.pankow.pk).name == "Prenzlauer Berg"


def test_deleting_a_topic_in_the_admin_removes_it_from_filters_and_search(
    admin_client: Client, directory: Directory
) -> None:
    topic = Topic.objects.get(slug="women")
    key = Facet.TOPIC.key(topic.pk)
    assert key in Organisation.objects.get(pk=directory.match.pk).facet_keys
    response = admin_client.post(
        f"/de/admin/organisations/topic/{topic.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert key not in Organisation.objects.get(pk=directory.match.pk).facet_keys
    assert not any("Frauen" in label for label in filter_labels(admin_client, "topic"))
    assert not Topic.objects.filter(pk=topic.pk).exists()
