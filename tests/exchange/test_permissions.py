"""Who may open which exchange page: anonymous people are sent to log in, outsiders get 404 for
posts they may not see, people without the needed role 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from exchange import services
from exchange.models import Post
from tests.exchange.conftest import World

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "author",
    "editor",
    "other_member",
    "unpublished_member",
    "network_member",
    "staff",
    "other_staff",
    "admin",
]


def expect(*codes: int) -> dict[str, int]:
    assert len(codes) == len(ROLES)
    return dict(zip(ROLES, codes, strict=True))


#                anon author editor other unpub netw staff ostaff admin
PUBLIC = expect(200, 200, 200, 200, 200, 200, 200, 200, 200)
LOGGED_IN = expect(302, 200, 200, 200, 200, 200, 200, 200, 200)
POSTERS = expect(302, 200, 200, 200, 403, 200, 403, 403, 403)
NETWORK_POST = expect(404, 200, 200, 404, 404, 200, 200, 404, 200)
HIDDEN_POST = expect(404, 200, 200, 404, 404, 404, 200, 404, 200)
ANSWER_PUBLIC = expect(302, 403, 403, 200, 403, 200, 403, 403, 403)
ANSWER_NETWORK = expect(302, 403, 403, 404, 404, 200, 403, 404, 403)
FINISH_PUBLIC = expect(302, 200, 200, 403, 403, 403, 403, 403, 403)
FINISH_NETWORK = expect(302, 200, 200, 404, 404, 403, 403, 404, 403)
HIDE_PUBLIC = expect(302, 403, 403, 403, 403, 403, 200, 403, 200)
HIDE_NETWORK = expect(302, 403, 403, 404, 404, 403, 200, 404, 200)


def hidden_post(world: World) -> Post:
    post = services.post_create(
        organisation=world.cast.organisation,
        user=world.cast.owner,
        data=services.PostData(
            kind=Post.Kind.OFFER,
            category=Post.Category.OTHER,
            title="Versteckt",
            text="x",
            districts=(world.cast.district,),
            audience=Post.Audience.PUBLIC,
            networks=(),
            ends_on=world.public_post.ends_on,
        ),
    )
    return services.post_hide(post=post, user=world.cast.staff, reason="Werbung")


def urls(world: World) -> dict[str, tuple[str, dict[str, int]]]:
    public, shared = world.public_post.pk, world.network_post.pk

    def u(name: str, pk: int) -> str:
        return reverse(f"exchange:{name}", kwargs={"pk": pk})

    return {
        "list": (reverse("exchange:index"), PUBLIC),
        "list filtered": (
            reverse("exchange:index") + f"?kind=need&network={world.network.pk}",
            PUBLIC,
        ),
        "mine": (reverse("exchange:mine"), LOGGED_IN),
        "create": (reverse("exchange:create"), POSTERS),
        "detail public": (u("detail", public), PUBLIC),
        "detail network": (u("detail", shared), NETWORK_POST),
        "detail hidden": (u("detail", hidden_post(world).pk), HIDDEN_POST),
        "answer public": (u("answer", public), ANSWER_PUBLIC),
        "answer network": (u("answer", shared), ANSWER_NETWORK),
        "finish public": (u("finish", public), FINISH_PUBLIC),
        "finish network": (u("finish", shared), FINISH_NETWORK),
        "hide public": (u("hide", public), HIDE_PUBLIC),
        "hide network": (u("hide", shared), HIDE_NETWORK),
    }


PAGES = [
    "list",
    "list filtered",
    "mine",
    "create",
    "detail public",
    "detail network",
    "detail hidden",
    "answer public",
    "answer network",
    "finish public",
    "finish network",
    "hide public",
    "hide network",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(world: World, client_for, page: str, role: str) -> None:
    url, expected = urls(world)[page]
    response = client_for(world.user(role)).get(url)
    assert response.status_code == expected[role], f"{page} as {role}: {url}"
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


ANSWER = {"message": "Wir nehmen den Raum gern.", "contact": "030 123456"}


@pytest.mark.parametrize("role", ROLES)
def test_only_members_of_other_published_organisations_answer(
    world: World, client_for, role: str
) -> None:
    user = world.user(role)
    data = dict(ANSWER)
    if user is not None and user.organisation_memberships.exists():
        data["organisation"] = str(user.organisation_memberships.get().organisation_id)
    url = reverse("exchange:answer", kwargs={"pk": world.network_post.pk})
    response = client_for(user).post(url, data)
    allowed = ANSWER_NETWORK[role] == 200
    assert response.status_code == (302 if allowed else ANSWER_NETWORK[role])
    assert world.network_post.answers.count() == (1 if allowed else 0)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_posting_organisation_finishes_its_post(
    world: World, client_for, role: str
) -> None:
    url = reverse("exchange:finish", kwargs={"pk": world.public_post.pk})
    response = client_for(world.user(role)).post(url, {"status": "matched"})
    allowed = FINISH_PUBLIC[role] == 200
    assert response.status_code == (302 if allowed else FINISH_PUBLIC[role])
    world.public_post.refresh_from_db()
    assert world.public_post.status == (Post.Status.MATCHED if allowed else Post.Status.OPEN)


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_of_the_district_hide_a_post(world: World, client_for, role: str) -> None:
    url = reverse("exchange:hide", kwargs={"pk": world.network_post.pk})
    response = client_for(world.user(role)).post(url, {"reason": "Beleidigend"})
    allowed = HIDE_NETWORK[role] == 200
    assert response.status_code == (302 if allowed else HIDE_NETWORK[role])
    world.network_post.refresh_from_db()
    assert world.network_post.is_hidden == allowed


@pytest.mark.parametrize("role", ROLES)
def test_only_members_of_published_organisations_post(world: World, client_for, role: str) -> None:
    user = world.user(role)
    data = {
        "kind": "offer",
        "category": "equipment",
        "title": "Beamer zu verleihen",
        "text": "Ein Beamer, abzuholen in Pankow.",
        "districts": [str(world.cast.district.pk)],
        "audience": "public",
        "ends_on": world.public_post.ends_on.isoformat(),
    }
    if user is not None and user.organisation_memberships.exists():
        data["organisation"] = str(user.organisation_memberships.get().organisation_id)
    response = client_for(user).post(reverse("exchange:create"), data)
    allowed = POSTERS[role] == 200
    assert response.status_code == (302 if allowed else POSTERS[role])
    assert Post.objects.filter(title="Beamer zu verleihen").count() == (1 if allowed else 0)
