"""The change log of published entries and putting back what a change replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

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


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str


def _display(record: Any, field_name: str, value: Any) -> str:
    field = record.instance_type._meta.get_field(field_name)
    if field.many_to_many:
        related = field.related_model
        ids = [row[field.m2m_reverse_field_name()] for row in value] if value else []
        return ", ".join(str(obj) for obj in related.objects.filter(pk__in=ids)) or "–"
    if field.is_relation:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes")) if value else str(_("no"))
    return str(value) if value not in (None, "") else "–"


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
            old = [{field.m2m_reverse_field_name(): _m2m_target_id(row, field)} for row in old]
            new = [{field.m2m_reverse_field_name(): _m2m_target_id(row, field)} for row in new]
        changes.append(
            FieldChange(
                field=change.field,
                label=str(field.verbose_name),
                old=_display(record, change.field, old),
                new=_display(record, change.field, new),
            )
        )
    return changes


def _m2m_target_id(row: dict[str, Any], field: Any) -> Any:
    name = field.m2m_reverse_field_name()
    return row.get(name, row.get(f"{name}_id"))


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
        current = model.objects.filter(pk=record.id).first()
        if current is None:
            raise TransitionNotAllowed("the entry is gone")
        instance = current
        delta = record.diff_against(previous)
        m2m_names = {field.name for field in previous._history_m2m_fields}
        instance.skip_history_when_saving = True  # type: ignore[attr-defined]
        try:
            for name in delta.changed_fields:
                if name not in m2m_names:
                    field = model._meta.get_field(name)
                    setattr(instance, field.attname, getattr(previous, field.attname))
            instance.save()
            _restore_m2m(instance, previous, set(delta.changed_fields) & m2m_names)
        finally:
            del instance.skip_history_when_saving  # type: ignore[attr-defined]
        save_version(instance, user=staff, reason=REVERT_CHANGE)
    record_decision(
        organisation if model is not Organisation else instance,  # type: ignore[arg-type]
        action=Action.REVERTED,
        staff=staff,
        message=str(record.history_object) if model is Offer else "",
    )
    organisation_search_refresh(organisation_ids=[organisation_id])
    return instance


def _restore_m2m(instance: Model, version: Any, names: set[str] | None) -> None:
    for field in version._history_m2m_fields:
        if names is not None and field.name not in names:
            continue
        ids = [_m2m_target_id(row, field) for row in getattr(version, field.name).values()]
        getattr(instance, field.name).set([pk for pk in ids if pk is not None])
