"""Who sees which directory page: the standing cast against published and unpublished entries."""

from __future__ import annotations

import pytest

from organisations.models import Organisation
from tests.conftest import Cast

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner", "editor", "other_member", "staff", "other_staff", "outsider"]

# Everybody sees the public pages; an unpublished entry only its members and its district staff.
MATRIX = [
    ("/de/organisations/", dict.fromkeys(ROLES, 200)),
    ("/de/organisations/map/", dict.fromkeys(ROLES, 200)),
    ("/de/organisations/map.geojson", dict.fromkeys(ROLES, 200)),
    ("/de/offers/", dict.fromkeys(ROLES, 200)),
    ("{published}", dict.fromkeys(ROLES, 200)),
    (
        "{pending}",
        {
            "anonymous": 404,
            "owner": 200,
            "editor": 200,
            "other_member": 404,
            "staff": 200,
            "other_staff": 404,
            "outsider": 404,
        },
    ),
]


@pytest.mark.parametrize(("url", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_directory_permission_matrix(
    cast: Cast,
    client_for,
    url: str,
    expected: dict[str, int],
    role: str,  # type: ignore[no-untyped-def]
) -> None:
    Organisation.objects.filter(pk=cast.organisation.pk).update(status=Organisation.Status.PENDING)
    url = url.format(
        published=cast.other_organisation.get_absolute_url(),
        pending=cast.organisation.get_absolute_url(),
    )
    user = None if role == "anonymous" else getattr(cast, role)
    response = client_for(user).get(url)
    assert response.status_code == expected[role]
    assert Organisation.objects.published().count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_lists_show_only_published_entries_to_everybody(
    cast: Cast,
    client_for,
    role: str,  # type: ignore[no-untyped-def]
) -> None:
    Organisation.objects.filter(pk=cast.organisation.pk).update(status=Organisation.Status.DRAFT)
    user = None if role == "anonymous" else getattr(cast, role)
    response = client_for(user).get("/de/organisations/")
    assert [o.name for o in response.context["page"].object_list] == ["Andere Initiative"]
    assert Organisation.objects.count() == 2
