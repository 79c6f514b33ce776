"""The change log of published entries and putting back what a change replaced."""

from __future__ import annotations

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


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str


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
        model = record.instance_type
        changes.append(
            FieldChange(
                field=change.field,
                label=str(field.verbose_name),
                old=display_value(model, change.field, old),
                new=display_value(model, change.field, new),
            )
        )
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
