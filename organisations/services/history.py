"""The change log of published entries (what each version changed, long texts word by word)
and putting back what a change replaced."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model

from accounts.models import User
from organisations.models import (
    Offer,
    Organisation,
)
from organisations.search import organisation_search_refresh
from organisations.services.common import (
    REVERT_CHANGE,
    Action,
    TransitionNotAllowed,
    lock_entry,
    record_decision,
    save_version,
)
from organisations.services.versions import display_value, m2m_target_id

# Values longer than this (in characters) are shown as a word diff rather than whole.
LONG_TEXT = 60
EMPTY = "–"
WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    """A run of words that both versions share ("equal"), or that one removed or added."""

    kind: str  # "equal", "delete" or "insert"
    text: str


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str
    # A word diff of long texts: the old text with its deletions, the new with its insertions.
    old_segments: list[Segment] = dataclasses.field(default_factory=list)
    new_segments: list[Segment] = dataclasses.field(default_factory=list)


def word_diff(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """The two texts split into shared and changed runs of words (whitespace kept)."""
    before, after = WORDS.findall(old), WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    old_segments: list[Segment] = []
    new_segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            text = "".join(before[i1:i2])
            old_segments.append(Segment("equal", text))
            new_segments.append(Segment("equal", text))
            continue
        if i2 > i1:
            old_segments.append(Segment("delete", "".join(before[i1:i2])))
        if j2 > j1:
            new_segments.append(Segment("insert", "".join(after[j1:j2])))
    return old_segments, new_segments


def field_change(
    model: type[Model],
    name: str,
    old: Any,
    new: Any,
    display: Callable[[type[Model], str, Any], str] = display_value,
) -> FieldChange:
    """One field's change as people read it (``display`` may know related names already)."""
    shown_old, shown_new = display(model, name, old), display(model, name, new)
    change = FieldChange(
        field=name,
        label=str(model._meta.get_field(name).verbose_name),  # type: ignore[union-attr]
        old=shown_old,
        new=shown_new,
    )
    long = max(len(shown_old), len(shown_new)) > LONG_TEXT
    if long and EMPTY not in (shown_old, shown_new):
        change.old_segments, change.new_segments = word_diff(shown_old, shown_new)
    return change


def record_changes(record: Any) -> list[FieldChange]:
    """What one version changed against the version before it (empty for the first one)."""
    previous = record.prev_record
    if previous is None or record.history_type == "-":
        return []
    delta = record.diff_against(previous)
    changes = []
    for change in delta.changes:
        field = record.instance_type._meta.get_field(change.field)
        old, new = change.old, change.new
        if field.many_to_many:
            old = [m2m_target_id(row, field) for row in old or []]
            new = [m2m_target_id(row, field) for row in new or []]
        changes.append(field_change(record.instance_type, change.field, old, new))
    return changes


@transaction.atomic
def history_revert(*, record: Any, staff: User) -> Model:
    """Put back the values a logged change replaced (only the fields that change touched).

    Works for versions of an organisation and of an offer; a deleted offer is restored, an
    offer added by the change is deleted.
    """
    model = record.instance_type
    organisation_id = record.id if model is Organisation else record.organisation_id
    organisation = lock_entry(Organisation(pk=organisation_id))
    previous = record.prev_record
    if model is Offer and record.history_type == "-":
        # The deletion's own snapshot has the last values but no longer any m2m rows.
        restored = record.instance
        save_version(restored, user=staff, reason=REVERT_CHANGE)
        if previous is not None:
            _restore_m2m(restored, previous, None)
        instance: Model = restored
    elif model is Offer and previous is None:
        offer = Offer.objects.filter(pk=record.id).first()
        if offer is None:
            raise TransitionNotAllowed("the offer is gone already")
        instance = offer
        instance._history_user = staff  # type: ignore[attr-defined]
        instance._change_reason = REVERT_CHANGE  # type: ignore[attr-defined]
        instance.delete()
    else:
        if previous is None:
            raise TransitionNotAllowed("the first version cannot be reverted")
        if model is Organisation:
            instance = organisation
        else:
            offer = Offer.objects.select_for_update().filter(pk=record.id).first()
            if offer is None:
                raise TransitionNotAllowed("the offer is gone")
            instance = offer
        _put_back(instance, record, previous, staff=staff)
    record_decision(
        organisation if model is not Organisation else instance,  # type: ignore[arg-type]
        action=Action.REVERTED,
        staff=staff,
        message=str(record.history_object) if model is Offer else "",
    )
    organisation_search_refresh(organisation_ids=[organisation_id])
    return instance


def _put_back(instance: Model, record: Any, previous: Any, *, staff: User) -> None:
    """Only the fields the change touched get their previous values, as one new version."""
    delta = record.diff_against(previous)
    m2m_names = {field.name for field in previous._history_m2m_fields}
    plain = [
        instance._meta.get_field(name) for name in delta.changed_fields if name not in m2m_names
    ]
    for field in plain:
        setattr(instance, field.attname, getattr(previous, field.attname))  # type: ignore[union-attr]
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        _restore_m2m(instance, previous, set(delta.changed_fields) & m2m_names)
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    save_version(
        instance,
        user=staff,
        reason=REVERT_CHANGE,
        update_fields=[*(field.name for field in plain), "updated_at"],
    )


def _restore_m2m(instance: Model, version: Any, names: set[str] | None) -> None:
    for field in version._history_m2m_fields:
        if names is not None and field.name not in names:
            continue
        ids = [m2m_target_id(row, field) for row in getattr(version, field.name).values()]
        getattr(instance, field.name).set([pk for pk in ids if pk is not None])
