"""Form fields for choosing languages: all ISO 639 languages CLDR knows, sorted by their name
in the current interface language (case and accents ignored), not by code."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator

from organisations.language_names import sorted_by_name


class _ByName(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for language in sorted_by_name(self.queryset):
            yield self.choice(language)


class LanguageChoiceField(forms.ModelChoiceField):
    iterator = _ByName


class LanguageMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = _ByName
