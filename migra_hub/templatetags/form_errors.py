"""The GOV.UK error pattern for every form: the summary's items and the page title's prefix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import django_filters
from django import template
from django.forms import BaseForm, BaseFormSet
from django.utils.translation import gettext as _

register = template.Library()


@dataclass(frozen=True)
class ErrorItem:
    """One line of the error summary; ``anchor`` is the id of the field it leads to, if any."""

    message: str
    anchor: str = ""


def _forms_of(value: Any) -> Iterator[BaseForm]:
    if isinstance(value, BaseForm):
        yield value
    elif isinstance(value, BaseFormSet):
        yield from value.forms
    elif isinstance(value, django_filters.FilterSet):
        yield value.form


def _has_errors(value: Any) -> bool:
    # type(), not isinstance(): isinstance() would evaluate the lazy objects of the context
    # (the user; the CSRF token, which would then set a cookie on every page).
    if not issubclass(type(value), (BaseForm, BaseFormSet, django_filters.FilterSet)):
        return False
    if isinstance(value, BaseFormSet):
        return value.is_bound and not value.is_valid()
    return any(form.is_bound and form.errors for form in _forms_of(value))


def _field_anchor(form: BaseForm, name: str) -> str:
    """The id the summary links to: the input itself, or the first of a group of checkboxes."""
    if name not in form.fields:
        return ""
    field = form[name]
    if field.is_hidden or not field.auto_id:
        return ""
    return field.id_for_label or f"{field.auto_id}_0"


def _summary_message(label: Any, error: Any) -> str:
    """The error with its field's label in front ("Name: This field is required."), since
    Django's messages do not say which field they belong to. A label that is a sentence of its
    own (a consent box) goes with its specific message alone."""
    label = str(label or "").strip()
    if not label or label[-1] in ".?!:":
        return str(error)
    return _("%(label)s: %(error)s") % {"label": label, "error": error}


def error_items_of(*values: Any) -> list[ErrorItem]:
    """Every error of the given forms, formsets or filter sets, in the order of their fields."""
    items: list[ErrorItem] = []
    for value in values:
        if isinstance(value, BaseFormSet) and value.is_bound:
            items += [ErrorItem(str(error)) for error in value.non_form_errors()]
        for form in _forms_of(value):
            if not form.is_bound:
                continue
            items += [ErrorItem(str(error)) for error in form.non_field_errors()]
            for name in form.fields:
                anchor = _field_anchor(form, name)
                for error in form.errors.get(name, []):
                    items.append(ErrorItem(_summary_message(form[name].label, error), anchor))
    return items


@register.simple_tag
def error_items(*values: Any) -> list[ErrorItem]:
    """``{% error_items form formset as errors %}``: what the error summary lists."""
    return error_items_of(*[value for value in values if value])


@register.simple_tag(takes_context=True)
def page_has_errors(context: template.Context) -> bool:
    """``{% page_has_errors as form_errors %}``: a form of the page was sent back with errors.
    base.html then prefixes the title with "Error:" (GOV.UK) and loads error-summary.js."""
    return any(_has_errors(value) for value in context.flatten().values())
