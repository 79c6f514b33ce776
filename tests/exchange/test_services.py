"""The exchange's rules, through its services and querysets."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from exchange import services
from exchange.models import Answer, Post
from organisations.models import OrganisationMembership
from tests.exchange.conftest import World, post_data
from tests.factories import MembershipFactory, NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def answer(world: World, post: Post | None = None) -> Answer:
    return services.answer_create(
        post=post or world.public_post,
        organisation=world.cast.other_organisation,
        user=world.cast.other_member,
        message="Wir nehmen den Raum gern für unser Elterncafé.",
        contact="Fatma, 030 123456",
    )


def test_an_answer_is_mailed_to_each_owner_in_their_language_without_any_address(
    world: World,
) -> None:
    world.cast.owner.language = "en"
    world.cast.owner.save()
    second_owner = MembershipFactory(
        organisation=world.cast.organisation, user=UserFactory(language="de")
    ).user
    mail.outbox.clear()

    stored = answer(world)

    assert stored.author == world.cast.other_member
    by_recipient = {message.to[0]: message for message in mail.outbox}
    # Owners only (not the editor), one mail each: nobody sees another address.
    assert set(by_recipient) == {world.cast.owner.email, second_owner.email}
    english = by_recipient[world.cast.owner.email]
    german = by_recipient[second_owner.email]
    assert "Andere Initiative answers" in english.subject
    assert "Andere Initiative antwortet" in german.subject
    for message in mail.outbox:
        assert message.reply_to == []
        assert "Fatma, 030 123456" in message.body
        assert world.cast.other_member.email not in message.body
        assert f"/exchange/{world.public_post.pk}/" in message.body


def test_nobody_answers_their_own_post_or_a_post_that_is_no_longer_open(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.answer_create(
            post=world.public_post,
            organisation=world.cast.organisation,
            user=world.cast.owner,
            message="x",
            contact="y",
        )
    services.post_finish(post=world.public_post, user=world.cast.owner, status="matched")
    with pytest.raises(services.ExchangeError):
        answer(world)
    assert not Answer.objects.exists()


def test_an_organisation_that_is_not_published_can_neither_post_nor_answer(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.post_create(
            organisation=world.unpublished,
            user=world.unpublished_member,
            data=post_data(districts=(world.cast.district,)),
        )
    with pytest.raises(PermissionDenied):
        services.answer_create(
            post=world.public_post,
            organisation=world.unpublished,
            user=world.unpublished_member,
            message="x",
            contact="y",
        )


def test_a_post_ends_by_itself_at_its_end_date(world: World) -> None:
    Post.objects.filter(pk=world.public_post.pk).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert world.public_post not in Post.objects.current()
    assert world.public_post in Post.objects.finished()
    assert world.network_post in Post.objects.current()


def test_the_end_date_is_at_most_three_months_ahead_and_not_in_the_past(world: World) -> None:
    today = timezone.localdate()
    for ends_on in (today - datetime.timedelta(days=1), today + datetime.timedelta(days=93)):
        with pytest.raises(ValidationError) as error:
            services.post_create(
                organisation=world.cast.organisation,
                user=world.cast.owner,
                data=post_data(districts=(world.cast.district,), ends_on=ends_on),
            )
        assert "ends_on" in error.value.message_dict


def test_a_post_is_shared_only_with_networks_of_its_organisation(world: World) -> None:
    foreign = NetworkFactory(district=world.cast.other_district)
    with pytest.raises(ValidationError) as error:
        services.post_create(
            organisation=world.cast.organisation,
            user=world.cast.owner,
            data=post_data(
                districts=(world.cast.district,),
                audience=Post.Audience.NETWORKS,
                networks=(foreign,),
            ),
        )
    assert "networks" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.post_create(
            organisation=world.cast.organisation,
            user=world.cast.owner,
            data=post_data(districts=(world.cast.district,), audience=Post.Audience.NETWORKS),
        )


def test_matching_leaves_the_open_list_and_cannot_be_repeated(world: World) -> None:
    post = services.post_finish(post=world.public_post, user=world.cast.editor, status="matched")
    assert post.status == Post.Status.MATCHED and post.finished_at is not None
    assert post not in Post.objects.current()
    with pytest.raises(services.ExchangeError):
        services.post_finish(post=post, user=world.cast.owner, status="closed")
    with pytest.raises(PermissionDenied):
        services.post_finish(post=world.network_post, user=world.cast.other_member, status="closed")


def test_hiding_records_who_when_and_why_and_hides_the_post_from_others(world: World) -> None:
    post = services.post_hide(post=world.public_post, user=world.cast.staff, reason=" Werbung ")
    assert (post.hidden_by, post.hidden_by_name, post.hidden_reason) == (
        world.cast.staff,
        str(world.cast.staff),
        "Werbung",
    )
    assert post.hidden_at is not None
    assert post not in Post.objects.visible_to(AnonymousUser())
    assert post not in Post.objects.visible_to(world.cast.other_member)
    assert post in Post.objects.visible_to(world.cast.owner)
    assert post in Post.objects.visible_to(world.cast.staff)
    with pytest.raises(services.ExchangeError):
        services.post_hide(post=post, user=world.cast.staff, reason="again")


def test_staff_of_another_district_cannot_hide_but_city_wide_staff_can(world: World) -> None:
    from tests.factories import CityStaffFactory

    with pytest.raises(PermissionDenied):
        services.post_hide(post=world.public_post, user=world.cast.other_staff, reason="x")
    city_staff = CityStaffFactory().user
    assert services.post_hide(post=world.public_post, user=city_staff, reason="x").is_hidden


def test_visible_to_shows_network_posts_to_network_members_only(world: World) -> None:
    def visible(user: object) -> set[str]:
        return set(Post.objects.visible_to(user).values_list("title", flat=True))  # type: ignore[arg-type]

    public, shared = world.public_post.title, world.network_post.title
    assert visible(AnonymousUser()) == {public}
    assert visible(world.cast.other_member) == {public}
    assert visible(world.network_member) == {public, shared}
    assert visible(world.cast.owner) == {public, shared}
    assert visible(world.cast.staff) == {public, shared}
    assert visible(world.cast.other_staff) == {public}
    # A member who left the network no longer sees it.
    world.network_organisation.network_memberships.update(status="left")
    assert visible(world.network_member) == {public}


def test_posts_of_an_organisation_that_is_no_longer_published_are_not_shown(
    world: World,
) -> None:
    world.cast.organisation.status = "archived"
    world.cast.organisation.save()
    assert not Post.objects.visible_to(AnonymousUser()).exists()
    assert Post.objects.visible_to(world.cast.owner).count() == 2


def test_new_since_gives_the_posts_of_a_digest(world: World) -> None:
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Post.objects.filter(pk=world.public_post.pk).update(created_at=yesterday)
    since = timezone.now() - datetime.timedelta(hours=1)
    new = Post.objects.visible_to(world.network_member).new_since(since)
    assert list(new) == [world.network_post]


def test_the_editor_acts_for_the_organisation_as_the_owner_does(world: World) -> None:
    assert world.cast.editor.organisation_memberships.get().role == (
        OrganisationMembership.Role.EDITOR
    )
    post = services.post_create(
        organisation=world.cast.organisation,
        user=world.cast.editor,
        data=post_data(districts=(world.cast.district,), title="Pressekontakte teilen"),
    )
    assert post.author == world.cast.editor
