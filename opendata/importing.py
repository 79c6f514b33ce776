"""What both import commands share: the records a file turns into, the plan (what would be
created, updated or skipped, and every problem), and the report printed from it.

Reading a file (``opendata.import_files``) never writes and never runs anything from it (``json``
and ``csv`` only). The plan is made read-only against the database;
``opendata.services.import_apply`` writes it in one transaction, and only when no record has an
error.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Model

from migra_hub.links import is_web_address
from organisations.models import (
    District,
    DistrictPostcode,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    TargetGroup,
    Topic,
)
from organisations.search_text import all_language_names

ORGANISATION_M2M = ["districts", "languages", "counselling_languages", "topics", "target_groups"]
OFFER_M2M = ["topics", "target_groups", "languages"]


# --- Records -----------------------------------------------------------------------------------


@dataclass
class Record:
    """One organisation or offer as the file describes it; only given fields are set."""

    where: str
    label: str
    external_id: str = ""
    public_id: uuid.UUID | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    m2m: dict[str, list[Model]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class OrganisationRecord(Record):
    offers: list[Record] = field(default_factory=list)
    # From a service document: link to the organisation, create it if missing, never update it.
    reference_only: bool = False


@dataclass
class Step:
    """What the import does with one record."""

    record: Record
    model: str  # "organisation" or "offer"
    action: str = "create"  # create, update, unchanged
    target: Model | None = None
    changes: list[str] = field(default_factory=list)
    parent: Step | None = None

    @property
    def has_errors(self) -> bool:
        return bool(self.record.errors)


@dataclass
class Plan:
    steps: list[Step] = field(default_factory=list)
    file_warnings: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(1 for step in self.steps if step.has_errors)

    def count(self, action: str) -> int:
        return sum(1 for step in self.steps if step.action == action and not step.has_errors)

    def count_of(self, model: str, action: str) -> int:
        return sum(
            1
            for step in self.steps
            if step.model == model and step.action == action and not step.has_errors
        )


# --- Vocabularies, looked up once per file -----------------------------------------------------


class Vocabulary:
    """Entries of one table by slug/code and by every name, case-insensitive."""

    def __init__(self, model: type[Model], keys: Callable[[Any], list[str]]) -> None:
        self.by_key: dict[str, Model | None] = {}
        self.by_uuid: dict[uuid.UUID, Model] = {}
        for obj in model._default_manager.all():  # vocabularies come with their names
            self.by_uuid[obj.uuid] = obj  # type: ignore[attr-defined]
            for key in keys(obj):
                value = key.strip().casefold()
                if not value:
                    continue
                # A name two entries share is ambiguous and matches neither.
                if value in self.by_key and self.by_key[value] != obj:
                    self.by_key[value] = None
                else:
                    self.by_key[value] = obj

    def find(self, value: str) -> Model | None:
        return self.by_key.get(value.strip().casefold())


@dataclass
class Vocabularies:
    topics: Vocabulary
    target_groups: Vocabulary
    organisation_kinds: Vocabulary
    offer_kinds: Vocabulary
    languages: Vocabulary
    districts: DistrictVocabulary

    @classmethod
    def load(cls) -> Vocabularies:
        def names(entry: Any) -> list[str]:
            """The slug and the names in every language."""
            return [entry.slug, *entry.names.values()]

        return cls(
            topics=Vocabulary(Topic, names),
            target_groups=Vocabulary(TargetGroup, names),
            organisation_kinds=Vocabulary(OrganisationKind, names),
            offer_kinds=Vocabulary(OfferKind, names),
            languages=Vocabulary(
                Language, lambda language: [language.code, *all_language_names(language.code)]
            ),
            districts=DistrictVocabulary(),
        )


class DistrictVocabulary(Vocabulary):
    def __init__(self) -> None:
        self.by_key = {}
        self.by_uuid = {}
        for district in District.objects.select_related("city"):
            names = {district.slug, district.name, f"{district.name}, {district.city.name}"}
            for key in {name.casefold() for name in names}:
                # The same district name in two cities matches neither.
                self.by_key[key] = None if key in self.by_key else district
        self.by_postcode: dict[str, District | None] = {}
        for code in DistrictPostcode.objects.select_related("district"):
            # A postcode that reaches into two districts places an address in neither.
            known = code.postcode in self.by_postcode
            self.by_postcode[code.postcode] = None if known else code.district

    def of_postcode(self, postcode: str) -> District | None:
        return self.by_postcode.get(postcode.strip().replace(" ", ""))

    def of_address(self, *, region: str, postcode: str) -> District | None:
        """The district an address names as its region, else the one of its postcode."""
        district = self.find(region) if region.strip() else None
        return district if isinstance(district, District) else self.of_postcode(postcode)


# --- Small parsers that say what is wrong ------------------------------------------------------


def clean_text(value: str, column: str, record: Record, *, max_length: int) -> str:
    value = value.strip()
    if value[:2] in {"'=", "'+", "'-", "'@"}:
        value = value[1:]  # our own export's guard against spreadsheet formulas
    if value.startswith("="):
        record.errors.append(f"{column}: starts with '=' like a spreadsheet formula")
    if len(value) > max_length:
        record.errors.append(f"{column}: longer than {max_length} characters")
    return value


def clean_url(value: str, column: str, record: Record, *, strict: bool = True) -> str:
    value = value.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    if not is_web_address(value):
        (record.errors if strict else record.warnings).append(
            f"{column}: {value!r} is not a web address" + ("" if strict else ", left out")
        )
        return ""
    return value


def clean_email(value: str, column: str, record: Record, *, strict: bool = True) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        (record.errors if strict else record.warnings).append(
            f"{column}: {value!r} is not an e-mail address" + ("" if strict else ", left out")
        )
        return ""
    return value


def clean_year(value: object, column: str, record: Record, *, strict: bool = True) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        year = 0
    if not 1800 <= year <= 2100:
        (record.errors if strict else record.warnings).append(
            f"{column}: {value!r} is not a year between 1800 and 2100"
            + ("" if strict else ", left out")
        )
        return None
    return year


def clean_coordinate(
    value: object, column: str, record: Record, *, limit: int, strict: bool = True
) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not -limit <= number <= limit:
        (record.errors if strict else record.warnings).append(
            f"{column}: {value!r} is not a coordinate between -{limit} and {limit}"
            + ("" if strict else ", left out")
        )
        return None
    return number.quantize(Decimal("0.000001"))


# --- Planning ----------------------------------------------------------------------------------


def find_organisation(record: OrganisationRecord) -> Organisation | None:
    """Match by external id, then by public id, then by name within the same district."""
    if record.external_id:
        match = Organisation.objects.filter(external_id=record.external_id).first()
        if match:
            return match
    if record.public_id:
        match = Organisation.objects.filter(uuid=record.public_id).first()
        if match:
            return match
    name = record.fields.get("name") or record.label
    same_name = Organisation.objects.filter(name__iexact=name)
    districts = record.m2m.get("districts")
    if districts:
        same_name = same_name.filter(districts__in=districts).distinct()
    matches = list(same_name[:2])
    if len(matches) > 1:
        record.errors.append("several organisations of this name in this district: add an id")
    return matches[0] if len(matches) == 1 else None


def find_offer(record: Record, organisation: Organisation | None) -> Offer | None:
    if record.external_id:
        match = Offer.objects.filter(external_id=record.external_id).first()
        if match:
            if organisation is not None and match.organisation_id != organisation.pk:
                record.errors.append("this offer belongs to another organisation in the directory")
            return match
    if record.public_id:
        match = Offer.objects.filter(uuid=record.public_id).first()
        if match:
            return match
    if organisation is None:
        return None
    return organisation.offers.filter(
        title__iexact=record.fields.get("title", record.label)
    ).first()


def differences(target: Model, record: Record) -> list[str]:
    if record.external_id == str(target.uuid):  # type: ignore[attr-defined]
        record.external_id = ""  # our own id came back: it is not an external one
    changed = [name for name, value in record.fields.items() if getattr(target, name) != value]
    for name, objects in record.m2m.items():
        current = set(getattr(target, name).values_list("pk", flat=True))
        if current != {obj.pk for obj in objects}:
            changed.append(name)
    if record.external_id and getattr(target, "external_id", "") != record.external_id:
        changed.append("external_id")
    return changed


PROGRESS_EVERY = 100


def make_plan(
    records: list[OrganisationRecord],
    file_warnings: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Plan:
    """Match every record against the directory and note what would change (reads only)."""
    plan = Plan(file_warnings=list(file_warnings or []))
    # Where each id and each matched entry was seen first: two records for one entry would
    # both be written (the second fails, or silently wins), so both are reported instead.
    seen_ids: dict[str, str] = {}
    seen_offer_ids: dict[str, str] = {}
    seen_targets: dict[int, str] = {}
    seen_offers: dict[int, str] = {}
    for number, record in enumerate(records, start=1):
        if progress is not None and (number % PROGRESS_EVERY == 0 or number == len(records)):
            progress(number, len(records))
        note_ids(record, seen_ids)
        target = find_organisation(record) if not record.errors else None
        step = Step(record, "organisation", target=target)
        if target is not None:
            note_target(record, target, seen_targets, "organisation")
            step.changes = [] if record.reference_only else differences(target, record)
            step.action = "update" if step.changes else "unchanged"
        elif not record.m2m.get("districts") and not any(
            message.startswith(("districts", "--district")) for message in record.errors
        ):
            record.errors.append("no district: give one in the file or with --district")
        plan.steps.append(step)
        for offer_record in record.offers:
            note_ids(offer_record, seen_offer_ids)
            offer = find_offer(offer_record, target) if not offer_record.errors else None
            offer_step = Step(offer_record, "offer", target=offer, parent=step)
            if offer is not None:
                note_target(offer_record, offer, seen_offers, "offer")
                offer_step.changes = differences(offer, offer_record)
                offer_step.action = "update" if offer_step.changes else "unchanged"
            plan.steps.append(offer_step)
    return plan


def note_ids(record: Record, seen: dict[str, str]) -> None:
    """Report an id that an earlier record of the same kind already has."""
    for key in {record.external_id, str(record.public_id or "")} - {""}:
        if key in seen:
            record.errors.append(f"the same id as {seen[key]}")
        else:
            seen[key] = record.where


def note_target(record: Record, target: Model, seen: dict[int, str], model: str) -> None:
    """Report a record that matches an entry an earlier record already matched."""
    if target.pk in seen:
        record.errors.append(f"the same {model} as {seen[target.pk]}")
    else:
        seen[target.pk] = record.where
