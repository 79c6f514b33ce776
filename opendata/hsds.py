"""Our directory in the shape of Open Referral HSDS 3.0 (https://docs.openreferral.org).

The mapping, in one place (docs/open-data.md explains it for data users):

- Organisation -> ``organization``; its public address -> one ``location`` with an ``address``.
- Offer -> ``service``; the place where it happens -> its own ``location``, linked by a
  ``service_at_location``; the districts its organisation serves -> ``service_areas``.
- Topics, target groups, kinds of organisation and of offer, languages and the "migrant-led"
  characteristic -> ``taxonomy_terms`` of one ``taxonomy`` each, linked through ``attributes``.
- Languages -> ``languages`` of services (the offer's) and locations (the organisation's); the
  organisation's own languages are attributes as well, since HSDS has no organisation languages.

Ids are stable UUIDs: the ``uuid`` columns for what we store, and UUIDv5 derived from them for
what we only compose (locations, addresses, attributes, ...), so they stay the same between calls.
An organisation with "no public address" never has an address or coordinates here, and neither do
its offers (privacy first: the offer's place could reveal it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Model, Prefetch, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from migra_hub.multilingual import MultilingualEntry, interface_languages
from organisations.models import (
    District,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    TargetGroup,
    Topic,
)

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"

# Fixed namespace for the UUIDv5 ids we derive; never change it (every derived id would change).
NAMESPACE = uuid.UUID("0b5c2f8e-7d1a-4c3e-9a55-6f1d2e8b4a70")

JSON = dict[str, Any]


def derived_id(parent: uuid.UUID | str, *parts: str) -> str:
    """A stable id for something composed from ``parent`` (e.g. an organisation's location)."""
    parent_uuid = parent if isinstance(parent, uuid.UUID) else uuid.UUID(str(parent))
    return str(uuid.uuid5(parent_uuid, ":".join(parts)))


def compact(data: JSON) -> JSON:
    """Leave out empty optional values: HSDS prefers a missing field to an empty e-mail or URL."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# --- Taxonomies --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str | Promise
    description: str | Promise
    link_type: str
    model: type[Model] | None = None

    @property
    def id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, f"taxonomy:{self.key}"))

    def as_hsds(self) -> JSON:
        return {
            "id": self.id,
            "name": str(self.name),
            "description": str(self.description),
            "version": "1",
        }


TOPICS = Taxonomy(
    "topics", _("Migra Hub topics"), _("What an organisation or offer is about."), "topic", Topic
)
TARGET_GROUPS = Taxonomy(
    "target-groups",
    _("Migra Hub target groups"),
    _("Whom an organisation or offer is for."),
    "audience",
    TargetGroup,
)
ORGANISATION_KINDS = Taxonomy(
    "organisation-kinds",
    _("Migra Hub kinds of organisation"),
    _("The legal or organisational form of an organisation."),
    "organisation_kind",
    OrganisationKind,
)
OFFER_KINDS = Taxonomy(
    "offer-kinds",
    _("Migra Hub kinds of offer"),
    _("What kind of offer a service is."),
    "service_kind",
    OfferKind,
)
LANGUAGES = Taxonomy(
    "languages",
    _("Languages (ISO 639)"),
    _("Languages spoken; the code is the ISO 639 code."),
    "language",
    Language,
)
CHARACTERISTICS = Taxonomy(
    "characteristics",
    _("Migra Hub characteristics"),
    _("Self-declared characteristics of an organisation."),
    "characteristic",
)
TAXONOMIES = [TOPICS, TARGET_GROUPS, ORGANISATION_KINDS, OFFER_KINDS, LANGUAGES, CHARACTERISTICS]
TAXONOMY_BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}

MIGRANT_LED_CODE = "migrant-led"
MIGRANT_LED_ID = str(uuid.uuid5(NAMESPACE, f"term:{MIGRANT_LED_CODE}"))


@dataclass(frozen=True)
class Term:
    """One taxonomy term: a vocabulary entry, a language, or a fixed characteristic."""

    taxonomy: Taxonomy
    id: str
    code: str
    name: str
    obj: Model | None = None

    def as_hsds(self, *, detail: bool = False) -> JSON:
        data: JSON = {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "description": "",
            "taxonomy": str(self.taxonomy.name),
            "taxonomy_id": self.taxonomy.id,
            "language": (get_language() or settings.LANGUAGE_CODE)[:2],
        }
        if detail:
            data["taxonomy_detail"] = self.taxonomy.as_hsds()
        return data


def term_for(obj: Model) -> Term:
    if isinstance(obj, Language):
        return Term(LANGUAGES, str(obj.uuid), obj.code, obj.name, obj)
    taxonomy = next(t for t in TAXONOMIES if t.model is type(obj))
    return Term(taxonomy, str(obj.uuid), obj.slug, obj.name, obj)  # type: ignore[attr-defined]


def migrant_led_term() -> Term:
    return Term(CHARACTERISTICS, MIGRANT_LED_ID, MIGRANT_LED_CODE, str(_("migrant-led")))


def all_terms() -> list[Term]:
    """Every taxonomy term, in taxonomy order (one query per vocabulary)."""
    terms: list[Term] = []
    for taxonomy in TAXONOMIES:
        if taxonomy.model is not None:
            terms += [term_for(obj) for obj in _entries(taxonomy.model)]
    terms.append(migrant_led_term())
    return terms


def _entries(model: type[Model]) -> QuerySet[Model]:
    """A vocabulary's entries; with their names in every language where they have them."""
    entries = model._default_manager.all()
    return entries.prefetch_related("translations") if model is not Language else entries


def find_term(term_id: uuid.UUID) -> Term | None:
    """The term with this id, or None (at most one query per vocabulary)."""
    if str(term_id) == MIGRANT_LED_ID:
        return migrant_led_term()
    for taxonomy in TAXONOMIES:
        if taxonomy.model is not None:
            obj = _entries(taxonomy.model).filter(uuid=term_id).first()
            if obj is not None:
                return term_for(obj)
    return None


def attribute(term: Term, *, link_id: uuid.UUID, link_entity: str, value: str = "") -> JSON:
    return compact(
        {
            "id": derived_id(link_id, "attribute", term.id),
            "link_id": str(link_id),
            "link_type": term.taxonomy.link_type,
            "link_entity": link_entity,
            "taxonomy_term_id": term.id,
            "value": value,
            "taxonomy_term": term.as_hsds(),
        }
    )


def language(lang: Language, *, parent: uuid.UUID | str, **link: str) -> JSON:
    return {
        "id": derived_id(parent, "language", lang.code),
        **link,
        "name": lang.name,
        "code": lang.code,
    }


# --- Querysets with everything a page needs, in a fixed number of queries ----------------------


def public_organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.published()
        .select_related("kind")
        .prefetch_related("kind__translations")
    )


