from __future__ import annotations

import copy
from typing import Any, NamedTuple

from django import forms
from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from migra_hub.multilingual import MultilingualEntry, interface_languages, language_name_local

DJANGO_BLANK = "---------"


class FormRenderer(TemplatesSetting):
    """Renders every form field through one project-wide template (labels, help, errors)."""

    field_template_name = "forms/field.html"


class LanguageVersion(NamedTuple):
    code: str
    name: str  # in the language itself
    fields: list[BoundField]
    filled: bool
    open: bool  # something typed or wrong in it: shown unfolded


def version_field_name(language: str, field: str) -> str:
    return f"{field}__{language}"


class MultilingualFormMixin(forms.BaseForm):
    """For the forms of entries written in several languages (``MultilingualEntry``).

    Adds the original language (a select) and, for every interface language, the entry's
    multilingual fields once more ("description__uk"); the template shows them as one
    ``<details>`` per language (``templates/includes/_language_versions.html``), so that all of
    it goes in one POST and works without JavaScript. ``clean()`` turns them into
    ``original_language`` and ``translations`` in ``cleaned_data`` and on the instance.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model: type[MultilingualEntry] = self._meta.model  # type: ignore[attr-defined]
        self.multilingual_names = [
            name for name in model.multilingual_fields if name in self.fields
        ]
        instance = self._entry
        self.fields["original_language"] = forms.ChoiceField(
            label=_("Original language"),
            choices=[(code, language_name_local(code)) for code in interface_languages()],
            initial=instance.original_language,
            # Forms posted by older pages (and tests) without it keep the entry's language.
            required=False,
            help_text=_(
                "The language you wrote the texts above in. You can add versions in other "
                "languages below: visitors see the version in their language, otherwise your "
                "original."
            ),
        )
        saved = instance.translations if isinstance(instance.translations, dict) else {}
        for language in interface_languages():
            for name in self.multilingual_names:
                base = self.fields[name]
                widget = copy.deepcopy(base.widget)
                widget.attrs.update({"lang": language, "dir": "auto"})
                field = forms.CharField(
                    label=format_lazy("{} ({})", base.label, language_name_local(language)),
                    required=False,
                    max_length=getattr(base, "max_length", None),
                    widget=widget,
                )
                self.fields[version_field_name(language, name)] = field
                self.initial.setdefault(
                    version_field_name(language, name), saved.get(language, {}).get(name, "")
                )

    def _is_version(self, name: str) -> bool:
        return any(
            name == version_field_name(language, field)
            for language in interface_languages()
            for field in self.multilingual_names
        )

    @property
    def main_fields(self) -> list[BoundField]:
        """Every field but the language ones (shown by the language versions partial) and the
        hidden ones (``form.hidden_fields``)."""
        return [
            self[name]
            for name in self.fields
            if name != "original_language"
            and not self._is_version(name)
            and not self[name].is_hidden
        ]

    def current_original_language(self) -> str:
        if self.is_bound:
            posted = self.data.get(self.add_prefix("original_language"))
            if posted in interface_languages():
                return str(posted)
        return self._entry.original_language

    @property
    def _entry(self) -> MultilingualEntry:
        return self.instance  # type: ignore[attr-defined,no-any-return]

    def language_versions(self) -> list[LanguageVersion]:
        """One set of fields per language other than the original (and the original's too
        when something was typed into it, so that nothing typed is hidden)."""
        original = self.current_original_language()
        versions = []
        for language in interface_languages():
            fields = [self[version_field_name(language, name)] for name in self.multilingual_names]
            typed = any(field.value() for field in fields)
            errors = any(field.errors for field in fields)
            if language == original and not (typed or errors):
                continue
            versions.append(
                LanguageVersion(
                    language, language_name_local(language), fields, typed, typed or errors
                )
            )
        return versions

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        entry = self._entry
        original = cleaned.get("original_language") or entry.original_language
        # Versions in languages that are no longer interface languages are kept as they were.
        saved = entry.translations if isinstance(entry.translations, dict) else {}
        known = set(interface_languages())
        translations: dict[str, dict[str, str]] = {
            language: texts for language, texts in saved.items() if language not in known
        }
        for language in interface_languages():
            for name in self.multilingual_names:
                key = version_field_name(language, name)
                text = (cleaned.pop(key, "") or "").strip()
                if not text:
                    continue
                if language == original:
                    self.add_error(
                        key,
                        _(
                            "This is the original language: write this text in the field "
                            "above, or choose another original language."
                        ),
                    )
                    continue
                translations.setdefault(language, {})[name] = text
        cleaned["original_language"] = original
        cleaned["translations"] = translations
        entry.original_language = original
        entry.translations = translations
        return cleaned


class ChoiceList(forms.CheckboxSelectMultiple):
    """Checkboxes for a long list (some fifty languages): in columns on wide screens, and from
    ``searchable_from`` options on with a box that narrows the list as you type
    (static/js/choice-list.js; without JavaScript the box stays hidden and the list works)."""

    template_name = "forms/widgets/choice_list.html"
    searchable_from = 12

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        options = sum(len(options) for _group, options, _index in context["widget"]["optgroups"])
        context["widget"]["searchable"] = options >= self.searchable_from
        return context


class PleaseChooseMixin:
    """Entry forms: the empty option of every select reads "Please choose", never Django's
    "---------" (filter forms say "All districts" etc. instead, with their own empty_label)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label == DJANGO_BLANK:
                    field.empty_label = _("Please choose")
            elif isinstance(field, forms.ChoiceField):
                choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
                field.choices = [
                    (value, _("Please choose") if label == DJANGO_BLANK else label)
                    for value, label in choices
                ]
