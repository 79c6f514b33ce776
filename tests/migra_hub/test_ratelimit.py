"""Rate limits count every hit exactly once, in a store that never drops counters to make room."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from pytest_django.fixtures import Settings

from migra_hub.models import RateLimitCounter
from migra_hub.ratelimit import client_ip, is_rate_limited
from tests.concurrency import race

pytestmark = pytest.mark.django_db

STORES = ["database", "cache"]


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, settings: Settings) -> str:
    """Each test once with the counters in their table (no Redis) and once in the cache (Redis
    in production, Django's memory cache in tests)."""
    settings.RATE_LIMIT_STORE = request.param
    return str(request.param)


def test_hits_within_the_limit_pass_and_the_next_one_is_limited(store: str) -> None:
    results = [is_rate_limited("test", "1.2.3.4", limit=3, period=60) for _ in range(4)]
    assert results == [False, False, False, True]


def test_keys_and_scopes_are_counted_separately(store: str) -> None:
    for _ in range(3):
        is_rate_limited("test", "a@example.org", limit=3, period=60)
    assert is_rate_limited("test", "a@example.org", limit=3, period=60)
    assert not is_rate_limited("test", "b@example.org", limit=3, period=60)
    assert not is_rate_limited("other", "a@example.org", limit=3, period=60)


def at(monkeypatch: pytest.MonkeyPatch, moment: float) -> None:
    monkeypatch.setattr(time, "time", lambda: moment)


def test_a_new_window_starts_when_the_old_one_is_over(monkeypatch: pytest.MonkeyPatch) -> None:
    start = 1_800_000_000.0
    at(monkeypatch, start)
    for _ in range(3):
        is_rate_limited("test", "1.2.3.4", limit=3, period=60)
    at(monkeypatch, start + 59)
    assert is_rate_limited("test", "1.2.3.4", limit=3, period=60)
    at(monkeypatch, start + 60)
    assert not is_rate_limited("test", "1.2.3.4", limit=3, period=60)
    assert RateLimitCounter.objects.get().hits == 1


def test_counters_of_windows_that_are_over_are_cleared_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = 1_800_000_000.0
    at(monkeypatch, start)
    is_rate_limited("test", "old@example.org", limit=3, period=60)
    at(monkeypatch, start + 3600)
    is_rate_limited("test", "new@example.org", limit=3, period=60)
    assert RateLimitCounter.objects.count() == 1


def test_counters_keep_no_address_in_clear_text() -> None:
    is_rate_limited("test", "amal@example.org", limit=3, period=60)
    assert "amal" not in RateLimitCounter.objects.get().key


def test_counters_survive_when_the_cache_is_emptied() -> None:
    for _ in range(3):
        is_rate_limited("test", "1.2.3.4", limit=3, period=60)
    cache.clear()  # what the database cache's culling does to its oldest entries
    assert is_rate_limited("test", "1.2.3.4", limit=3, period=60)


@pytest.mark.parametrize(
    "store",
    ["database", "cache"],
)
@pytest.mark.django_db(transaction=True)
def test_a_hundred_hits_at_once_let_exactly_the_limit_through(
    settings: Settings, store: str
) -> None:
    settings.RATE_LIMIT_STORE = store

    def five_hits() -> list[bool]:
        return [is_rate_limited("race", "1.2.3.4", limit=60, period=60) for _ in range(5)]

    # 20 threads with a connection each (PostgreSQL allows 100 in all) hit 5 times each.
    results = [limited for hits in race(*[five_hits] * 20) for limited in hits]
    assert len(results) == 100
    assert results.count(False) == 60


def test_behind_a_proxy_the_address_the_proxy_saw_counts(
    rf: RequestFactory, settings: Settings
) -> None:
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # A client may send its own header; the proxy appends (or sets) the address it saw.
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.7"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="nonsense", REMOTE_ADDR="::1")) == "::1"


def test_without_a_trusted_proxy_the_header_is_ignored(
    rf: RequestFactory, settings: Settings
) -> None:
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="198.51.100.2")
    assert client_ip(request) == "198.51.100.2"
