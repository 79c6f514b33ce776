"""The "find the address on the map" button of the entry forms, for the views that show them.

The button posts the whole form; it comes back with everything as typed and the pin at the
address found, so it works without JavaScript and nothing is lost. The views call this only
after their own access checks (registering: signed in; editing: may edit the entry).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy

from migra_hub.ratelimit import is_rate_limited
from organisations.geocoding import GeocoderUnavailable, Place, geocode, geocoder_enabled

LOCATE = "locate"

FormT = TypeVar("FormT", bound=forms.BaseForm)

NOT_AVAILABLE = gettext_lazy(
    "The address lookup is not available. Please place the pin on the map or type its coordinates."
)
NO_ADDRESS = gettext_lazy("Please fill in the street, postcode or town first.")
TOO_MANY = gettext_lazy(
    "You have looked up many addresses in a short time. Please wait a while, or place the pin "
    "by hand."
)
NO_ANSWER = gettext_lazy(
    "The address lookup does not answer right now. Please try again later, or place the pin on "
    "the map or type its coordinates."
)
NOT_FOUND = gettext_lazy(
    "No place was found for this address in the area of the directory. Please check the "
    "address, or place the pin by hand."
)
FOUND = gettext_lazy("The pin is placed at: %(place)s. Please check it on the map, then save.")


def pin_lookup_requested(request: HttpRequest) -> bool:
    return request.method == "POST" and request.POST.get("action") == LOCATE


def form_with_pin_found(request: HttpRequest, form: FormT) -> FormT:
    """The same form, showing what was posted, with the coordinates of the address found."""
    values = {
        name: field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        for name, field in form.fields.items()
    }
    place = _look_up(request, values)
    if place is not None:
        values.update(latitude=place.latitude, longitude=place.longitude)
    # Shown unbound with the posted values as its initial ones: fields nobody has filled in
    # yet are not marked as mistakes, since nothing was saved.
    form.initial.update(values)
    form.is_bound = False
    form.data, form.files = MultiValueDict(), MultiValueDict()
    return form


def _look_up(request: HttpRequest, values: dict[str, Any]) -> Place | None:
    street, postcode, locality = (
        str(values.get(name) or "") for name in ("street", "postcode", "locality")
    )
    place, problem = None, None
    if not geocoder_enabled():
        problem = NOT_AVAILABLE
    elif not (street.strip() or postcode.strip() or locality.strip()):
        problem = NO_ADDRESS
    elif is_rate_limited(
        "geocoder", str(request.user.pk), limit=settings.GEOCODER_LIMIT_PER_USER, period=3600
    ):
        problem = TOO_MANY
    else:
        try:
            place = geocode(street=street, postcode=postcode, locality=locality)
        except GeocoderUnavailable:
            problem = NO_ANSWER
        else:
            problem = NOT_FOUND if place is None else None
    if problem is not None or place is None:
        messages.error(request, problem or NOT_FOUND)
        return None
    label = place.label or f"{place.latitude}, {place.longitude}"
    messages.success(request, FOUND % {"place": label})
    return place
