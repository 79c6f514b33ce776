from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

DJANGO_BLANK = "---------"


class FormRenderer(TemplatesSetting):
    """Renders every form field through one project-wide template (labels, help, errors)."""

    field_template_name = "forms/field.html"


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
