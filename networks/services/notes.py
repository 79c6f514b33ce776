"""The network's notes: minutes and decisions kept with the network."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, fields

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.revisions import ChangedMeanwhile, differences
from networks import access
from networks.models import Network, NetworkNote, NoteVersion


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


@dataclass(frozen=True)
class NoteData:
    """What a note's edit form sets."""

    title: str
    text: str
    date: datetime.date
    attachment_url: str = ""

    @classmethod
    def of(cls, note: NetworkNote) -> NoteData:
        return cls(**{f.name: getattr(note, f.name) for f in fields(cls)})


class NoteChanged(ChangedMeanwhile):
    """Someone else saved the note after the editor opened the form; nothing was saved."""

    current: NetworkNote

    def __init__(self, *, current: NetworkNote, data: NoteData) -> None:
        super().__init__(
            _(
                "This note was changed by someone else since you opened it. Your changes are "
                "not saved yet: compare them with what is saved now below, then save again to "
                "keep yours."
            ),
            current=current,
            differences=differences(NoteData.of(current), data),
        )


@transaction.atomic
def note_update(
    *, note: NetworkNote, user: User, data: NoteData, revision: int | None = None
) -> NetworkNote:
    """Save an edit of a note by its author or a curator, keeping what it said before as a
    ``NoteVersion``. ``revision`` is the note's revision the form was opened on: when the note
    has been saved since, nothing is saved (``NoteChanged``)."""
    locked = NetworkNote.objects.select_for_update().select_related("network").get(pk=note.pk)
    if not access.can_edit_note(user, locked.network, locked):
        raise PermissionDenied
    if revision is not None and revision != locked.revision:
        raise NoteChanged(current=locked, data=data)
    if NoteData.of(locked) == data:
        return locked
    NoteVersion.objects.create(
        note=locked,
        **asdict(NoteData.of(locked)),
        written_by=locked.edited_by if locked.edited_at else locked.author,
        written_by_name=locked.edited_by_name if locked.edited_at else locked.author_name,
        written_at=locked.edited_at or locked.created_at,
    )
    for name, value in asdict(data).items():
        setattr(locked, name, value)
    locked.edited_by = user
    locked.edited_by_name = str(user)
    locked.edited_at = timezone.now()
    locked.revision += 1
    locked.full_clean()
    locked.save(
        update_fields=[*asdict(data), "edited_by", "edited_by_name", "edited_at", "revision"]
    )
    return locked
