"""Following from the pages of what one follows, the page "What I follow" and unsubscribing."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from following import services
from following.models import DigestSetting, Follow
from following.tokens import unsubscribe_token
from tests.factories import DistrictFactory, NetworkFactory, OrganisationFactory
from tests.following.conftest import World

pytestmark = pytest.mark.django_db


def test_a_person_follows_a_network_from_its_page(world: World, client_for) -> None:
    client = client_for(world.follower)
    page = client.get(world.network.get_absolute_url()).content.decode()
    assert reverse("following:follow", args=["network"]) in page

    response = client.post(
        reverse("following:follow", args=["network"]),
        {"key": world.network.slug, "next": world.network.get_absolute_url()},
    )

    assert response.status_code == 302
    assert response["Location"] == world.network.get_absolute_url()
    assert Follow.objects.filter(user=world.follower, network=world.network).count() == 1
    page = client.get(world.network.get_absolute_url()).content.decode()
    assert reverse("following:unfollow", args=["network"]) in page
    assert 'aria-pressed="true"' in page


def test_following_twice_keeps_one_follow(world: World, client_for) -> None:
    client = client_for(world.follower)
    for _click in range(2):
        client.post(reverse("following:follow", args=["network"]), {"key": world.network.slug})
    assert Follow.objects.filter(user=world.follower).count() == 1


def test_a_person_follows_an_organisation_and_stops(world: World, client_for) -> None:
    client = client_for(world.follower)
    organisation = world.cast.organisation
    assert "following:follow" not in client.get(organisation.get_absolute_url()).content.decode()
    client.post(reverse("following:follow", args=["organisation"]), {"key": organisation.slug})
    assert Follow.objects.filter(user=world.follower, organisation=organisation).exists()

    client.post(reverse("following:unfollow", args=["organisation"]), {"key": organisation.slug})

    assert not Follow.objects.filter(user=world.follower).exists()


def test_anonymous_visitors_are_offered_to_log_in_to_follow(world: World, client_for) -> None:
    page = client_for(None).get(world.network.get_absolute_url()).content.decode()
    assert "Log in to follow" in page
    assert reverse("following:follow", args=["network"]) not in page


def test_unfollow_works_for_what_is_no_longer_public(world: World, client_for) -> None:
    services.follow_add(user=world.follower, target=world.cast.organisation)
    world.cast.organisation.status = "draft"
    world.cast.organisation.save(update_fields=["status"])

    client_for(world.follower).post(
        reverse("following:unfollow", args=["organisation"]),
        {"key": world.cast.organisation.slug},
    )

    assert not Follow.objects.filter(user=world.follower).exists()


def test_what_i_follow_lists_follows_and_saves_the_frequency(world: World, client_for) -> None:
    services.follow_add(user=world.follower, target=world.network)
    client = client_for(world.follower)
    page = client.get(reverse("following:mine")).content.decode()
    assert world.network.name in page
    assert 'value="weekly" checked' in page.replace("\n", " ") or "checked" in page

    response = client.post(reverse("following:mine"), {"frequency": "daily"})

    assert response.status_code == 302
    assert DigestSetting.objects.get(user=world.follower).frequency == "daily"


def test_an_invalid_frequency_is_named_next_to_the_field(world: World, client_for) -> None:
    response = client_for(world.follower).post(reverse("following:mine"), {"frequency": "hourly"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not DigestSetting.objects.filter(user=world.follower).exists()


def test_a_person_follows_a_district_from_what_i_follow(world: World, client_for) -> None:
    client = client_for(world.follower)
    client.post(
        reverse("following:follow", args=["district"]), {"key": str(world.cast.district.pk)}
    )
    page = client.get(reverse("following:mine")).content.decode()
    assert Follow.objects.filter(user=world.follower, district=world.cast.district).exists()
    assert world.cast.district.name in page


def test_what_i_follow_costs_the_same_queries_however_much_one_follows(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    client = client_for(world.follower)
    services.follow_add(user=world.follower, target=world.network)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("following:mine"))
    for _each in range(5):
        services.follow_add(user=world.follower, target=NetworkFactory())
        services.follow_add(user=world.follower, target=OrganisationFactory())
        services.follow_add(user=world.follower, target=DistrictFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("following:mine"))
    assert response.status_code == 200


def test_the_follow_button_costs_one_query(world: World, client_for) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.follower)
    client.get(world.network.get_absolute_url())
    with CaptureQueriesContext(connection) as following_nothing:
        client.get(world.network.get_absolute_url())
    services.follow_add(user=world.follower, target=world.network)
    with CaptureQueriesContext(connection) as following:
        client.get(world.network.get_absolute_url())
    assert len(following) == len(following_nothing)


def test_unsubscribing_without_login_asks_first_then_stops_the_digest(world: World) -> None:
    services.follow_add(user=world.follower, target=world.network)
    url = reverse("following:unsubscribe", args=[unsubscribe_token(world.follower)])
    client = Client(enforce_csrf_checks=True)

    page = client.get(url)
    assert page.status_code == 200
    assert DigestSetting.objects.get(user=world.follower).frequency == "weekly"

    response = client.post(url)

    assert response.status_code == 200
    assert DigestSetting.objects.get(user=world.follower).frequency == "never"


def test_a_tampered_unsubscribe_token_changes_nothing(world: World) -> None:
    services.follow_add(user=world.follower, target=world.network)
    token = unsubscribe_token(world.follower)
    # The follower's signature on somebody else's number.
    other_payload = signing.b64_encode(str(world.cast.owner.pk).encode()).decode()
    other_pk = other_payload + token[token.index(":") :]

    for bad in (token[:-3] + "abc", other_pk, "garbage"):
        response = Client().post(reverse("following:unsubscribe", args=[bad]))
        assert response.status_code == 404
    assert DigestSetting.objects.get(user=world.follower).frequency == "weekly"


def test_following_is_rate_limited(world: World, client_for, settings) -> None:
    from following import views

    client = client_for(world.follower)
    url = reverse("following:follow", args=["network"])
    for _click in range(views.CHANGES_PER_HOUR):
        client.post(url, {"key": world.network.slug})
    Follow.objects.all().delete()

    client.post(url, {"key": world.network.slug})

    assert not Follow.objects.exists()
