"""Who may open which page: anonymous people are sent to log in, outsiders get 404 for what
they may not see, people without the needed role 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from networks.models import Network, NetworkMembership
from tests.factories import NetworkFactory
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "owner",
    "editor",
    "other_member",
    "coordinator",
    "other_coordinator",
    "staff",
    "other_staff",
    "admin",
]


def expect(*codes: int) -> dict[str, int]:
    assert len(codes) == len(ROLES)
    return dict(zip(ROLES, codes, strict=True))


PUBLIC = expect(200, 200, 200, 200, 200, 200, 200, 200, 200)
#                     anon owner edit other coord ocoord staff ostaff admin
LOGGED_IN = expect(302, 200, 200, 200, 200, 200, 200, 200, 200)
CURATORS = expect(302, 403, 403, 403, 200, 403, 200, 403, 200)
ANY_CURATOR = expect(302, 403, 403, 403, 200, 200, 200, 200, 200)
STAFF_ONLY = expect(302, 403, 403, 403, 403, 403, 200, 200, 200)
ORGANISATION_PEOPLE = expect(302, 200, 200, 200, 200, 200, 403, 403, 403)
BEING_SET_UP = expect(404, 404, 404, 404, 404, 404, 200, 404, 200)
# the open request of the owner's organisation: only its people and curators see it
OWN_REQUEST = expect(302, 200, 200, 404, 403, 404, 403, 404, 403)
DECIDE_REQUEST = expect(302, 403, 403, 404, 200, 404, 200, 404, 200)
# the coordinator's active membership: everybody sees it on the network page
DECIDE_MEMBER = expect(302, 403, 403, 403, 200, 403, 200, 403, 200)
OWN_MEMBERSHIP = expect(302, 403, 403, 403, 200, 403, 403, 403, 403)


def urls(world: World) -> list[tuple[str, str, dict[str, int]]]:
    slug = world.network.slug
    setting_up = NetworkFactory(
        name="Im Aufbau", district=world.cast.district, phase=Network.Phase.PREPARATION
    )
    request = world.request.pk
    member = world.coordination.pk

    def m(name: str, pk: int) -> str:
        return reverse(f"networks:{name}", kwargs={"slug": slug, "pk": pk})

    return [
        ("list", reverse("networks:index"), PUBLIC),
        ("detail", world.network.get_absolute_url(), PUBLIC),
        ("detail being set up", setting_up.get_absolute_url(), BEING_SET_UP),
        ("my networks", reverse("networks:mine"), LOGGED_IN),
        ("curation", reverse("networks:curation"), ANY_CURATOR),
        ("create", reverse("networks:create"), STAFF_ONLY),
        ("edit", reverse("networks:edit", args=[slug]), CURATORS),
        ("members", reverse("networks:members", args=[slug]), CURATORS),
        ("invite", reverse("networks:invite", args=[slug]) + "?q=Andere", CURATORS),
        (
            "invite organisation",
            reverse(
                "networks:invite_organisation", args=[slug, world.cast.other_organisation.slug]
            ),
            CURATORS,
        ),
        ("history", reverse("networks:history", args=[slug]), CURATORS),
        ("notes", reverse("networks:notes", args=[slug]), CURATORS),
        ("join", reverse("networks:join", args=[slug]), ORGANISATION_PEOPLE),
        ("withdraw", m("withdraw", request), OWN_REQUEST),
        ("accept", m("accept", request), OWN_REQUEST),
        ("decline invitation", m("decline_invitation", request), OWN_REQUEST),
        ("approve", m("approve", request), DECIDE_REQUEST),
        ("decline", m("decline", request), DECIDE_REQUEST),
        ("remove", m("remove", member), DECIDE_MEMBER),
        ("name coordinator", m("name_coordinator", member), DECIDE_MEMBER),
        ("remove coordinator", m("remove_coordinator", member), DECIDE_MEMBER),
        ("leave", m("leave", member), OWN_MEMBERSHIP),
    ]


PAGES = [
    "list",
    "detail",
    "detail being set up",
    "my networks",
    "curation",
    "create",
    "edit",
    "members",
    "invite",
    "invite organisation",
    "history",
    "notes",
    "join",
    "withdraw",
    "accept",
    "decline invitation",
    "approve",
    "decline",
    "remove",
    "name coordinator",
    "remove coordinator",
    "leave",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(world: World, client_for, page: str, role: str) -> None:
    [(name, url, expected)] = [row for row in urls(world) if row[0] == page]
    response = client_for(world.user(role)).get(url)
    assert response.status_code == expected[role], f"{name} as {role}: {url}"
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_notes_are_open_to_active_members(world: World, client_for) -> None:
    from networks import services

    services.membership_approve(membership=world.request, user=world.coordinator)
    response = client_for(world.cast.editor).get(
        reverse("networks:notes", args=[world.network.slug])
    )
    assert response.status_code == 200
    assert "Add a note" not in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"), [("owner", 403), ("other_member", 404), ("other_staff", 404)]
)
def test_forbidden_decisions_change_nothing(
    world: World, client_for, role: str, status: int
) -> None:
    url = reverse("networks:approve", kwargs={"slug": world.network.slug, "pk": world.request.pk})
    response = client_for(world.user(role)).post(url)
    assert response.status_code == status
    world.request.refresh_from_db()
    assert world.request.status == NetworkMembership.Status.REQUESTED
    assert world.request.changes.count() == 1


@pytest.mark.parametrize("role", ["coordinator", "other_staff", "owner"])
def test_only_curators_of_the_network_post_notes(world: World, client_for, role: str) -> None:
    url = reverse("networks:notes", args=[world.network.slug])
    response = client_for(world.user(role)).post(
        url, {"title": "T", "text": "x", "date": "2026-01-05"}
    )
    assert response.status_code == (302 if role == "coordinator" else 403)
    assert world.network.notes.count() == (1 if role == "coordinator" else 0)
