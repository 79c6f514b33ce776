"""Finding an address's coordinates through a Nominatim-compatible search service.

The lookup runs on the server, so the entry forms offer it without JavaScript and the browser
never talks to a third party. Which service (if any), its timeout and the User-Agent it is sent
are settings (``GEOCODER_*``); the area pins must lie in is ``MAP_BOUNDS``.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

# How many candidates to ask for: the first one inside MAP_BOUNDS is taken.
CANDIDATES = 5
COORDINATE_STEP = Decimal("0.000001")  # the six decimal places the address fields keep


class GeocoderUnavailable(Exception):
    """The service did not answer in time or answered something that is not a result list."""


@dataclass(frozen=True)
class Place:
    latitude: Decimal
    longitude: Decimal
    label: str


def geocoder_enabled() -> bool:
    return bool(settings.GEOCODER_URL)


def within_bounds(latitude: Decimal, longitude: Decimal) -> bool:
    """Whether a point lies in the area of the installation (anywhere, without MAP_BOUNDS)."""
    if not settings.MAP_BOUNDS:
        return True
    south, west, north, east = settings.MAP_BOUNDS
    return south <= latitude <= north and west <= longitude <= east


def geocode(*, street: str, postcode: str, locality: str) -> Place | None:
    """The first place the service finds for the address inside the area; None if none.

    Raises ``GeocoderUnavailable`` when the service fails; never anything else.
    """
    query = ", ".join(part.strip() for part in (street, f"{postcode} {locality}") if part.strip())
    if not query or not geocoder_enabled():
        return None
    for candidate in _search(query):
        place = _place(candidate)
        if place is not None and within_bounds(place.latitude, place.longitude):
            return place
    return None


def _search(query: str) -> list[Any]:
    params: dict[str, Any] = {"q": query, "format": "jsonv2", "limit": CANDIDATES}
    if settings.OPENDATA_COUNTRY:
        params["countrycodes"] = settings.OPENDATA_COUNTRY.lower()
    if settings.MAP_BOUNDS:
        south, west, north, east = settings.MAP_BOUNDS
        params.update(viewbox=f"{west},{north},{east},{south}", bounded=1)
    separator = "&" if "?" in settings.GEOCODER_URL else "?"
    request = urllib.request.Request(
        f"{settings.GEOCODER_URL}{separator}{urlencode(params)}",
        headers={
            "User-Agent": settings.GEOCODER_USER_AGENT,
            "Accept": "application/json",
            "Accept-Language": get_language() or settings.LANGUAGE_CODE,
        },
    )
    # The address is a setting, checked to be http(s) (migra_hub.env.env_url).
    try:
        with urllib.request.urlopen(request, timeout=settings.GEOCODER_TIMEOUT) as response:
            results = json.loads(response.read(1_000_000))
    except (OSError, ValueError) as error:  # URLError, timeouts and bad JSON alike
        logger.warning("Geocoder failed: %s", error)
        raise GeocoderUnavailable(str(error)) from error
    if not isinstance(results, list):
        raise GeocoderUnavailable("the answer is not a list of places")
    return results


def _place(candidate: Any) -> Place | None:
    if not isinstance(candidate, dict):
        return None
    try:
        latitude = Decimal(str(candidate["lat"])).quantize(COORDINATE_STEP)
        longitude = Decimal(str(candidate["lon"])).quantize(COORDINATE_STEP)
    except (KeyError, InvalidOperation):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Place(
        latitude=latitude, longitude=longitude, label=str(candidate.get("display_name", ""))
    )
