"""The exchange's pages: the list with its filters and counts, a post, answering, matching,
hiding, rate limits, the slots on organisation and network pages, and the queries they cost."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from exchange import services
from exchange.models import Post
from tests.exchange.conftest import World, post_data
from tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db


def more_posts(world: World, count: int) -> None:
    other = DistrictFactory(name="Lichtenberg")
    for number in range(count):
        services.post_create(
            organisation=world.cast.organisation,
            user=world.cast.owner,
            data=post_data(
                districts=(world.cast.district, other),
                title=f"Angebot {number}",
                category=Post.Category.EQUIPMENT,
                audience=Post.Audience.NETWORKS if number % 2 else Post.Audience.PUBLIC,
                networks=(world.network,),
            ),
        )


def test_the_list_shows_open_posts_with_counts_beside_every_filter_value(
    world: World, client_for
) -> None:
    services.post_finish(post=world.public_post, user=world.cast.owner, status="closed")
    more_posts(world, 3)
    response = client_for(world.network_member).get(
        reverse("exchange:index"), {"category": "equipment"}
    )
    html = response.content.decode()
    assert "3 open posts" in html
    assert "Raum für 20 Personen" not in html  # closed
    assert "Angebot 0" in html and "Angebot 1" in html
    # The category's own counts ignore the category chosen; the others count within it.
    assert "Equipment (3)" in html
    assert "Interpretation (1)" in html
    assert "Need (0)" in html and "Offer (3)" in html
    assert f'<option value="{world.network.pk}">Mehrsprachigkeit Pankow (3)</option>' in html


def test_anonymous_visitors_see_only_public_posts_in_the_list(world: World, client_for) -> None:
    html = client_for(None).get(reverse("exchange:index")).content.decode()
    assert "Raum für 20 Personen" in html
    assert "Dolmetscherinnen" not in html
    assert "1 open post" in html


def test_the_list_costs_the_same_queries_with_more_posts(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    more_posts(world, 25)
    client = client_for(world.network_member)
    # 14 for the list, 1 for the follow button (does this person follow the exchange?).
    with django_assert_max_num_queries(15):
        response = client.get(reverse("exchange:index"), {"district": world.cast.district.pk})
    assert response.status_code == 200
    assert "27 open posts" in response.content.decode()


def test_the_detail_page_costs_the_same_queries_with_more_answers(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    for number in range(5):
        services.answer_create(
            post=world.public_post,
            organisation=world.cast.other_organisation,
            user=world.cast.other_member,
            message=f"Antwort {number}",
            contact="030 1",
        )
    author, other = client_for(world.cast.owner), client_for(world.network_member)
    with django_assert_max_num_queries(14):
        response = author.get(world.public_post.get_absolute_url())
    html = response.content.decode()
    assert "Answers (5)" in html and "Antwort 4" in html
    with django_assert_max_num_queries(14):
        response = other.get(world.public_post.get_absolute_url())
    assert "Answer this post" in response.content.decode()


def test_answers_are_seen_by_the_posting_organisation_and_their_writers_only(
    world: World, client_for
) -> None:
    services.answer_create(
        post=world.network_post,
        organisation=world.network_organisation,
        user=world.network_member,
        message="Unsere Kollegin spricht Farsi.",
        contact="sprachcafe@example.org",
    )
    url = world.network_post.get_absolute_url()
    for user, sees in (
        (world.cast.owner, True),
        (world.network_member, True),
        (world.cast.staff, False),
        (world.admin, False),
    ):
        html = client_for(user).get(url).content.decode()
        assert ("Unsere Kollegin spricht Farsi." in html) is sees, user


def test_an_answer_with_errors_keeps_what_was_typed(world: World, client_for) -> None:
    url = reverse("exchange:answer", kwargs={"pk": world.public_post.pk})
    response = client_for(world.cast.other_member).post(url, {"message": "Gern!", "contact": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gern!" in html and "error-summary" in html
    assert not world.public_post.answers.exists()


def test_answers_are_rate_limited(world: World, client_for, settings) -> None:
    settings.EXCHANGE_ANSWERS_PER_HOUR = 2
    client = client_for(world.cast.other_member)
    url = reverse("exchange:answer", kwargs={"pk": world.public_post.pk})
    statuses = [
        client.post(url, {"message": f"Nachricht {n}", "contact": "030 1"}).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 200]
    assert world.public_post.answers.count() == 2
    assert len(mail.outbox) == 2


def test_posts_are_rate_limited(world: World, client_for, settings) -> None:
    settings.EXCHANGE_POSTS_PER_DAY = 1
    client = client_for(world.cast.other_member)
    data = {
        "kind": "need",
        "category": "volunteers",
        "title": "Ehrenamtliche für das Sommerfest",
        "text": "Wir suchen Helferinnen.",
        "districts": [str(world.cast.other_district.pk)],
        "audience": "public",
        "ends_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
    }
    assert client.post(reverse("exchange:create"), data).status_code == 302
    response = client.post(reverse("exchange:create"), data)
    assert response.status_code == 200
    assert "Ehrenamtliche für das Sommerfest" in response.content.decode()
    assert Post.objects.filter(organisation=world.cast.other_organisation).count() == 1


def test_a_network_only_post_without_networks_is_refused_next_to_the_field(
    world: World, client_for
) -> None:
    response = client_for(world.cast.owner).post(
        reverse("exchange:create"),
        {
            "kind": "offer",
            "category": "press",
            "title": "Pressekontakte",
            "text": "Unsere Liste",
            "districts": [str(world.cast.district.pk)],
            "audience": "networks",
            "ends_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Choose the networks to share the post with." in response.content.decode()


def test_the_author_sees_that_and_why_a_post_is_hidden(world: World, client_for) -> None:
    client_for(world.cast.staff).post(
        reverse("exchange:hide", kwargs={"pk": world.public_post.pk}), {"reason": "Werbung"}
    )
    html = client_for(world.cast.owner).get(world.public_post.get_absolute_url()).content.decode()
    assert "hidden by staff" in html and "Werbung" in html
    assert "Raum für 20" not in client_for(None).get(reverse("exchange:index")).content.decode()


def test_matched_posts_stay_in_the_authors_own_list(world: World, client_for) -> None:
    services.post_finish(post=world.public_post, user=world.cast.owner, status="matched")
    html = client_for(world.cast.editor).get(reverse("exchange:mine")).content.decode()
    assert "Raum für 20 Personen" in html and "Matched" in html


def test_the_organisation_page_lists_its_open_posts(world: World, client_for) -> None:
    url = world.cast.organisation.get_absolute_url()
    anonymous = client_for(None).get(url).content.decode()
    assert "Raum für 20 Personen" in anonymous and "Dolmetscherinnen" not in anonymous
    member = client_for(world.network_member).get(url).content.decode()
    assert "Dolmetscherinnen" in member


def test_the_network_page_lists_the_posts_shared_with_it(world: World, client_for) -> None:
    url = world.network.get_absolute_url()
    assert "Dolmetscherinnen" in client_for(world.network_member).get(url).content.decode()
    assert "Dolmetscherinnen" not in client_for(None).get(url).content.decode()
