"""The version of what the directory shows: part of the key of every piece of cached directory
data (facet counts, filter choices, rendered cards, typo corrections).

It is a row of :class:`~organisations.models.DirectoryVersion`, changed by
:func:`directory_changed` inside the transaction that changes an entry, an offer or a vocabulary
(every such write path calls it, mostly through ``organisation_search_refresh``). So the new
version becomes visible exactly when the change does, and nothing can cull or forget it. A
request that read the old version and then the new data caches new data under a version nobody
asks for once the new one is visible: harmless.

Writers take the row's lock until they commit: changes of the directory follow one another,
which they are rare enough to afford; readers never wait.
"""

from __future__ import annotations

import uuid

from django.core.cache import caches
from django.utils import timezone
from django.utils.connection import ConnectionProxy

from organisations.models import DirectoryVersion

_ROW = 1

# Where directory data is cached, apart from what must survive (settings, CACHES).
directory_cache = ConnectionProxy(caches, "directory")


def directory_version() -> str:
    """The current version (one query). Read it once per request."""
    token = DirectoryVersion.objects.filter(pk=_ROW).values_list("token", flat=True).first()
    if token is None:  # a database emptied after its migrations (tests that flush tables)
        row, _created = DirectoryVersion.objects.get_or_create(
            pk=_ROW, defaults={"token": uuid.uuid4().hex}
        )
        token = row.token
    return token


def directory_changed() -> None:
    """Give the directory a new version. Call it in the transaction of the change."""
    values = {"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    if not DirectoryVersion.objects.filter(pk=_ROW).update(**values):
        DirectoryVersion.objects.update_or_create(pk=_ROW, defaults=values)
