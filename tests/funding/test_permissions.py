"""Who may open which page and take which step: anonymous people are sent to log in, outsiders
get 404 for calls they may not see, people without the needed role 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from funding.models import FundingCall
from tests.funding.conftest import World

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member",
    "coordinator",
    "other_coordinator",
    "staff",
    "other_staff",
    "city_staff",
    "admin",
]
OK = 200
LOGIN = 302


def expect(*codes: int) -> dict[str, int]:
    assert len(codes) == len(ROLES)
    return dict(zip(ROLES, codes, strict=True))


#                   anon  member coord ocoord staff ostaff city admin
PUBLIC = expect(OK, OK, OK, OK, OK, OK, OK, OK)
POSTERS = expect(LOGIN, 403, OK, OK, OK, OK, OK, OK)
DISTRICT_MANAGERS = expect(LOGIN, 403, 403, 403, OK, 403, OK, OK)
NETWORK_MANAGERS = expect(LOGIN, 403, OK, 403, OK, 403, 403, OK)
DISTRICT_DRAFT = expect(LOGIN, 404, 404, 404, OK, 404, OK, OK)
NETWORK_DRAFT = expect(LOGIN, 404, OK, 404, OK, 404, 404, OK)


def pages(world: World) -> dict[str, tuple[str, dict[str, int]]]:
    district = world.cast.district

    def url(name: str, call: FundingCall) -> str:
        return reverse(f"funding:{name}", args=[call.slug])

    return {
        "list": (reverse("funding:index"), PUBLIC),
        "archive": (reverse("funding:archive"), PUBLIC),
        "feed": (reverse("funding:feed"), PUBLIC),
        "district feed": (
            reverse("funding:feed_district", args=[district.city.slug, district.slug]),
            PUBLIC,
        ),
        "detail": (url("detail", world.district_call), PUBLIC),
        "network call": (url("detail", world.network_call), PUBLIC),
        "district draft": (url("detail", world.district_draft), DISTRICT_DRAFT),
        "network draft": (url("detail", world.network_draft), NETWORK_DRAFT),
        "create": (reverse("funding:create"), POSTERS),
        "edit district call": (url("edit", world.district_call), DISTRICT_MANAGERS),
        "edit network call": (url("edit", world.network_call), NETWORK_MANAGERS),
        "edit district draft": (url("edit", world.district_draft), DISTRICT_DRAFT),
        "edit network draft": (url("edit", world.network_draft), NETWORK_DRAFT),
    }


PAGES = [
    "list",
    "archive",
    "feed",
    "district feed",
    "detail",
    "network call",
    "district draft",
    "network draft",
    "create",
    "edit district call",
    "edit network call",
    "edit district draft",
    "edit network draft",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix_of_pages(world: World, client_for, page: str, role: str) -> None:
    url, expected = pages(world)[page]
    response = client_for(world.user(role)).get(url)
    assert response.status_code == expected[role], f"{page} as {role}: {url}"
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


# Steps (POST): managers are sent back to the call (302 there), the others as on the pages.
STEPS = [
    ("publish", "district_draft", DISTRICT_DRAFT, FundingCall.Status.PUBLISHED),
    ("publish", "network_draft", NETWORK_DRAFT, FundingCall.Status.PUBLISHED),
    ("unpublish", "district_call", DISTRICT_MANAGERS, FundingCall.Status.UNPUBLISHED),
    ("unpublish", "network_call", NETWORK_MANAGERS, FundingCall.Status.UNPUBLISHED),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("step", "call_name", "expected", "status_after"), STEPS)
def test_permission_matrix_of_steps(
    world: World,
    client_for,
    role: str,
    step: str,
    call_name: str,
    expected: dict[str, int],
    status_after: str,
) -> None:
    call: FundingCall = getattr(world, call_name)
    status_before = call.status
    response = client_for(world.user(role)).post(reverse(f"funding:{step}", args=[call.slug]))
    call.refresh_from_db()
    if expected[role] == OK:
        assert response.status_code == 302
        assert response["Location"] == call.get_absolute_url()
        assert call.status == status_after
        assert call.changes.get().actor == world.user(role)
    else:
        assert response.status_code == expected[role], f"{step} {call_name} as {role}"
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("account_login"))
        assert call.status == status_before
        assert not call.changes.exists()


@pytest.mark.parametrize("role", ["member", "other_staff", "other_coordinator"])
def test_a_post_to_the_edit_page_of_someone_elses_call_changes_nothing(
    world: World, client_for, role: str
) -> None:
    call = world.district_call
    response = client_for(world.user(role)).post(
        reverse("funding:edit", args=[call.slug]), {"title": "Taken over"}
    )
    assert response.status_code == 403
    call.refresh_from_db()
    assert call.title == "Kiezfonds Pankow"
