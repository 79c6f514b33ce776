"""Readable, unique addresses for things people name (organisations, networks, events).

A slug shares its place in the URL with the fixed pages of the same app: ``/review/changes/``
and ``/review/<slug>/`` sit side by side, so an organisation called "Changes" must not be given
the slug ``changes``. Which words are taken is read from the URL configuration itself, so that a
page added later is protected without anyone remembering to update a list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern
from django.utils.text import slugify

# A converter in a path() route, e.g. ``<slug:slug>`` or ``<int:pk>``.
_CONVERTER = re.compile(r"<(?:(?P<type>[^>:]+):)?(?P<name>[^>]+)>")


def unique_slug(
    text: str,
    *,
    queryset: QuerySet[Any] | type[Model],
    max_length: int,
    fallback: str,
    suffix: str = "",
    reserved: Collection[str] = frozenset(),
    exclude_pk: int | None = None,
    field: str = "slug",
) -> str:
    """``text`` as a slug that no other row of ``queryset`` has and that is not ``reserved``.

    ``suffix`` is kept on every candidate (an event's date); a counter is added after it when
    the slug is taken: ``changes-2``, ``changes-3``. The result never exceeds ``max_length``.
    """
    taken: QuerySet[Any] = (
        queryset._default_manager.all() if isinstance(queryset, type) else queryset.all()
    )
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    base = slugify(text) or fallback
    number = 1
    while True:
        counter = f"-{number}" if number > 1 else ""
        room = max(max_length - len(suffix) - len(counter), 1)
        candidate = f"{base[:room].rstrip('-') or fallback[:room]}{suffix}{counter}"
        if candidate not in reserved and not taken.filter(**{field: candidate}).exists():
            return candidate
        number += 1


def reserved_path_segments(*, namespace: str, kwarg: str = "slug") -> frozenset[str]:
    """Every fixed path segment that sits where a ``<slug:kwarg>`` of ``namespace`` sits.

    For each URL pattern of the namespace with that converter, the part of the route before it
    is its prefix (``review/``); any pattern of the whole site with the same prefix whose next
    segment is a plain word (``review/changes/``) reserves that word.
    """
    return _reserved_path_segments(get_resolver(), namespace, kwarg)


@functools.lru_cache(maxsize=32)
def _reserved_path_segments(resolver: URLResolver, namespace: str, kwarg: str) -> frozenset[str]:
    routes = list(_routes(resolver, namespaces=(), prefix=""))
    prefixes: set[tuple[str, ...]] = set()
    for route_namespace, route in routes:
        if route_namespace != namespace:
            continue
        segments = route.split("/")
        for position, segment in enumerate(segments):
            if any(match["name"] == kwarg for match in _CONVERTER.finditer(segment)):
                prefixes.add(tuple(segments[:position]))
    reserved: set[str] = set()
    for _namespace, route in routes:
        segments = route.split("/")
        for prefix in prefixes:
            depth = len(prefix)
            if len(segments) > depth and tuple(segments[:depth]) == prefix:
                word = segments[depth]
                if word and "<" not in word:
                    reserved.add(word)
    return frozenset(reserved)


def _routes(
    resolver: URLResolver, *, namespaces: tuple[str, ...], prefix: str
) -> Iterator[tuple[str, str]]:
    """(namespace, full route) of every pattern below ``resolver``, language prefix left out."""
    for entry in resolver.url_patterns:
        route = prefix + _route_text(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _routes(entry, namespaces=inner, prefix=route)
        elif isinstance(entry, URLPattern):
            yield ":".join(namespaces), route


def _route_text(pattern: Any) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return ""
    if isinstance(pattern, RegexPattern):
        # A plain regular expression without special characters is a literal route; anything
        # else is kept as it is and never equals a word, which is what we want.
        text = str(pattern).removeprefix("^").removesuffix("$").removesuffix(r"\Z")
        return text.replace(r"\.", ".")
    return str(pattern)
