"""What each version of an entry changed, for the history pages of owners and staff.

A page of versions costs the same number of queries however long the history is: the page and
the one version before it in one query, the many-to-many rows of all of them in one query per
field, and the names of related things (kinds, languages, topics...) in one query per model.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import ForeignKey, ManyToManyField, Model, prefetch_related_objects

from organisations.models import Organisation
from organisations.services.history import EMPTY, FieldChange, field_change
from organisations.services.versions import display_value

PER_PAGE = 20


@dataclass
class Version:
    record: Any
    what: str  # "added", "changed" or "deleted"
    changes: list[FieldChange]


class RelatedNames:
    """The names of related objects of a set of versions, loaded once per related model."""

    def __init__(self, model: type[Model], versions: list[Any]) -> None:
        wanted: dict[Any, set[Any]] = defaultdict(set)
        for model_field in model._meta.get_fields():
            if (
                isinstance(model_field, ManyToManyField)
                and versions
                and hasattr(versions[0], model_field.name)
            ):
                for version in versions:
                    wanted[model_field.related_model].update(_m2m_ids(version, model_field.name))
            elif isinstance(model_field, ForeignKey):
                attname = model_field.attname
                ids = {getattr(version, attname, None) for version in versions}
                wanted[model_field.related_model].update(ids)
        self.names: dict[Any, dict[Any, str]] = {
            related: {
                pk: str(obj) for pk, obj in related._default_manager.in_bulk(ids - {None}).items()
            }
            for related, ids in wanted.items()
        }

    def display(self, model: type[Model], name: str, value: Any) -> str:
        model_field = model._meta.get_field(name)
        names = self.names.get(model_field.related_model, {})
        if model_field.many_to_many:
            return ", ".join(sorted(names.get(pk, "?") for pk in value or [])) or EMPTY
        if model_field.is_relation:
            return names.get(value, EMPTY)
        return display_value(model, name, value)


def _m2m_field_names(record: Any) -> list[str]:
    return [f.name for f in getattr(record, "_history_m2m_fields", [])]


def _m2m_accessor(version: Any, name: str) -> str:
    """The reverse relation from a version to its rows of one many-to-many field, which (unlike
    ``version.<name>``) can be prefetched."""
    versions_model = version.instance_type.history.model
    # simple_history names the rows' model "<versions' model>_<field>", e.g.
    # HistoricalOrganisation_languages (and HistoricalOrganisation_counselling_languages).
    rows_model_name = f"{versions_model.__name__}_{name}"
    for relation in versions_model._meta.related_objects:
        if relation.related_model.__name__ == rows_model_name:
            return str(relation.get_accessor_name())
    raise LookupError(name)


def _m2m_ids(version: Any, name: str) -> set[Any]:
    model_field = version.instance_type._meta.get_field(name)
    target = model_field.m2m_reverse_field_name()
    rows = getattr(version, _m2m_accessor(version, name)).all()
    return {getattr(row, f"{target}_id") for row in rows}


def _changes(record: Any, previous: Any, names: RelatedNames) -> list[FieldChange]:
    model = record.instance_type
    m2m = _m2m_field_names(record)
    delta = record.diff_against(previous, excluded_fields=m2m)
    changes = [
        field_change(
            model, change.field, _plain(model, change.old), _plain(model, change.new), names.display
        )
        for change in delta.changes
    ]
    for name in m2m:
        old, new = _m2m_ids(previous, name), _m2m_ids(record, name)
        if old != new:
            changes.append(field_change(model, name, old, new, names.display))
    return changes


def _plain(model: type[Model], value: Any) -> Any:
    return value.pk if isinstance(value, Model) else value


def organisation_versions(
    organisation: Organisation, page_number: Any
) -> tuple[Page, list[Version]]:
    """One page of the entry's versions, newest first, each with what it changed."""
    history = organisation.history.select_related("history_user").order_by(  # type: ignore[attr-defined]
        "-history_date", "-history_id"
    )
    page = Paginator(history, PER_PAGE).get_page(page_number)
    records = list(page.object_list)
    # The version before the oldest of this page, to compare it with (one more row).
    older = list(history[page.end_index() : page.end_index() + 1]) if records else []
    everything = records + older
    if everything:
        prefetch_related_objects(
            everything,
            *(_m2m_accessor(everything[0], name) for name in _m2m_field_names(everything[0])),
        )
    names = RelatedNames(Organisation, everything)
    versions = []
    for index, record in enumerate(records):
        previous = everything[index + 1] if index + 1 < len(everything) else None
        if record.history_type == "-":
            versions.append(Version(record, "deleted", []))
        elif previous is None:
            versions.append(Version(record, "added", []))
        else:
            versions.append(Version(record, "changed", _changes(record, previous, names)))
    return page, versions
