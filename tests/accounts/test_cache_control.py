"""Pages with the account's own data are never stored by browsers or shared caches."""

from __future__ import annotations

import pytest
from django.utils.cache import get_max_age

from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.parametrize(
    "path",
    [
        "/en/accounts/privacy/",
        "/en/accounts/privacy/download/",
        "/en/accounts/delete/",
        "/en/accounts/email/",
        "/en/accounts/password/change/",
        "/en/accounts/2fa/",
        "/en/accounts/2fa/recovery-codes/generate/",
    ],
)
def test_account_pages_are_private_and_not_stored(cast: Cast, client_for, path: str) -> None:
    response = client_for(cast.staff).get(path)
    assert response.status_code in (200, 302)
    assert {"private", "no-store"} <= directives(response)
    assert get_max_age(response) is None


def test_the_confirmation_of_a_deletion_is_not_stored(cast: Cast, client_for) -> None:
    from tests.factories import PASSWORD

    client = client_for(cast.editor)
    client.post("/en/accounts/delete/", {"password": PASSWORD})
    response = client.get("/en/accounts/deleted/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_public_pages_are_left_alone(client_for) -> None:
    response = client_for(None).get("/en/imprint/")
    assert response.status_code == 200
    assert "no-store" not in directives(response)
