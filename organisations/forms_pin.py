"""The pin of an entry in its forms: two number fields that the map fills (or a person types)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from organisations.geocoding import within_bounds

PIN_FIELDS = ["latitude", "longitude"]


class PinFormMixin(forms.BaseForm):
    """Latitude and longitude come together and lie inside ``MAP_BOUNDS``; without
    JavaScript they are plain number fields with their labels."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hints = {
            "latitude": _("North–south position in degrees, e.g. 52.520008."),
            "longitude": _("East–west position in degrees, e.g. 13.404954."),
        }
        for name, hint in hints.items():
            field = self.fields.get(name)
            if field is not None:
                field.help_text = hint
                field.widget.attrs.update(inputmode="decimal", step="any", dir="ltr")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not all(name in self.fields for name in PIN_FIELDS) or any(
            name in self.errors for name in PIN_FIELDS
        ):
            return data
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            missing = "latitude" if latitude is None else "longitude"
            self.add_error(missing, _("Please give both latitude and longitude, or neither."))
        elif (
            latitude is not None
            and longitude is not None
            # Off the globe: the model's validators say so after this (more clearly).
            and -90 <= latitude <= 90
            and -180 <= longitude <= 180
            and not within_bounds(latitude, longitude)
        ):
            south, west, north, east = settings.MAP_BOUNDS
            self.add_error(
                "latitude",
                _(
                    "This point lies outside the area of the directory (latitude %(south)s to "
                    "%(north)s, longitude %(west)s to %(east)s)."
                )
                % {"south": south, "north": north, "west": west, "east": east},
            )
        return data
