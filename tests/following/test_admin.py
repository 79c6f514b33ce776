from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db.models import Model
from django.test import Client
from django.utils import timezone

from following.models import DigestLog, DigestSetting, Follow
from tests.admin_pages import assert_admin_pages_open, registered_models
from tests.factories import NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def _follow() -> Follow:
    return Follow.objects.create(
        user=UserFactory(), kind=Follow.Kind.NETWORK, network=NetworkFactory()
    )


def _setting() -> DigestSetting:
    return DigestSetting.objects.create(user=UserFactory())


def _log() -> DigestLog:
    now = timezone.now()
    return DigestLog.objects.create(
        user=UserFactory(), frequency="daily", covered_from=now, covered_until=now, item_count=2
    )


MAKERS: dict[type[Model], Callable[[], Model]] = {
    Follow: _follow,
    DigestSetting: _setting,
    DigestLog: _log,
}


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("following") == set(MAKERS)


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda model: model.__name__)
def test_the_admin_pages_open_for_a_superuser(client: Client, model: type[Model]) -> None:
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert_admin_pages_open(client, superuser, MAKERS[model])
