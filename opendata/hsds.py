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

This module holds the ids, taxonomies and terms; ``opendata.hsds_records`` builds the records,
``opendata.api`` serves them (``opendata.api_query`` reads and applies a list's parameters).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from organisations.models import (
    Language,
    OfferKind,
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
