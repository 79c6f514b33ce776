"""The permission matrix of registration, management and review.

Anonymous → login redirect; a member of another organisation → 404; an editor where an owner is
needed → 403; staff of another district → 404.
"""

from __future__ import annotations

import pytest

from organisations.models import OrganisationMembership
from tests.conftest import Cast
from tests.factories import OfferFactory, OwnershipClaimFactory, ProblemReportFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner", "editor", "other_member", "staff", "other_staff", "outsider"]
LOGIN = "login"


def expect(anonymous=LOGIN, **by_role: int) -> dict[str, object]:
    return {"anonymous": anonymous, **by_role}


MEMBER_PAGE = expect(
    owner=200, editor=200, other_member=404, staff=404, other_staff=404, outsider=404
)
OWNER_PAGE = expect(
    owner=200, editor=403, other_member=404, staff=404, other_staff=404, outsider=404
)
OWNER_ACTION = expect(
    owner=302, editor=403, other_member=404, staff=404, other_staff=404, outsider=404
)
MEMBER_ACTION = expect(
    owner=302, editor=302, other_member=404, staff=404, other_staff=404, outsider=404
)
# Members, and staff of the entry's district, edit the entry and its offers.
EDITOR_PAGE = expect(
    owner=200, editor=200, other_member=404, staff=200, other_staff=404, outsider=404
)
EVERYONE = expect(owner=200, editor=200, other_member=200, staff=200, other_staff=200, outsider=200)
STAFF_PAGE = expect(
    owner=404, editor=404, other_member=404, staff=200, other_staff=404, outsider=404
)
STAFF_ACTION = expect(
    owner=404, editor=404, other_member=404, staff=302, other_staff=404, outsider=404
)
ANY_STAFF_PAGE = expect(
    owner=404, editor=404, other_member=404, staff=200, other_staff=200, outsider=404
)

# (name, method, path template, expected by role). {org} is the cast's organisation.
MATRIX = [
    ("register", "get", "/en/register/", EVERYONE),
    ("register new", "get", "/en/register/new/", EVERYONE),
    ("my organisations", "get", "/en/my-organisations/", EVERYONE),
    ("manage", "get", "/en/manage/{org}/", MEMBER_PAGE),
    ("edit", "get", "/en/manage/{org}/edit/", EDITOR_PAGE),
    ("confirm", "post", "/en/manage/{org}/confirm/", MEMBER_ACTION),
    ("submit", "post", "/en/manage/{org}/submit/", MEMBER_ACTION),
    ("delete", "get", "/en/manage/{org}/delete/", OWNER_PAGE),
    ("delete post", "post", "/en/manage/{org}/delete/", OWNER_ACTION),
    ("offers", "get", "/en/manage/{org}/offers/", EDITOR_PAGE),
    ("offer new", "get", "/en/manage/{org}/offers/new/", EDITOR_PAGE),
    ("offer edit", "get", "/en/manage/{org}/offers/{offer}/", EDITOR_PAGE),
    ("offer delete", "get", "/en/manage/{org}/offers/{offer}/delete/", EDITOR_PAGE),
    ("members", "get", "/en/manage/{org}/members/", MEMBER_PAGE),
    ("history", "get", "/en/manage/{org}/history/", MEMBER_PAGE),
    (
        "invite",
        "post",
        "/en/manage/{org}/members/",
        expect(owner=200, editor=403, other_member=404, staff=404, other_staff=404, outsider=404),
    ),
    ("member role", "post", "/en/manage/{org}/members/{editor_membership}/role/", OWNER_ACTION),
    (
        "member remove",
        "post",
        "/en/manage/{org}/members/{editor_membership}/remove/",
        OWNER_ACTION,
    ),
    (
        "hand over",
        "post",
        "/en/manage/{org}/members/{editor_membership}/hand-over/",
        OWNER_ACTION,
    ),
    (
        "claim",
        "get",
        "/en/organisations/{org}/claim/",
        expect(owner=404, editor=404, other_member=200, staff=200, other_staff=200, outsider=200),
    ),
    ("review queue", "get", "/en/review/", ANY_STAFF_PAGE),
    ("change log", "get", "/en/review/changes/", ANY_STAFF_PAGE),
    ("review detail", "get", "/en/review/{org}/", STAFF_PAGE),
    ("review history", "get", "/en/review/{org}/history/", STAFF_PAGE),
    ("verify", "post", "/en/review/{org}/verify/", STAFF_ACTION),
    ("unpublish", "post", "/en/review/{org}/unpublish/", STAFF_PAGE | {"staff": 400}),
    ("claim decide", "post", "/en/review/claims/{claim}/decline/", STAFF_ACTION),
    ("report resolve", "post", "/en/review/reports/{report}/resolve/", STAFF_ACTION),
    ("privacy", "get", "/en/accounts/privacy/", EVERYONE),
    ("data download", "get", "/en/accounts/privacy/download/", EVERYONE),
    ("account delete", "get", "/en/accounts/delete/", EVERYONE),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "path", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_permission_matrix(
    cast: Cast, client_for, role: str, name: str, method: str, path: str, expected: dict
) -> None:
    organisation = cast.organisation
    offer = OfferFactory(organisation=organisation)
    claim = OwnershipClaimFactory(organisation=organisation, user=cast.outsider)
    report = ProblemReportFactory(organisation=organisation)
    editor_membership = organisation.memberships.get(role=OrganisationMembership.Role.EDITOR)
    url = path.format(
        org=organisation.slug,
        offer=offer.pk,
        claim=claim.pk,
        report=report.pk,
        editor_membership=editor_membership.pk,
    )
    user = None if role == "anonymous" else getattr(cast, role)
    client = client_for(user)
    response = client.post(url) if method == "post" else client.get(url)
    wanted = expected[role]
    if wanted == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
    else:
        assert response.status_code == wanted, f"{name} as {role}"
    if wanted in (403, 404, LOGIN):
        # Nothing changed for those who were refused.
        organisation.refresh_from_db()
        assert organisation.status == "published"
        assert organisation.memberships.count() == 2
        claim.refresh_from_db()
        assert claim.status == "pending"
