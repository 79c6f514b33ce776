"""What the events app's forms share: service errors on a form, single-line texts, date inputs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form: to the field it names if the form has
    it, else at the top of the form."""
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


def validate_single_line(value: str) -> None:
    """Titles and names go into e-mail subjects and calendar files, which a line break would
    break: they must fit on one line."""
    if "\n" in value or "\r" in value:
        raise ValidationError(_("Please write this on one line."), code="single_line")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_INPUT)


def replace_posted(form: forms.BaseForm, name: str, value: str) -> None:
    """Change one posted value of a bound form, e.g. the revision after an edit conflict: the
    form is shown again with what the person typed, and the next save knows what is saved now."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix(name)] = value
    form.data = data
