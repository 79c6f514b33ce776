"""Read HSDS 3.0 JSON: an organization or a service document, a service_at_location, a list of
them, or an API page (``{"contents": [...]}``).

The HSDS id becomes the entry's ``external_id``. Taxonomy terms of our own taxonomies (see
``opendata.hsds``) become topics, target groups, kinds, languages and "migrant-led"; terms of other
taxonomies are reported and left out. What we have no place for (funding, programs, contacts,
...) is left out silently.
"""

from __future__ import annotations

import uuid
from typing import Any

from opendata import hsds
from opendata.hsds_terms import JSONObject, TermReader, as_list, text, unique
from opendata.import_files import ImportFile, parse_json
from opendata.importing import (
    OrganisationRecord,
    Record,
    Vocabularies,
    clean_coordinate,
    clean_email,
    clean_url,
    clean_year,
)
from organisations.models import Offer, Organisation


def load_documents(file: ImportFile) -> list[tuple[str, JSONObject]]:
    """The documents of a file: one, a list of them, or an API page (``{"contents": [...]}``),
    each with where it is in the file."""
    data = parse_json(file)
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items, prefix = data["contents"], "contents"
    elif isinstance(data, list):
        items, prefix = data, ""
    else:
        items, prefix = [data], None
    documents = []
    for index, item in enumerate(items):
        where = "document" if prefix is None else f"{prefix}[{index}]"
        documents.append((where, item))
    return documents


