"""A small fixed-window rate limit on the shared cache (Redis or the database cache)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # Behind a proxy, the proxy must overwrite REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_rate_limited(scope: str, key: str, *, limit: int, period: int) -> bool:
    """Count one hit for (scope, key); True once more than ``limit`` hits fell in ``period`` s.

    Keys are hashed so that e-mail addresses or IPs never appear in the cache in clear text.
    """
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=period):
        return limit < 1
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=period)
        hits = 1
    return hits > limit
