"""Saving an edit without losing anybody else's: versions, conflicts and "only what changed".

An edit form carries the version of the entry it was loaded from (the id of its newest row in
the history). When the entry has a newer version by the time the edit is saved, the values of
three versions are compared field by field: the one the form was loaded from, the one saved
now, and the one typed. A field only the editor changed is saved; a field only the other person
changed keeps their value; a field both changed (to different values) is a conflict, and
nothing is saved: the form is shown again with both values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from organisations.services.common import save_version


@dataclass(frozen=True)
class FieldConflict:
    field: str
    label: str
    theirs: str
    yours: str


class EditConflict(Exception):
    """Someone else changed the same fields since the form was loaded; nothing was saved."""

    def __init__(
        self, conflicts: list[FieldConflict], *, version: int, changed_by_them: list[str]
    ) -> None:
        super().__init__(", ".join(conflict.field for conflict in conflicts))
        self.conflicts = conflicts
        # For the shared conflict box: (label, saved meanwhile, yours) of each field.
        self.differences = [
            (capfirst(conflict.label), conflict.theirs, conflict.yours) for conflict in conflicts
        ]
        # The version to carry from now on, and the fields whose saved value the form should
        # show, because only the other person changed them.
        self.version = version
        self.changed_by_them = changed_by_them


def entry_version(instance: Model) -> int:
    """The id of the newest version of this object in its history (0: none yet)."""
    history = type(instance).history  # type: ignore[attr-defined]
    latest = (
        history.filter(id=instance.pk)
        .order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
    )
    return int(latest or 0)


def m2m_target_id(row: dict[str, Any], field: Any) -> Any:
    """The related object's id in a row of a historical many-to-many table."""
    name = field.m2m_reverse_field_name()
    return row.get(name, row.get(f"{name}_id"))


def _comparable(model: type[Model], name: str, value: Any) -> Any:
    field = model._meta.get_field(name)
    if field.many_to_many:
        return frozenset(item.pk if isinstance(item, Model) else item for item in value)
    if field.is_relation:
        return value.pk if isinstance(value, Model) else value
    return value


def _saved_value(instance: Model, name: str) -> Any:
    field = instance._meta.get_field(name)
    if field.many_to_many:
        return frozenset(getattr(instance, name).values_list("pk", flat=True))
    return getattr(instance, field.attname)  # type: ignore[union-attr]


def _version_value(record: Any, name: str) -> Any:
    field = record.instance_type._meta.get_field(name)
    if field.many_to_many:
        return frozenset(m2m_target_id(row, field) for row in getattr(record, name).values())
    return getattr(record, field.attname)


def display_value(model: type[Model], name: str, value: Any) -> str:
    """A field's value as people read it (names of related entries, labels of choices)."""
    field = model._meta.get_field(name)
    if field.many_to_many:
        related = field.related_model._default_manager  # type: ignore[union-attr]
        return ", ".join(str(obj) for obj in related.filter(pk__in=value or [])) or "–"
    if field.is_relation:
        manager = field.related_model._default_manager  # type: ignore[union-attr]
        obj = manager.filter(pk=value).first() if value is not None else None
        return str(obj) if obj else "–"
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))  # type: ignore[union-attr]
    if isinstance(value, bool):
        return str(_("yes")) if value else str(_("no"))
    if isinstance(value, dict):
        return (
            "; ".join(
                f"{language}: {' / '.join(texts.values())}" for language, texts in value.items()
            )
            or "–"
        )
    return str(value) if value not in (None, "") else "–"


def changed_fields(
    instance: Model, given: Mapping[str, Any], *, loaded_version: int | None
) -> list[str]:
    """The given fields to save on ``instance`` (read under its row lock).

    Raises ``EditConflict`` when someone else changed one of them differently since
    ``loaded_version``; ``None`` means the caller knows of no version (imports, the admin).
    """
    model = type(instance)
    yours = {name: _comparable(model, name, value) for name, value in given.items()}
    saved = {name: _saved_value(instance, name) for name in given}
    differing = [name for name in given if yours[name] != saved[name]]
    current = entry_version(instance)
    if loaded_version is None or loaded_version == current:
        return differing
    history = model.history  # type: ignore[attr-defined]
    loaded = history.filter(id=instance.pk, history_id=loaded_version).first()
    if loaded is None:  # an unknown version: every difference may be someone else's
        base = dict(saved)
        theirs = set(differing)
    else:
        base = {name: _version_value(loaded, name) for name in given}
        theirs = {name for name in given if base[name] != saved[name]}
    mine = [name for name in differing if yours[name] != base[name]]
    both = [name for name in mine if name in theirs]
    if both:
        conflicts = [
            FieldConflict(
                field=name,
                label=str(model._meta.get_field(name).verbose_name),  # type: ignore[union-attr]
                theirs=display_value(model, name, saved[name]),
                yours=display_value(model, name, yours[name]),
            )
            for name in both
        ]
        raise EditConflict(conflicts, version=current, changed_by_them=sorted(theirs - set(both)))
    return mine


def save_changes(
    instance: Model, given: Mapping[str, Any], names: list[str], *, user: User | None, reason: str
) -> None:
    """Set and save only ``names`` as one version in the history (many-to-many included)."""
    plain = [name for name in names if not instance._meta.get_field(name).many_to_many]
    for name in plain:
        setattr(instance, name, given[name])
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        for name in names:
            if name not in plain:
                getattr(instance, name).set(given[name])
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    save_version(instance, user=user, reason=reason, update_fields=[*plain, "updated_at"])


def create_as_one_version(
    instance: Model, many: Mapping[str, Any], *, user: User | None, reason: str
) -> None:
    """Insert a new object with its many-to-many values as its first version in the history
    (without this, every ``set()`` would add a version of its own)."""
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        instance.save()
        for name, objects in many.items():
            getattr(instance, name).set(objects)
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    save_version(instance, user=user, reason=reason, update_fields=["updated_at"])
