"""The map of the entry forms where the pin is placed (``{% pin_map form %}``)."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.conf import settings
from django.db.models import Max, Min

from organisations.geocoding import geocoder_enabled
from organisations.models import Organisation

register = template.Library()


def _start_bounds() -> str:
    """Where the map opens before a pin is set: the installation's area, else the extent of the
    pins the directory has (one query), else nothing (the script shows a wide view)."""
    if settings.MAP_BOUNDS:
        return ",".join(str(value) for value in settings.MAP_BOUNDS)
    extent = (
        Organisation.objects.published()
        .with_public_location()
        .aggregate(
            south=Min("latitude"),
            west=Min("longitude"),
            north=Max("latitude"),
            east=Max("longitude"),
        )
    )
    if extent["south"] is None:
        return ""
    return ",".join(str(extent[side]) for side in ("south", "west", "north", "east"))


@register.inclusion_tag("organisations/_pin_map.html")
def pin_map(form: forms.BaseForm) -> dict[str, Any]:
    return {
        "latitude_id": form["latitude"].auto_id,
        "longitude_id": form["longitude"].auto_id,
        "bounds": _start_bounds(),
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "geocoder": geocoder_enabled(),
    }


@register.simple_tag
def address_lookup_offered() -> bool:
    return geocoder_enabled()
