"""A small fixed-window rate limit whose counters are never dropped to make room for other data.

With ``REDIS_URL`` the counters are Redis keys that expire with their window (``incr`` is
atomic); without it they are rows of :class:`~migra_hub.models.RateLimitCounter`, counted by one
``INSERT ... ON CONFLICT DO UPDATE`` (atomic). Never the database
cache: it culls a third of its entries whenever it is full, counters first among them.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest

from migra_hub.models import RateLimitCounter


def client_ip(request: HttpRequest) -> str:
    """The visitor's address. Behind reverse proxies REMOTE_ADDR is the nearest proxy's
    (gunicorn does not rewrite it), so with ``TRUSTED_PROXY_COUNT`` = n the n-th address from
    the right of X-Forwarded-For counts: the one the outermost of our proxies saw. Addresses a
    client wrote further left are never believed. allauth reads the same setting."""
    count = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        try:
            return str(ipaddress.ip_address(forwarded[-count].strip()))
        except (IndexError, ValueError):
            pass  # no header, too few entries or not an address: the connection's address
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_rate_limited(scope: str, key: str, *, limit: int, period: int) -> bool:
    """Count one hit for (scope, key); True once more than ``limit`` hits fell in the window of
    ``period`` seconds that began with the first of them.

    Keys are hashed so that e-mail addresses or IPs are never stored in clear text.
    """
    digest = hashlib.sha256(f"{scope}:{period}:{key}".encode()).hexdigest()
    if settings.RATE_LIMIT_STORE == "cache":
        hits = _count_in_cache(f"ratelimit:{scope}:{digest[:32]}", period)
    else:
        hits = _count_in_database(digest, period)
    return hits > limit


def _count_in_cache(cache_key: str, period: int) -> int:
    if cache.add(cache_key, 1, timeout=period):
        return 1
    try:
        return int(cache.incr(cache_key))
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=period)
        return 1


def _count_in_database(digest: str, period: int) -> int:
    now = int(time.time())
    quote = connection.ops.quote_name
    table, key, hits, ends = (
        quote(name) for name in (RateLimitCounter._meta.db_table, "key", "hits", "window_ends")
    )
    # One statement, so two requests can never read the same count: the second waits for the
    # first one's row. An expired window starts again.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} ({key}, {hits}, {ends}) VALUES (%s, 1, %s)
            ON CONFLICT ({key}) DO UPDATE SET
                {hits} = CASE WHEN {table}.{ends} <= %s THEN 1 ELSE {table}.{hits} + 1 END,
                {ends} = CASE WHEN {table}.{ends} <= %s THEN excluded.{ends} ELSE {table}.{ends} END
            RETURNING {hits}
            """,
            [digest, now + period, now, now],
        )
        (count,) = cursor.fetchone()
    if count == 1:
        # A new window: clear away the counters of windows that are over (at most one purge
        # per window of any key, through the index on window_ends).
        RateLimitCounter.objects.filter(window_ends__lte=now).delete()
    return int(count)
