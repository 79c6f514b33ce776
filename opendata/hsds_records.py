"""Our organisations and offers as HSDS records (the mapping is described in ``opendata.hsds``):
organizations, services and service_at_locations, in the detail of a list or of a single record.
The querysets of ``opendata.selectors`` load what they read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from migra_hub.multilingual import MultilingualEntry, interface_languages
from opendata.hsds import (
    JSON,
    Term,
    attribute,
    compact,
    derived_id,
    language,
    migrant_led_term,
    term_for,
)
from organisations.models import Offer, Organisation


@dataclass(frozen=True)
class Site:
    """Where the site lives, for absolute links (``request.build_absolute_uri``)."""

    base_url: str

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path


def organisation_page(site: Site, organisation: Organisation) -> str:
    return site.url(reverse("organisations:detail", kwargs={"slug": organisation.slug}))


def organisation_basic(site: Site, organisation: Organisation) -> JSON:
    data = compact(
        {
            "id": str(organisation.uuid),
            "name": organisation.name,
            "alternate_name": organisation.short_name,
            "description": organisation.description,
            "email": organisation.email,
            "website": organisation.website,
            "tax_status": str(_("recognised as non-profit")) if organisation.non_profit else "",
            "year_incorporated": organisation.founding_year,
            "legal_status": organisation.kind.name,
            "uri": organisation_page(site, organisation),
        }
    )
    data["description"] = organisation.description  # required, even when empty
    return data | language_versions(organisation, {"description": "description"})


def language_versions(entry: MultilingualEntry, names: dict[str, str]) -> JSON:
    """HSDS 3.0 has one text per field. The standard fields carry the original; two extension
    fields (the schemas allow additional properties) say its language and carry the versions
    in other languages under the HSDS field names: ``original_language`` and
    ``translations`` = [{"language": "uk", "description": "..."}]."""
    versions: list[JSON] = []
    for code in interface_languages():
        if code == entry.original_language:
            continue
        texts = {name: entry.version(code, field) for name, field in names.items()}
        if any(texts.values()):
            versions.append({"language": code, **compact(texts)})
    data: JSON = {"original_language": entry.original_language}
    if versions:
        data["translations"] = versions
    return data


def organisation_location(organisation: Organisation) -> JSON | None:
    """The organisation's own public place, or None (no public address, or none given)."""
    if not (organisation.shows_address or organisation.shows_map):
        return None
    location_id = derived_id(organisation.uuid, "location")
    return place(
        location_id,
        organisation,
        name=organisation.name,
        organization_id=str(organisation.uuid),
        languages=[
            language(lang, parent=location_id, location_id=location_id)
            for lang in organisation.languages.all()
        ],
    )


def place(location_id: str, address: Organisation | Offer, **extra: Any) -> JSON:
    """A physical location with its postal address and, where known, coordinates."""
    data: JSON = {"id": location_id, "location_type": "physical", **extra}
    if address.latitude is not None and address.longitude is not None:
        data["latitude"] = float(address.latitude)
        data["longitude"] = float(address.longitude)
    if address.street or address.locality:
        data["addresses"] = [
            {
                "id": derived_id(location_id, "address"),
                "location_id": location_id,
                "address_1": address.street,
                "city": address.locality,
                "state_province": "",
                "postal_code": address.postcode,
                "country": settings.OPENDATA_COUNTRY,
                "address_type": "physical",
            }
        ]
    return compact(data)


def organisation_full(site: Site, organisation: Organisation) -> JSON:
    data = organisation_basic(site, organisation)
    org_id = organisation.uuid
    if organisation.phone:
        data["phones"] = [
            {
                "id": derived_id(org_id, "phone"),
                "organization_id": str(org_id),
                "number": organisation.phone,
            }
        ]
    location = organisation_location(organisation)
    data["locations"] = [location] if location else []
    if organisation.register_number:
        data["organization_identifiers"] = [
            compact(
                {
                    "id": derived_id(org_id, "identifier"),
                    "organization_id": str(org_id),
                    "identifier_type": str(_("register number")),
                    "identifier": " ".join(
                        filter(None, [organisation.register_court, organisation.register_number])
                    ),
                }
            )
        ]
    data["attributes"] = organisation_attributes(organisation)
    data["services"] = [
        service_full(site, offer, organisation=organisation, nest_organisation=False)
        for offer in organisation.offers.all()
    ]
    return data


def organisation_attributes(organisation: Organisation) -> list[JSON]:
    terms: list[tuple[Term, str]] = [(term_for(organisation.kind), "")]
    terms += [(term_for(topic), "") for topic in organisation.topics.all()]
    terms += [(term_for(group), "") for group in organisation.target_groups.all()]
    spoken = {lang.pk: lang for lang in organisation.languages.all()}
    counselling = {lang.pk: lang for lang in organisation.counselling_languages.all()}
    for pk, lang in sorted({**spoken, **counselling}.items()):
        uses = [
            use for use, langs in (("spoken", spoken), ("counselling", counselling)) if pk in langs
        ]
        terms.append((term_for(lang), ",".join(uses)))
    if organisation.migrant_led:
        terms.append((migrant_led_term(), "true"))
    return [
        attribute(term, link_id=organisation.uuid, link_entity="organization", value=value)
        for term, value in terms
    ]


