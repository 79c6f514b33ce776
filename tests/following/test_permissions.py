"""Who may follow what: anonymous people are sent to log in, and what only its members may see
(a draft entry, a network being set up) cannot be followed: 404, as on its own page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from following.models import Follow
from following.tokens import unsubscribe_token
from networks.models import Network
from organisations.models import Organisation
from tests.factories import NetworkFactory, draft_organisation
from tests.following.conftest import World

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "owner", "staff"]


def expect(*codes: int) -> dict[str, int]:
    return dict(zip(ROLES, codes, strict=True))


LOGGED_IN = expect(302, 200, 200, 200)
DONE = expect(302, 302, 302, 302)  # anonymous: to log in; the others: back to the page
HIDDEN = expect(302, 404, 404, 404)
ANYONE = expect(200, 200, 200, 200)
NOBODY = expect(404, 404, 404, 404)


def _rows(world: World) -> list[tuple[str, str, str, dict[str, str], dict[str, int]]]:
    draft = draft_organisation(name="Entwurf e.V.", districts=[world.cast.district])
    draft.memberships.create(user=world.cast.owner, role="owner")
    setting_up = NetworkFactory(
        name="Im Aufbau", district=world.cast.district, phase=Network.Phase.PREPARATION
    )
    follow = reverse("following:follow", args=["organisation"])
    token = unsubscribe_token(world.cast.owner)
    return [
        ("what I follow", "get", reverse("following:mine"), {}, LOGGED_IN),
        ("follow an organisation", "post", follow, {"key": world.cast.organisation.slug}, DONE),
        ("follow a draft", "post", follow, {"key": draft.slug}, HIDDEN),
        (
            "follow a network",
            "post",
            reverse("following:follow", args=["network"]),
            {"key": world.network.slug},
            DONE,
        ),
        (
            "follow a network being set up",
            "post",
            reverse("following:follow", args=["network"]),
            {"key": setting_up.slug},
            HIDDEN,
        ),
        (
            "follow a district",
            "post",
            reverse("following:follow", args=["district"]),
            {"key": str(world.cast.district.pk)},
            DONE,
        ),
        ("follow the exchange", "post", reverse("following:follow", args=["exchange"]), {}, DONE),
        (
            "follow something unknown",
            "post",
            reverse("following:follow", args=["person"]),
            {"key": "x"},
            HIDDEN,
        ),
        (
            "unfollow",
            "post",
            reverse("following:unfollow", args=["network"]),
            {"key": world.network.slug},
            DONE,
        ),
        ("unsubscribe page", "get", reverse("following:unsubscribe", args=[token]), {}, ANYONE),
        (
            "unsubscribe with a tampered token",
            "get",
            reverse("following:unsubscribe", args=[token[:-2] + "xx"]),
            {},
            NOBODY,
        ),
    ]


PAGES = [
    "what I follow",
    "follow an organisation",
    "follow a draft",
    "follow a network",
    "follow a network being set up",
    "follow a district",
    "follow the exchange",
    "follow something unknown",
    "unfollow",
    "unsubscribe page",
    "unsubscribe with a tampered token",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(world: World, client_for, page: str, role: str) -> None:
    [(name, method, url, data, expected)] = [row for row in _rows(world) if row[0] == page]
    user = {
        "anonymous": None,
        "outsider": world.cast.outsider,
        "owner": world.cast.owner,
        "staff": world.cast.staff,
    }[role]
    response = getattr(client_for(user), method)(url, data)
    assert response.status_code == expected[role], f"{name} as {role}: {url}"
    if role == "anonymous" and response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_follow_changes_nothing(world: World, client_for) -> None:
    response = client_for(None).post(
        reverse("following:follow", args=["network"]), {"key": world.network.slug}
    )
    assert response.status_code == 302
    assert Follow.objects.count() == 0


def test_members_of_a_draft_cannot_follow_it_either(world: World, client_for) -> None:
    draft = draft_organisation(name="Entwurf e.V.")
    draft.memberships.create(user=world.cast.owner, role="owner")
    response = client_for(world.cast.owner).post(
        reverse("following:follow", args=["organisation"]), {"key": draft.slug}
    )
    assert response.status_code == 404
    assert not Follow.objects.filter(organisation=draft).exists()
    assert draft.status != Organisation.Status.PUBLISHED


def test_following_pages_answer_only_post(world: World, client_for) -> None:
    response = client_for(world.cast.outsider).get(
        reverse("following:follow", args=["network"]) + f"?key={world.network.slug}"
    )
    assert response.status_code == 405
    assert Follow.objects.count() == 0
