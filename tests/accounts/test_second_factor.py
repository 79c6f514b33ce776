"""Whoever sees other people's personal data sets up a second factor before anything else."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.messages import get_messages
from django.test import Client

from accounts.models import User
from accounts.security import needs_second_factor
from tests.conftest import Cast
from tests.factories import (
    PASSWORD,
    DistrictStaffFactory,
    NetworkFactory,
    UserFactory,
    totp_code,
    with_second_factor,
)

pytestmark = pytest.mark.django_db

SET_UP = "/en/accounts/2fa/"


def staff_without_second_factor(cast: Cast) -> User:
    return DistrictStaffFactory(district=cast.district, second_factor=False).user


def curator_without_second_factor(cast: Cast) -> User:
    user = UserFactory()
    NetworkFactory(district=None, city=cast.district.city, scope="city").curators.add(user)
    return user


def administrator_without_second_factor(cast: Cast) -> User:
    return UserFactory(is_staff=True, is_superuser=True, second_factor=False)


WITHOUT_SECOND_FACTOR = [
    staff_without_second_factor,
    curator_without_second_factor,
    administrator_without_second_factor,
]


@pytest.mark.parametrize("who", WITHOUT_SECOND_FACTOR, ids=lambda f: f.__name__)
@pytest.mark.parametrize("path", ["/en/review/", "/en/", "/en/admin/", "/de/events/"])
def test_staff_without_a_second_factor_are_sent_to_set_it_up(
    cast: Cast, client_for, who, path: str
) -> None:
    user = who(cast)
    response = client_for(user).get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/{path[1:3]}/accounts/2fa/"
    assert len(get_messages(response.wsgi_request)) == 1  # the explanation
    assert not Authenticator.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("language", "explanation"),
    [("en", "protect it with a second factor"), ("de", "mit einem zweiten Faktor")],
)
def test_the_explanation_is_shown_on_the_set_up_page_in_the_pages_language(
    cast: Cast, client_for, language: str, explanation: str
) -> None:
    client = client_for(staff_without_second_factor(cast))
    response = client.get(f"/{language}/review/", follow=True)
    assert response.redirect_chain == [(f"/{language}/accounts/2fa/", 302)]
    assert explanation in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [SET_UP, "/en/accounts/2fa/totp/activate/", "/en/accounts/email/", "/en/accounts/logout/"],
)
def test_the_set_up_and_logging_out_stay_open(cast: Cast, client_for, path: str) -> None:
    response = client_for(staff_without_second_factor(cast)).get(path)
    assert response.status_code in (200, 302)
    assert response.get("Location") != SET_UP


def test_choosing_a_language_stays_open(cast: Cast, client_for) -> None:
    response = client_for(staff_without_second_factor(cast)).post(
        "/i18n/setlang/", {"language": "tr", "next": "/tr/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/tr/"


def test_staff_with_an_authenticator_app_get_through(cast: Cast, client_for) -> None:
    user = with_second_factor(staff_without_second_factor(cast))
    response = client_for(user).get("/en/review/")
    assert response.status_code == 200
    assert not list(get_messages(response.wsgi_request))


def test_a_recovery_code_alone_is_no_second_factor(cast: Cast, client_for) -> None:
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = staff_without_second_factor(cast)
    RecoveryCodes.activate(user)
    assert client_for(user).get("/en/review/")["Location"] == SET_UP


@pytest.mark.parametrize("role", ["owner", "editor", "other_member", "outsider"])
def test_members_are_not_asked_for_a_second_factor(cast: Cast, client_for, role: str) -> None:
    response = client_for(getattr(cast, role)).get("/en/my-organisations/")
    assert response.status_code == 200
    assert not list(get_messages(response.wsgi_request))


def test_the_check_costs_one_query_for_staff_and_members(
    cast: Cast, django_assert_num_queries
) -> None:
    staff = staff_without_second_factor(cast)
    with django_assert_num_queries(1):
        assert needs_second_factor(staff) is True
    with django_assert_num_queries(1):
        assert needs_second_factor(cast.editor) is False
    with django_assert_num_queries(1):
        assert needs_second_factor(cast.staff) is False  # has an authenticator app


def test_staff_set_up_an_authenticator_app_and_then_reach_the_review_queue(cast: Cast) -> None:
    user = staff_without_second_factor(cast)
    client = Client()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/review/")["Location"] == SET_UP

    # Adding a factor asks for the password once more (allauth), then shows the secret.
    activate = "/en/accounts/2fa/totp/activate/"
    assert client.get(activate)["Location"].startswith("/en/accounts/reauthenticate/")
    client.post(f"/en/accounts/reauthenticate/?next={activate}", {"password": PASSWORD})
    page = client.get(activate)
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/en/review/").status_code == 200


def test_staff_with_an_authenticator_app_log_in_with_password_and_code(cast: Cast) -> None:
    client = Client()
    response = client.post("/en/accounts/login/", {"login": cast.staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not logged in before the code

    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.staff.pk)
    assert client.get("/en/review/").status_code == 200


def test_the_admin_login_goes_through_allauth(client: Client) -> None:
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