def service_status(offer: Offer) -> str:
    return "inactive" if offer.has_ended else "active"


def service_basic(site: Site, offer: Offer, *, organisation: Organisation) -> JSON:
    modified = max(offer.updated_at, organisation.updated_at)
    return compact(
        {
            "id": str(offer.uuid),
            "organization_id": str(organisation.uuid),
            "name": offer.title,
            "description": offer.description,
            "url": organisation_page(site, organisation),
            "email": organisation.email,
            "status": service_status(offer),
            "fees_description": offer.get_cost_display(),
            "application_process": str(_("Registration needed."))
            if offer.registration_required
            else "",
            "last_modified": modified.isoformat(),
        }
    ) | language_versions(offer, {"name": "title", "description": "description"})


def service_location(offer: Offer, organisation: Organisation) -> JSON | None:
    """Where the offer takes place, if that may be public."""
    if organisation.no_public_address:
        return None
    address: Organisation | Offer = organisation if offer.at_organisation_address else offer
    if not (address.street or address.locality or address.latitude is not None):
        return None
    location_id = derived_id(offer.uuid, "location")
    features = [
        ("step_free", offer.step_free, _("step-free access")),
        ("accessible_toilet", offer.accessible_toilet, _("accessible toilet")),
        ("hearing_loop", offer.hearing_loop, _("hearing loop")),
    ]
    accessibility = [
        {
            "id": derived_id(location_id, "accessibility", key),
            "location_id": location_id,
            "description": str(label),
        }
        for key, present, label in features
        if present
    ]
    if offer.accessibility_notes:
        accessibility.append(
            {
                "id": derived_id(location_id, "accessibility", "notes"),
                "location_id": location_id,
                "description": str(_("notes on accessibility")),
                "details": offer.accessibility_notes,
            }
        )
    return place(
        location_id,
        address,
        name=organisation.name if offer.at_organisation_address else offer.title,
        organization_id=str(organisation.uuid),
        accessibility=accessibility,
    )


def service_at_location_id(offer: Offer) -> str:
    return derived_id(offer.uuid, "service_at_location")


def service_full(
    site: Site, offer: Offer, *, organisation: Organisation, nest_organisation: bool = True
) -> JSON:
    data = service_basic(site, offer, organisation=organisation)
    service_id = str(offer.uuid)
    data["languages"] = [
        language(lang, parent=offer.uuid, service_id=service_id) for lang in offer.languages.all()
    ]
    data["attributes"] = [
        attribute(term, link_id=offer.uuid, link_entity="service")
        for term in [
            term_for(offer.kind),
            *(term_for(topic) for topic in offer.topics.all()),
            *(term_for(group) for group in offer.target_groups.all()),
        ]
    ]
    data["service_areas"] = [
        {
            "id": derived_id(offer.uuid, "service_area", str(district.pk)),
            "service_id": service_id,
            "name": f"{district.name}, {district.city.name}",
            "extent_type": "text",
        }
        for district in organisation.districts.all()
    ]
    data |= service_terms(offer)
    location = service_location(offer, organisation)
    data["service_at_locations"] = (
        [
            {
                "id": service_at_location_id(offer),
                "service_id": service_id,
                "location_id": location["id"],
                "location": location,
            }
        ]
        if location
        else []
    )
    if nest_organisation:
        data["organization"] = organisation_basic(site, organisation)
    return data


def service_terms(offer: Offer) -> JSON:
    """When the offer runs and what it costs, where it says so."""
    data: JSON = {}
    service_id = str(offer.uuid)
    if offer.schedule or offer.starts_on or offer.ends_on:
        data["schedules"] = [
            compact(
                {
                    "id": derived_id(offer.uuid, "schedule"),
                    "service_id": service_id,
                    "valid_from": offer.starts_on.isoformat() if offer.starts_on else "",
                    "valid_to": offer.ends_on.isoformat() if offer.ends_on else "",
                    "description": offer.schedule,
                }
            )
        ]
    if offer.cost == Offer.Cost.FREE:
        data["cost_options"] = [
            {
                "id": derived_id(offer.uuid, "cost_option"),
                "service_id": service_id,
                "option": offer.get_cost_display(),
                "amount": 0,
                "currency": "EUR",
            }
        ]
    return data


def service_list_item(site: Site, offer: Offer) -> JSON:
    data = service_basic(site, offer, organisation=offer.organisation)
    data["organization"] = organisation_basic(site, offer.organisation)
    return data


def service_at_location_list_item(site: Site, offer: Offer) -> JSON | None:
    location = service_location(offer, offer.organisation)
    if location is None:
        return None
    basic_location = {
        key: value
        for key, value in location.items()
        if key not in {"addresses", "accessibility", "languages"}
    }
    return {
        "id": service_at_location_id(offer),
        "service_id": str(offer.uuid),
        "location_id": location["id"],
        "location": basic_location,
        "service": service_list_item(site, offer),
    }
