"""The exchange in the Django admin: every page opens, posts and answers are records, and a
post is hidden only through the action, which calls the service and records the reason."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db.models import Model
from django.test import Client

from exchange import services
from exchange.models import Answer, Post
from tests.admin_pages import admin_url, assert_admin_pages_open, registered_models
from tests.exchange.conftest import World, post_data
from tests.factories import DistrictFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _post() -> Post:
    district = DistrictFactory()
    organisation = OrganisationFactory(districts=[district])
    owner = MembershipFactory(organisation=organisation).user
    return services.post_create(
        organisation=organisation, user=owner, data=post_data(districts=(district,))
    )


def _answer() -> Answer:
    post = _post()
    other = OrganisationFactory()
    return services.answer_create(
        post=post,
        organisation=other,
        user=MembershipFactory(organisation=other).user,
        message="Gern",
        contact="030 1",
    )


MAKERS: dict[type[Model], Callable[[], Model]] = {Post: _post, Answer: _answer}


@pytest.fixture
def admin_client(world: World) -> Client:
    client = Client()
    client.force_login(world.admin)
    return client


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("exchange") == set(MAKERS)


@pytest.mark.parametrize("model", MAKERS, ids=lambda model: model._meta.label)
def test_the_admin_pages_open_for_a_superuser(
    world: World, admin_client: Client, model: type[Model]
) -> None:
    assert_admin_pages_open(admin_client, world.admin, MAKERS[model])


def test_hiding_in_the_admin_asks_for_a_reason_and_records_it(
    world: World, admin_client: Client
) -> None:
    url = admin_url(Post, "changelist")
    selected = {"action": "hide_posts", "_selected_action": [world.public_post.pk]}
    response = admin_client.post(url, selected)
    assert response.templates[0].name == "admin/action_with_reason.html"
    assert not Post.objects.get(pk=world.public_post.pk).is_hidden

    admin_client.post(url, {**selected, "apply": "1", "reason": "Werbung für ein Geschäft"})
    post = Post.objects.get(pk=world.public_post.pk)
    assert (post.hidden_by, post.hidden_reason) == (world.admin, "Werbung für ein Geschäft")


def test_posts_are_neither_changed_nor_deleted_in_the_admin(
    world: World, admin_client: Client
) -> None:
    change = admin_url(Post, "change", world.public_post.pk)
    assert admin_client.post(change, {"title": "Anders"}).status_code == 403
    delete = admin_url(Post, "delete", world.public_post.pk)
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Post.objects.get(pk=world.public_post.pk).title == world.public_post.title
