"""What a person follows and which digests they got are in their data download and go with
their account."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.privacy import personal_data
from accounts.services import account_delete
from following import services
from following.models import DigestLog, DigestSetting, Follow
from tests.following.conftest import World, later

pytestmark = pytest.mark.django_db


def test_the_data_download_holds_follows_setting_and_digests(world: World) -> None:
    services.follow_add(user=world.follower, target=world.network)
    services.follow_add(user=world.follower, target=None)
    services.digest_setting_change(user=world.follower, frequency="daily")
    world.event(published_at=timezone.now())
    services.digests_send(frequency="daily", now=later(minutes=1))

    data = personal_data(world.follower)

    assert [(f["kind"], f["what"]) for f in data["follows"]] == [
        ("exchange", "peer exchange"),
        ("network", "Mehrsprachigkeit Pankow"),
    ]
    assert data["digest_setting"]["frequency"] == "daily"
    assert [d["items"] for d in data["digests_sent"]] == [1]


def test_deleting_the_account_removes_everything_of_following(world: World) -> None:
    services.follow_add(user=world.follower, target=world.network)
    world.event(published_at=timezone.now())
    services.digests_send(frequency="weekly", now=later(minutes=1))
    assert DigestLog.objects.filter(user=world.follower).exists()

    kept = account_delete(user=world.follower)

    assert not Follow.objects.exists()
    assert not DigestSetting.objects.exists()
    assert not DigestLog.objects.exists()
    assert all("follow" not in item.what for item in kept)
