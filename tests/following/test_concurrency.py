"""Two digest runs at the same moment (two hosts, an overlapping cron job) send one digest."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from following import services
from following.models import DigestLog
from tests.concurrency import race
from tests.factories import EventFactory, NetworkFactory, UserFactory
from tests.following.conftest import later

pytestmark = pytest.mark.django_db(transaction=True)


def test_overlapping_runs_send_each_digest_once() -> None:
    network = NetworkFactory()
    people = [UserFactory() for _ in range(4)]
    for person in people:
        services.follow_add(user=person, target=network)
        services.digest_setting_change(user=person, frequency="daily")
    EventFactory(organiser_district=None, organiser_network=network, published_at=timezone.now())
    now = later(minutes=1)

    results = race(*[lambda: services.digests_send(frequency="daily", now=now)] * 3)

    assert sum(results) == 4, results
    assert len(mail.outbox) == 4
    assert sorted(log.user_id for log in DigestLog.objects.all()) == sorted(p.pk for p in people)
