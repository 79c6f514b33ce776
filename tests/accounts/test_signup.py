import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SUBJECTS = {
    "de": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    "en": "Please Confirm Your Email Address",
}


def sign_up(client: Client, language: str, email: str = "amal@example.org", **extra: str):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "name": "Amal",
            "privacy_consent": "on",
            **extra,
        },
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_sign_up_sends_a_verification_mail_and_verifying_logs_in(
    client: Client, language: str
) -> None:
    response = sign_up(client, language)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"

    user = User.objects.get(email="amal@example.org")
    assert user.name == "Amal"
    assert user.privacy_consent_at is not None
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert SUBJECTS[language] in mail.outbox[0].subject
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    response = client.post(f"/{path}")
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(f"/{language}/").context["user"] == user


def test_sign_up_without_privacy_consent_keeps_what_was_typed(client: Client) -> None:
    response = client.post(
        "/en/accounts/signup/",
        {"email": "amal@example.org", "password1": PASSWORD, "password2": PASSWORD, "name": "Amal"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please accept the privacy policy" in html
    assert 'value="amal@example.org"' in html
    assert 'value="Amal"' in html
    assert not User.objects.filter(email="amal@example.org").exists()


def test_unverified_person_cannot_log_in(client: Client) -> None:
    UserFactory(email="new@example.org", verified=False)
    response = client.post(
        "/en/accounts/login/", {"login": "new@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language", ["de", "en"])
def test_verified_person_logs_in_with_email_and_password(client: Client, language: str) -> None:
    user = UserFactory(email="known@example.org")
    response = client.post(
        f"/{language}/accounts/login/", {"login": "known@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_with_a_translated_message(client: Client) -> None:
    UserFactory(email="known@example.org")
    response = client.post(
        "/de/accounts/login/", {"login": "known@example.org", "password": "wrong-password"}
    )
    assert response.status_code == 200
    assert "E-Mail-Adresse und/oder das Passwort sind leider falsch" in response.content.decode()


def test_password_reset_mails_a_link(client: Client) -> None:
    UserFactory(email="known@example.org")
    response = client.post("/en/accounts/password/reset/", {"email": "known@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


def test_logging_out_needs_a_post(client: Client) -> None:
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
