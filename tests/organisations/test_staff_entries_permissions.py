"""The permission matrix of staff's pages about entries: entering one, duplicates, merging,
and editing through the members' pages. Whoever is refused changes nothing."""

from __future__ import annotations

import pytest

from organisations.models import Organisation, OrganisationMerge
from tests.conftest import Cast
from tests.factories import OrganisationFactory, OrganisationKindFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner", "editor", "other_member", "staff", "other_staff", "outsider"]
LOGIN = "login"


def expect(**by_role: object) -> dict[str, object]:
    return {
        "anonymous": LOGIN,
        "owner": 404,
        "editor": 404,
        "other_member": 404,
        "outsider": 404,
        **by_role,
    }


# (name, method, path, data, expected by role). {org} and {twin} are two entries of Pankow.
MATRIX = [
    ("new entry", "get", "/en/review/new-entry/", None, expect(staff=200, other_staff=200)),
    # Other staff may open the form, but not enter an entry for a district not theirs.
    (
        "new entry post",
        "post",
        "/en/review/new-entry/",
        "entry",
        expect(staff=302, other_staff=200),
    ),
    ("duplicates", "get", "/en/review/duplicates/", None, expect(staff=200, other_staff=200)),
    (
        "merge page",
        "get",
        "/en/review/duplicates/merge/?keep={org}&remove={twin}",
        None,
        expect(staff=200, other_staff=404),
    ),
    (
        "merge",
        "post",
        "/en/review/duplicates/merge/",
        "merge",
        expect(staff=302, other_staff=404),
    ),
    (
        "edit post",
        "post",
        "/en/manage/{twin}/edit/",
        "edit",
        expect(staff=302, other_staff=404, owner=404, editor=404),
    ),
]


def _data(kind: str | None, cast: Cast, org: Organisation, twin: Organisation) -> dict | None:
    if kind == "entry":
        return {
            "name": "Neuer Eintrag",
            "kind": OrganisationKindFactory().pk,
            "description": "Beratung.",
            "districts": [cast.district.pk],
            "email": "neu@example.org",
            "no_public_address": "on",
        }
    if kind == "merge":
        return {"keep": org.slug, "remove": twin.slug}
    if kind == "edit":
        return {
            "name": "Umbenannt",
            "kind": twin.kind_id,
            "districts": [cast.district.pk],
            "no_public_address": "on",
        }
    return None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "path", "data", "expected"), MATRIX, ids=[row[0] for row in MATRIX]
)
def test_permission_matrix(
    cast: Cast, client_for, role: str, name: str, method: str, path: str, data, expected: dict
) -> None:
    twin = OrganisationFactory(name="Bruecke", districts=[cast.district], street="Weg 2")
    url = path.format(org=cast.organisation.slug, twin=twin.slug)
    user = None if role == "anonymous" else getattr(cast, role)
    client = client_for(user)
    payload = _data(data, cast, cast.organisation, twin)
    response = client.post(url, payload or {}) if method == "post" else client.get(url)
    wanted = expected[role]
    if wanted == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
    else:
        assert response.status_code == wanted, f"{name} as {role}"
    if wanted in (403, 404, LOGIN) or (name == "new entry post" and wanted == 200):
        # Nothing changed for those who were refused.
        assert Organisation.objects.count() == 3
        assert not OrganisationMerge.objects.exists()
        twin.refresh_from_db()
        assert twin.name == "Bruecke"
