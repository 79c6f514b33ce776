"""Failed logins limit the attacker's IP address, not the account holder."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import Cast
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
HOLDER = "198.51.100.23"
LOCKED = "Too many failed login attempts"


def log_in(email: str, password: str, ip: str, client: Client | None = None):
    client = client or Client()
    return client.post(
        "/en/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=ip
    )


def test_wrong_passwords_lock_the_address_for_that_ip_only(cast: Cast) -> None:
    email = cast.owner.email
    for _attempt in range(5):
        response = log_in(email, "wrong-password", ATTACKER)
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    # The attacker is locked out even with the right password ...
    response = log_in(email, PASSWORD, ATTACKER)
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    # ... the account holder, elsewhere, logs in.
    client = Client()
    response = log_in(email, PASSWORD, HOLDER, client)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.owner.pk)


def test_one_ip_is_limited_across_addresses(cast: Cast) -> None:
    people = [UserFactory() for _ in range(11)]
    for person in people[:10]:
        assert LOCKED not in log_in(person.email, "wrong-password", ATTACKER).content.decode()
    response = log_in(people[10].email, PASSWORD, ATTACKER)
    assert LOCKED in response.content.decode()
    assert log_in(people[10].email, PASSWORD, HOLDER).status_code == 302
