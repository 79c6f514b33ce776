"""Edit forms that know when someone else saved since they were opened (optimistic locking).

An object people edit in forms carries a ``revision`` that every save of its own fields raises
(under its row lock). Its edit form carries the revision it was opened on; the service compares
it under the lock and, when someone else has saved since, saves nothing and raises
``ChangedMeanwhile`` with what is saved now beside what the editor sent. The form then takes the
new revision, so that saving again keeps the editor's version knowingly, and the page shows
both values with ``templates/includes/_edit_conflict.html``.
"""

from __future__ import annotations

import datetime
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext

from migra_hub.multilingual import language_name_local

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ChangedMeanwhile(ValidationError):
    """Someone else saved the object after the editor opened the form; nothing was saved.

    ``current`` is the object as it is now; ``differences`` names each field where what is
    saved now differs from what the editor sent: (field name, saved now, sent)."""

    def __init__(
        self,
        message: StrOrPromise,
        *,
        current: Model,
        differences: list[tuple[str, Any, Any]],
    ) -> None:
        super().__init__({NON_FIELD_ERRORS: [message]}, code="changed")
        self.current = current
        self.differences = differences


def differences(saved: Any, sent: Any) -> list[tuple[str, Any, Any]]:
    """(field, saved, sent) for each field of two instances of one dataclass that differ; a
    tuple of rows (chosen topics, languages) counts as a set."""
    return [
        (field.name, getattr(saved, field.name), getattr(sent, field.name))
        for field in fields(saved)
        if _comparable(getattr(saved, field.name)) != _comparable(getattr(sent, field.name))
    ]


def _comparable(value: Any) -> Any:
    if isinstance(value, tuple):
        return sorted(item.pk if isinstance(item, Model) else item for item in value)
    return value


class RevisionFormMixin(forms.BaseForm):
    """For edit forms: a hidden field with the revision the form was opened on."""

    revision_field = "revision"

    def add_revision_field(self, revision: int) -> None:
        """Required: a post without it (a page from before revisions, or a crafted post) is
        refused instead of being saved unchecked."""
        self.fields[self.revision_field] = forms.IntegerField(
            widget=forms.HiddenInput, required=True, initial=revision, min_value=1
        )
        self.initial.setdefault(self.revision_field, revision)

    def revision(self) -> int | None:
        """The revision the form was opened on (None from a page without it)."""
        value: int | None = self.cleaned_data.get(self.revision_field)
        return value

    def take_revision(self, revision: int) -> None:
        """After a conflict: the next save is made knowing what is saved now."""
        data = self.data.copy()  # type: ignore[attr-defined]
        data[self.add_prefix(self.revision_field)] = str(revision)
        self.data = data

    def conflict_rows(self, changed: ChangedMeanwhile) -> list[tuple[str, str, str]]:
        """(label, saved now, your entry) of each field that differs, as people read them, for
        ``templates/includes/_edit_conflict.html``."""
        rows = [
            (self.conflict_label(name), self.shown_value(name, old), self.shown_value(name, new))
            for name, old, new in changed.differences
        ]
        # Values that differ only in what a page cannot show (a time's seconds) are not listed.
        return [(label, saved, yours) for label, saved, yours in rows if saved != yours]

    def conflict_label(self, name: str) -> str:
        if name in self.fields:
            return str(self.fields[name].label)
        return str(capfirst(getattr(self._model_field(name), "verbose_name", name)))

    def shown_value(self, name: str, value: Any) -> str:
        """A value of the field ``name`` as people read it."""
        if value is None or value == "" or value == () or value == {}:
            return "–"
        if isinstance(value, bool):
            return gettext("yes") if value else gettext("no")
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        if isinstance(value, tuple):  # chosen rows: topics, languages
            return ", ".join(str(item) for item in value)
        if isinstance(value, dict):  # language versions
            return ", ".join(language_name_local(code) for code in sorted(value))
        if name == "original_language":
            return language_name_local(value)
        field = self.fields.get(name) or self._model_field(name)
        choices = dict(getattr(field, "choices", ()) or ())
        return str(choices.get(value, value))

    def _model_field(self, name: str) -> Any:
        model = getattr(getattr(self, "_meta", None), "model", None)
        return model._meta.get_field(name) if model is not None else None
