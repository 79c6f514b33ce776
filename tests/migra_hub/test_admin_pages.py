"""The admin pages of the libraries we use open, like those of our own apps (which test theirs
in their own folders)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db.models import Model
from django.utils import timezone
from mailer.models import PRIORITY_MEDIUM, DontSendEntry, Message, MessageLog, make_message

from accounts.models import User
from tests.admin_pages import admin_url, assert_admin_pages_open, logged_in
from tests.factories import UserFactory, with_second_factor

pytestmark = pytest.mark.django_db

OWN_APPS = {
    "accounts",
    "organisations",
    "networks",
    "events",
    "exchange",
    "following",
    "funding",
    "opendata",
    "accessibility",
}
numbers = itertools.count()


def _address() -> str:
    return f"admin-page{next(numbers)}@example.org"


def _queued_mail() -> Message:
    mail = make_message(subject="Test", body="Hallo", to=[_address()], priority=PRIORITY_MEDIUM)
    mail.save()
    return mail


def _logged_mail() -> MessageLog:
    return MessageLog.objects.log(_queued_mail(), 1)


def _authenticator() -> Authenticator:
    user = with_second_factor(UserFactory(email=_address()))
    return Authenticator.objects.get(user=user)


MAKERS: dict[type[Model], Callable[[], Model]] = {
    Group: lambda: Group.objects.create(name=f"group {next(numbers)}"),
    EmailAddress: lambda: EmailAddress.objects.get(user=UserFactory(email=_address())),
    Message: _queued_mail,
    MessageLog: _logged_mail,
    DontSendEntry: lambda: DontSendEntry.objects.create(
        to_address=_address(), when_added=timezone.now()
    ),
    Authenticator: _authenticator,
}


def test_every_admin_page_of_a_library_has_a_test() -> None:
    libraries = {model for model in admin.site._registry if model._meta.app_label not in OWN_APPS}
    assert libraries == set(MAKERS)


@pytest.mark.parametrize("model", MAKERS, ids=lambda model: model._meta.label)
def test_the_admin_pages_of_a_library_open_for_a_superuser(
    model: type[Model], superuser: User
) -> None:
    assert_admin_pages_open(logged_in(superuser), superuser, MAKERS[model])


def test_a_queued_mail_cannot_be_changed_in_the_admin(superuser: User) -> None:
    mail = _queued_mail()
    client = logged_in(superuser)
    response = client.get(admin_url(Message, "change", mail.pk))
    assert response.status_code == 200
    assert "subject" not in response.context["adminform"].form.fields