class HsdsReader:
    def __init__(self, *, default_districts: list[str], default_kind: str, default_offer_kind: str):
        self.vocabularies = Vocabularies.load()
        self.term_reader = TermReader(self.vocabularies)
        self.default_districts = default_districts
        self.default_kind = default_kind
        self.default_offer_kind = default_offer_kind
        self.records: dict[str, OrganisationRecord] = {}
        self.order: list[str] = []
        self.file_warnings: list[str] = []

    def read(self, file: ImportFile) -> tuple[list[OrganisationRecord], list[str]]:
        for where, document in load_documents(file):
            if not isinstance(document, dict):
                self.add_broken(where, "not a JSON object")
            elif isinstance(document.get("service"), dict):
                service = dict(document["service"])
                if isinstance(document.get("location"), dict):
                    service.setdefault("service_at_locations", [{"location": document["location"]}])
                self.read_service(f"{where}.service", service)
            elif "status" in document:
                self.read_service(where, document)
            else:
                self.read_organisation(where, document, reference_only=False)
        records = [self.records[key] for key in self.order]
        for record in records:
            for offer in record.offers:
                place_offer(offer, record)
        return records, self.file_warnings

    def add_broken(self, where: str, message: str) -> None:
        record = OrganisationRecord(where=where, label="?")
        record.errors.append(message)
        self.records[where] = record
        self.order.append(where)

    # --- organizations -------------------------------------------------------------------------

    def read_organisation(
        self, where: str, document: JSONObject, *, reference_only: bool
    ) -> OrganisationRecord:
        key = str(document.get("id") or where)
        existing = self.records.get(key)
        if existing is not None and not reference_only and not existing.reference_only:
            # A second full document with the same id: kept as its own record, so that the
            # plan reports both instead of silently dropping one.
            key, existing = where, None
        if existing is not None and (reference_only or not existing.reference_only):
            return existing
        record = OrganisationRecord(
            where=where, label=str(document.get("name") or "?"), reference_only=reference_only
        )
        if existing is not None:  # a full document after a service that referred to it
            record.offers = existing.offers
        else:
            self.order.append(key)
        self.records[key] = record
        self.fill_organisation(record, document)
        for index, service in enumerate(as_list(document.get("services"))):
            if isinstance(service, dict):
                record.offers.append(self.offer_record(f"{where}.services[{index}]", service))
        return record

    def fill_organisation(self, record: OrganisationRecord, document: JSONObject) -> None:
        fields = record.fields
        read_name_and_ids(record, document, name_field="name")
        alternate = text(document.get("alternate_name"))
        if len(alternate) > 50:
            record.warnings.append("alternate_name: longer than 50 characters, left out")
        elif alternate:
            fields["short_name"] = alternate
        if "email" in document:
            fields["email"] = clean_email(text(document["email"]), "email", record, strict=False)
        website = document.get("website") or document.get("uri")
        if website:
            fields["website"] = clean_url(text(website), "website", record, strict=False)
        if "year_incorporated" in document:
            fields["founding_year"] = clean_year(
                document["year_incorporated"], "year_incorporated", record, strict=False
            )
        phones = [p for p in as_list(document.get("phones")) if isinstance(p, dict)]
        if phones:
            fields["phone"] = phone_number(phones[0], record)
        identifiers = [i for i in as_list(document.get("organization_identifiers")) if i]
        if identifiers and isinstance(identifiers[0], dict):
            identifier = text(identifiers[0].get("identifier"))
            if len(identifier) <= 50:
                fields["register_number"] = identifier
            else:
                record.warnings.append("organization_identifiers: too long, left out")
        locations = [loc for loc in as_list(document.get("locations")) if isinstance(loc, dict)]
        address = None
        if locations:
            address = self.fill_address(record, locations[0], "locations[0]")
            record.m2m["languages"] = self.term_reader.languages(
                locations[0].get("languages"), record
            )
        self.fill_vocabularies(record, document)
        self.fill_districts(record, address)

    def fill_vocabularies(self, record: OrganisationRecord, document: JSONObject) -> None:
        """Topics, target groups, languages, migrant-led and kind from the attributes."""
        fields = record.fields
        terms = self.term_reader.terms(document.get("attributes"), record)
        if "attributes" in document:
            for taxonomy, name in (
                (hsds.TOPICS, "topics"),
                (hsds.TARGET_GROUPS, "target_groups"),
            ):
                record.m2m[name] = terms.get(taxonomy.key, [])
            spoken = terms.get(hsds.LANGUAGES.key, [])
            if spoken:
                record.m2m["languages"] = unique([*record.m2m.get("languages", []), *spoken])
            fields["migrant_led"] = bool(terms.get(hsds.CHARACTERISTICS.key))
        kinds = terms.get(hsds.ORGANISATION_KINDS.key, [])
        kind = kinds[0] if kinds else self.vocabularies.organisation_kinds.find(self.default_kind)
        if kind is None:
            record.errors.append(f"kind: no kind of organisation {self.default_kind!r} (--kind)")
        else:
            fields["kind"] = kind

    def fill_districts(self, record: OrganisationRecord, address: JSONObject | None) -> None:
        """The district the address names as its region or by a postcode the city knows,
        else the district(s) given to the import (``--district``, the staff's district)."""
        vocabulary = self.vocabularies.districts
        if address is not None:
            found = vocabulary.of_address(
                region=text(address.get("region")), postcode=text(address.get("postal_code"))
            )
            if found is not None:
                record.m2m["districts"] = [found]
                return
        if self.default_districts:
            districts = [vocabulary.find(name) for name in self.default_districts]
            if None in districts:
                record.errors.append(f"--district: unknown district in {self.default_districts}")
            else:
                record.m2m["districts"] = districts  # type: ignore[assignment]

    def fill_address(self, record: Record, location: JSONObject, where: str) -> JSONObject | None:
        """The location's address (the physical one first) and coordinates; returns the
        address it took."""
        fields = record.fields
        addresses = [a for a in as_list(location.get("addresses")) if isinstance(a, dict)]
        addresses.sort(key=lambda a: a.get("address_type") != "physical")
        address = addresses[0] if addresses else None
        if address is not None:
            street = ", ".join(
                filter(None, [text(address.get("address_1")), text(address.get("address_2"))])
            )
            for name, value, limit in (
                ("street", street, 200),
                ("postcode", text(address.get("postal_code")), 10),
                ("locality", text(address.get("city")), 100),
            ):
                if len(value) > limit:
                    record.warnings.append(f"{where}.addresses[0]: {name} too long, left out")
                    value = ""
                fields[name] = value
        latitude = clean_coordinate(
            location.get("latitude"), f"{where}.latitude", record, limit=90, strict=False
        )
        longitude = clean_coordinate(
            location.get("longitude"), f"{where}.longitude", record, limit=180, strict=False
        )
        if latitude is None or longitude is None:
            latitude = longitude = None
        fields["latitude"], fields["longitude"] = latitude, longitude
        return address

    # --- services ------------------------------------------------------------------------------

    def read_service(self, where: str, document: JSONObject) -> None:
        organisation = document.get("organization")
        if isinstance(organisation, dict) and organisation.get("id"):
            record = self.read_organisation(
                f"{where}.organization", organisation, reference_only=True
            )
        elif document.get("organization_id"):
            record = self.referenced_organisation(where, text(document["organization_id"]))
        else:
            self.add_broken(where, "service without organization or organization_id")
            return
        record.offers.append(self.offer_record(where, document))

    def referenced_organisation(self, where: str, organisation_id: str) -> OrganisationRecord:
        if organisation_id in self.records:
            return self.records[organisation_id]
        record = OrganisationRecord(
            where=f"{where}.organization_id", label=organisation_id, reference_only=True
        )
        record.external_id = organisation_id
        existing = Organisation.objects.filter(external_id=organisation_id).first()
        if existing is None:
            try:
                existing = Organisation.objects.filter(uuid=uuid.UUID(organisation_id)).first()
            except ValueError:
                existing = None
        if existing is None:
            record.errors.append("organization_id: no such organisation in the file or directory")
        else:
            record.label = existing.name
            record.public_id = existing.uuid
            record.external_id = existing.external_id
        self.records[organisation_id] = record
        self.order.append(organisation_id)
        return record

    def offer_record(self, where: str, document: JSONObject) -> Record:
        record = Record(where=where, label=str(document.get("name") or "?"))
        fields = record.fields
        read_name_and_ids(record, document, name_field="title")
        if document.get("status") == "defunct":
            record.warnings.append("status is “defunct”")
        terms = self.term_reader.terms(document.get("attributes"), record)
        kinds = terms.get(hsds.OFFER_KINDS.key, [])
        kind = kinds[0] if kinds else self.vocabularies.offer_kinds.find(self.default_offer_kind)
        if kind is None:
            record.errors.append(
                f"kind: no kind of offer {self.default_offer_kind!r} (--offer-kind)"
            )
        else:
            fields["kind"] = kind
        if "attributes" in document:
            record.m2m["topics"] = terms.get(hsds.TOPICS.key, [])
            record.m2m["target_groups"] = terms.get(hsds.TARGET_GROUPS.key, [])
        if "languages" in document:
            record.m2m["languages"] = self.term_reader.languages(document.get("languages"), record)
        fields["cost"] = cost_of(document)
        schedules = [s for s in as_list(document.get("schedules")) if isinstance(s, dict)]
        if schedules:
            description = text(schedules[0].get("description"))
            if len(description) > 200:
                record.warnings.append("schedules[0].description: shortened to 200 characters")
            fields["schedule"] = description[:200]
        places: list[dict[str, Any]] = [
            place["location"]
            for place in as_list(document.get("service_at_locations"))
            if isinstance(place, dict) and isinstance(place.get("location"), dict)
        ]
        if places:
            self.fill_address(record, places[0], "service_at_locations[0].location")
        if places and "accessibility" in places[0]:
            notes = "; ".join(
                filter(
                    None,
                    (
                        text(item.get("description"))
                        for item in as_list(places[0].get("accessibility"))
                        if isinstance(item, dict)
                    ),
                )
            )
            if len(notes) > 300:
                record.warnings.append("accessibility: shortened to 300 characters")
            fields["accessibility_notes"] = notes[:300]
        return record


