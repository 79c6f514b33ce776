"""Every kind of mail is written in its recipient's language: the language stored on their
account, or for an event sign-up the language of the page they signed up on."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import User
from events.models import Registration
from networks import services as network_services
from organisations import services as organisation_services
from organisations.models import Organisation
from tests.conftest import Cast
from tests.factories import PASSWORD, EventFactory, NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def in_turkish(msgid: str, **values: str) -> str:
    """The Turkish text of an interface string; fails if the catalogue does not translate it."""
    with translation.override("tr"):
        text = gettext(msgid)
    with translation.override("de"):  # what a missing Turkish entry falls back to
        german = gettext(msgid)
    assert text not in (msgid, german), f"not translated into Turkish: {msgid!r}"
    return text % values if values else text


def test_signing_up_on_a_turkish_page_stores_turkish_and_verifies_in_turkish(
    client: Client,
) -> None:
    client.post(
        "/tr/accounts/signup/",
        {
            "email": "ayse@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "privacy_consent": "on",
        },
    )
    assert User.objects.get(email="ayse@example.org").language == "tr"
    assert in_turkish("Please Confirm Your Email Address") in mail.outbox[0].subject
    assert "/tr/accounts/confirm-email/" in mail.outbox[0].body


def test_password_reset_mail_is_in_the_account_language_whatever_the_page(
    client: Client,
) -> None:
    UserFactory(email="ayse@example.org", language="tr")
    client.post("/de/accounts/password/reset/", {"email": "ayse@example.org"})
    assert in_turkish("Password Reset Email") in mail.outbox[0].subject


def test_switching_the_language_is_remembered_on_the_account(client: Client, cast: Cast) -> None:
    client.force_login(cast.owner)
    client.post(reverse("set_language"), {"language": "tr", "next": "/de/organisations/"})
    cast.owner.refresh_from_db()
    assert cast.owner.language == "tr"


def test_review_decision_reaches_a_turkish_owner_in_turkish_and_a_german_one_in_german(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    User.objects.filter(pk=cast.owner.pk).update(language="tr")
    entry = cast.organisation
    Organisation.objects.filter(pk=entry.pk).update(
        status=Organisation.Status.PENDING, published_at=None
    )
    entry.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_services.organisation_publish(organisation=entry, staff=cast.staff)
    by_address = {message.to[0]: message for message in mail.outbox}
    turkish = by_address[cast.owner.email]
    assert in_turkish("“%(name)s” is published", name=entry.name) in turkish.subject
    assert f"/tr/organisations/{entry.slug}/" in turkish.body
    assert "veröffentlicht" in by_address[cast.editor.email].subject


def test_invitation_to_an_account_holder_is_in_their_language(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    User.objects.filter(pk=cast.outsider.pk).update(language="tr")
    with django_capture_on_commit_callbacks(execute=True):
        organisation_services.invitation_create(
            organisation=cast.organisation,
            email=cast.outsider.email,
            role="editor",
            invited_by=cast.owner,
            language="de",
        )
    expected = in_turkish("Invitation to join “%(name)s”", name=cast.organisation.name)
    assert expected in mail.outbox[0].subject
    assert "/tr/" in mail.outbox[0].body


def test_network_decision_reaches_a_turkish_owner_in_turkish(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    User.objects.filter(pk=cast.owner.pk).update(language="tr")
    network = NetworkFactory(district=cast.district)
    with django_capture_on_commit_callbacks(execute=True):
        network_services.membership_request(
            network=network, organisation=cast.organisation, user=cast.owner
        )
    expected = in_turkish("Request to join “%(network)s” received", network=network.name)
    assert [message.subject for message in mail.outbox] == [f"[Migra Hub] {expected}"]
    assert f"/tr/networks/{network.slug}/" in mail.outbox[0].body


def test_event_sign_up_on_a_turkish_page_is_confirmed_in_turkish(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/tr/events/{event.slug}/register/",
            {"name": "Ayşe", "email": "ayse@example.org", "consent": "on", "website": ""},
        )
    assert Registration.objects.get().language == "tr"
    expected = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + in_turkish(
        "Your sign-up is confirmed: %(title)s", title=event.title
    )
    assert mail.outbox[0].subject == expected
    assert "/tr/events/registration/" in mail.outbox[0].body
