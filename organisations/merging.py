"""The merge registry: what higher apps hold of an entry moves when two entries are merged.

``organisations`` must not know that ``networks`` or ``events`` exist, yet merging two entries
has to move their network memberships and the events they organise. Each app that points at
organisations registers a mover here in its ``AppConfig.ready``; the merge service
(``organisations/services/merge.py``) runs every mover inside its transaction, after both
entries are locked and before the removed one is deleted.

A mover gets the entry that goes and the one that stays and returns what it did: the ids of
the rows it moved, and of those it dropped because the entry that stays had them already.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from organisations.models import Organisation


@dataclass(frozen=True)
class Moved:
    moved: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)


Mover = Callable[[Organisation, Organisation], Moved]


@dataclass(frozen=True)
class Registration:
    key: str
    label: Any  # a lazy translated text, named on the merge record's page
    mover: Mover


movers: dict[str, Registration] = {}


def register_mover(key: str, label: Any, mover: Mover) -> None:
    """``mover(removed, kept)`` moves the rows of kind ``key`` (e.g. "networks.memberships")."""
    movers[key] = Registration(key=key, label=label, mover=mover)


def labels() -> dict[str, Any]:
    return {key: registration.label for key, registration in movers.items()}