ADDRESS_FIELDS = ["street", "postcode", "locality", "latitude", "longitude"]


def place_offer(offer: Record, organisation: OrganisationRecord) -> None:
    """An offer at its organisation's address says so instead of repeating the address."""
    if not any(name in offer.fields for name in ("street", "postcode", "locality")):
        # Coordinates alone (a location without its address) do not say where the offer is.
        for name in ("latitude", "longitude"):
            offer.fields.pop(name, None)
        return
    same = all(
        offer.fields.get(name) == organisation.fields.get(name)
        for name in ("street", "postcode", "locality")
    )
    offer.fields["at_organisation_address"] = same
    if same:
        for name in ADDRESS_FIELDS:
            offer.fields.pop(name, None)


def read_hsds(
    file: ImportFile, *, default_districts: list[str], default_kind: str, default_offer_kind: str
) -> tuple[list[OrganisationRecord], list[str]]:
    reader = HsdsReader(
        default_districts=default_districts,
        default_kind=default_kind,
        default_offer_kind=default_offer_kind,
    )
    return reader.read(file)


def set_ids(record: Record, document: JSONObject) -> None:
    """The HSDS id is kept as the external id and, being a UUID, as our public id too."""
    record.external_id = text(document.get("id"))[:200]
    if not record.external_id:
        record.errors.append("id: missing")
        return
    try:
        record.public_id = uuid.UUID(record.external_id)
    except ValueError:
        record.public_id = None


def read_name_and_ids(record: Record, document: JSONObject, *, name_field: str) -> None:
    """What organizations and services both start with: the ids, the name (required; our
    organisation's ``name``, our offer's ``title``) and the description."""
    set_ids(record, document)
    name = text(document.get("name"))
    if not name:
        record.errors.append("name: missing")
    elif len(name) > 200:
        record.errors.append("name: longer than 200 characters")
    record.fields[name_field] = name
    record.fields["description"] = text(document.get("description"))


def phone_number(phone: JSONObject, record: Record) -> str:
    number = text(phone.get("number")).strip("\"'").strip()
    if len(number) > 40:
        record.warnings.append("phones[0].number: too long, left out")
        return ""
    return number


def cost_of(document: JSONObject) -> str:
    amounts = [
        option.get("amount")
        for option in as_list(document.get("cost_options"))
        if isinstance(option, dict) and isinstance(option.get("amount"), int | float)
    ]
    if amounts and all(amount == 0 for amount in amounts):
        return Offer.Cost.FREE
    if amounts or text(document.get("fees_description")) or text(document.get("fees")):
        return Offer.Cost.PAID
    return Offer.Cost.FREE
