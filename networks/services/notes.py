"""The network's notes: minutes and decisions kept with the network."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.models import User
from networks import access
from networks.models import Network, NetworkNote


@transaction.atomic
def note_create(
    *,
    network: Network,
    user: User,
    title: str,
    text: str,
    date: datetime.date,
    attachment_url: str = "",
) -> NetworkNote:
    if not access.can_curate(user, network):
        raise PermissionDenied
    note = NetworkNote(
        network=network,
        author=user,
        author_name=str(user),
        title=title,
        text=text,
        date=date,
        attachment_url=attachment_url,
    )
    note.full_clean()
    note.save()
    return note
