"""schema.org JSON-LD for search engines: an organisation as an ``Organization``, an event as
an ``Event``.

Address and coordinates only where public; contact only what the entry shows anyway. An event's
online link is for confirmed participants only, so it never appears here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from events.models import Event, Organiser
from events.models.organiser import organiser_name, organiser_url
from migra_hub.links import is_web_address, link_lines
from migra_hub.multilingual import MultilingualEntry
from organisations.models import Offer, Organisation

SCHEMA = "https://schema.org/"
# "Parkstraße 12, 13187 Berlin": street, then a German postcode and the locality.
VENUE_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{5})\s+(?P<locality>.+)$")


def language_values(entry: MultilingualEntry, field: str) -> str | list[dict[str, str]]:
    """A text written by the organisation: a plain string when there is only the original
    (what search engines read best), otherwise every version as a language-tagged value
    (``{"@value": ..., "@language": "uk"}``), the original first."""
    versions = list(entry.all_versions(field))
    if len(versions) <= 1:
        return str(getattr(entry, field))
    return [{"@value": text, "@language": language} for language, text in versions]


def organisation_jsonld(organisation: Organisation, *, page_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": f"{page_url}#organisation",
        "identifier": f"urn:uuid:{organisation.uuid}",
        "name": organisation.name,
        "url": page_url,
    }
    if organisation.short_name:
        data["alternateName"] = organisation.short_name
    if organisation.description:
        data["description"] = language_values(organisation, "description")
    # Only web pages: sameAs names pages about the organisation, and other sites follow them.
    same_as = [organisation.website, *link_lines(organisation.social_links)]
    if web_pages := [link for link in same_as if is_web_address(link)]:
        data["sameAs"] = web_pages
    if organisation.email:
        data["email"] = organisation.email
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.founding_year:
        data["foundingDate"] = str(organisation.founding_year)
    data |= organisation_place(organisation)
    districts = [district.name for district in organisation.districts.all()]
    if districts:
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": name} for name in districts]
    languages = [lang.code for lang in organisation.languages.all()]
    if languages:
        data["knowsLanguage"] = languages
    topics = [topic.name for topic in organisation.topics.all()]
    if topics:
        data["knowsAbout"] = topics
    offers = [offer for offer in organisation.offers.all() if not offer.has_ended]
    if offers:
        data["makesOffer"] = [offer_jsonld(offer) for offer in offers]
    return data


def organisation_place(organisation: Organisation) -> dict[str, Any]:
    """Address, coordinates and contact point, as far as the organisation makes them public."""
    data: dict[str, Any] = {}
    if organisation.shows_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organisation.street,
            "postalCode": organisation.postcode,
            "addressLocality": organisation.locality,
            "addressCountry": settings.OPENDATA_COUNTRY,
        }
    if organisation.shows_map:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(organisation.latitude),  # type: ignore[arg-type]
            "longitude": float(organisation.longitude),  # type: ignore[arg-type]
        }
    if organisation.email or organisation.phone:
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "general",
            **({"email": organisation.email} if organisation.email else {}),
            **({"telephone": organisation.phone} if organisation.phone else {}),
            "availableLanguage": [lang.code for lang in organisation.languages.all()],
        }
    return data


def offer_jsonld(offer: Offer) -> dict[str, Any]:
    service: dict[str, Any] = {"@type": "Service", "name": language_values(offer, "title")}
    if offer.description:
        service["description"] = language_values(offer, "description")
    data: dict[str, Any] = {"@type": "Offer", "itemOffered": service}
    if offer.cost == offer.Cost.FREE:
        data |= {"price": "0", "priceCurrency": "EUR"}
    return data


# --- Events ------------------------------------------------------------------------------------


def local_iso(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat()


def event_address(venue_address: str) -> dict[str, str]:
    address = {"@type": "PostalAddress"}
    match = VENUE_ADDRESS.match(venue_address.strip())
    if match:
        address |= {
            "streetAddress": match["street"].strip(),
            "postalCode": match["postcode"],
            "addressLocality": match["locality"].strip(),
        }
    else:
        address["streetAddress"] = venue_address.strip()
    address["addressCountry"] = settings.OPENDATA_COUNTRY
    return address


def event_locations(event: Event) -> list[dict[str, Any]]:
    locations: list[dict[str, Any]] = []
    if event.venue_name or event.venue_address:
        place: dict[str, Any] = {"@type": "Place", "name": event.venue_name or event.venue_address}
        if event.venue_address:
            place["address"] = event_address(event.venue_address)
        locations.append(place)
    if event.online_link:
        # Without the link: that is for confirmed participants only.
        locations.append({"@type": "VirtualLocation", "name": gettext("Online")})
    if not locations:
        locations.append({"@type": "Place", "name": gettext("to be announced")})
    return locations


def attendance_mode(event: Event) -> str:
    on_site = bool(event.venue_name or event.venue_address)
    if on_site and event.online_link:
        return SCHEMA + "MixedEventAttendanceMode"
    if event.online_link:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def _organiser(party: Organiser, *, absolute: Callable[[str], str]) -> dict[str, Any]:
    organiser: dict[str, Any] = {"@type": "Organization", "name": organiser_name(party)}
    if url := organiser_url(party):
        organiser["url"] = absolute(url)
    if isinstance(party, Organisation):
        organiser["identifier"] = f"urn:uuid:{party.uuid}"
    return organiser


def event_organiser(
    event: Event, *, absolute: Callable[[str], str]
) -> dict[str, Any] | list[dict[str, Any]]:
    """The organiser, or the list of organisers (the lead first) of an event run together."""
    organisers = [_organiser(party, absolute=absolute) for party in event.organisers]
    return organisers[0] if len(organisers) == 1 else organisers


def availability(event: Event, now: datetime.datetime) -> str:
    """PreOrder before sign-up opens, SoldOut when no seat can be had, InStock otherwise."""
    state = event.signup_state(now)
    if state == "not_yet_open":
        return SCHEMA + "PreOrder"
    if state == "open" and not event.is_fully_booked:
        return SCHEMA + "InStock"
    return SCHEMA + "SoldOut"


def event_offer(event: Event, *, page_url: str, now: datetime.datetime) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "EUR",
        "availability": availability(event, now),
        "url": page_url,
        "validThrough": local_iso(event.effective_signup_closes_at),
    }
    valid_from = event.signup_opens_at or event.published_at
    if valid_from:
        offer["validFrom"] = local_iso(valid_from)
    return offer


def event_jsonld(
    event: Event,
    *,
    page_url: str,
    absolute: Callable[[str], str],
    now: datetime.datetime | None = None,
) -> dict[str, Any]:
    """The event as a schema.org ``Event``. Call only for public events (``is_public_event``)."""
    now = now or timezone.now()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": f"{page_url}#event",
        "name": language_values(event, "title"),
        "url": page_url,
        "startDate": local_iso(event.starts_at),
        "endDate": local_iso(event.ends_at),
        "eventStatus": SCHEMA + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": attendance_mode(event),
    }
    if event.description:
        data["description"] = language_values(event, "description")
    locations = event_locations(event)
    data["location"] = locations[0] if len(locations) == 1 else locations
    data["organizer"] = event_organiser(event, absolute=absolute)
    languages = [language.code for language in event.languages.all()]
    if languages:
        data["inLanguage"] = languages[0] if len(languages) == 1 else languages
    data["isAccessibleForFree"] = True
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        data["remainingAttendeeCapacity"] = event.seats_left()
    if not event.is_cancelled:
        data["offers"] = event_offer(event, page_url=page_url, now=now)
    return data