def public_organisations_in_full() -> QuerySet[Organisation]:
    return public_organisations().prefetch_related(
        Prefetch("districts", queryset=District.objects.select_related("city")),
        "languages",
        "counselling_languages",
        "topics__translations",
        "target_groups__translations",
        Prefetch("offers", queryset=offers_in_full_of_an_organisation()),
    )


def offers_in_full_of_an_organisation() -> QuerySet[Offer]:
    return (
        Offer.objects.select_related("kind")
        .prefetch_related(
            "kind__translations", "topics__translations", "target_groups__translations", "languages"
        )
        .order_by("title", "pk")
    )


def public_offers() -> QuerySet[Offer]:
    return (
        Offer.objects.public()
        .select_related("organisation", "organisation__kind", "kind")
        .prefetch_related("organisation__kind__translations", "kind__translations")
    )


def public_offers_in_full() -> QuerySet[Offer]:
    return public_offers().prefetch_related(
        "topics__translations",
        "target_groups__translations",
        "languages",
        Prefetch("organisation__districts", queryset=District.objects.select_related("city")),
    )


# --- Serialisers -------------------------------------------------------------------------------


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
    for language in interface_languages():
        if language == entry.original_language:
            continue
        texts = {name: entry.version(language, field) for name, field in names.items()}
        if any(texts.values()):
            versions.append({"language": language, **compact(texts)})
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


def api_info(site: Site) -> JSON:
    return {
        "version": HSDS_VERSION,
        "openapi_url": OPENAPI_URL,
        "publisher": settings.SITE_NAME,
        "source": site.url("/"),
        "license": {"name": settings.DATA_LICENCE_NAME, "url": settings.DATA_LICENCE_URL},
        "attribution": str(
            _("Data: %(site)s (%(url)s), licence %(licence)s")
            % {
                "site": settings.SITE_NAME,
                "url": site.url("/"),
                "licence": settings.DATA_LICENCE_NAME,
            }
        ),
        "endpoints": [
            site.url(reverse(name))
            for name in (
                "hsds:organizations",
                "hsds:services",
                "hsds:service_at_locations",
                "hsds:taxonomies",
                "hsds:taxonomy_terms",
            )
        ],
    }
