"""Exports of the public directory: CSV and JSON of any set of organisations, and the ZIP bundle.

Every function takes an Organisation queryset, so the directory page can export exactly its
current result (``organisations_csv(filterset.qs)``) and the bundle exports everything published.
The caller decides what may be exported: pass public entries only. Addresses and coordinates of
organisations with "no public address" are never written.

The organisation columns are the column layout of ``import_organisations`` (docs/import.md), so a
district can re-import an export.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from networks.models import Network, NetworkMembership
from organisations.models import District, Offer, Organisation

LIST_SEPARATOR = "; "
# A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection);
# phone numbers such as "+49 30 1234" stay as they are.
FORMULA_START = re.compile(r"^[=@\t\r]|^[+-](?![\d\s()/.-]*$)")


@dataclass(frozen=True)
class Column:
    name: str
    description: str | Promise
    value: Callable[[Any], object]


@dataclass(frozen=True)
class Table:
    filename: str
    description: str | Promise
    columns: list[Column]
    rows: Callable[[QuerySet[Organisation]], Iterable[Any]]


def joined(values: Iterable[object]) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def iso(value: Any) -> str:
    return value.isoformat() if value else ""


def public_address(organisation: Organisation, field: str) -> object:
    if organisation.no_public_address:
        return ""
    value = getattr(organisation, field)
    return "" if value is None else value


# --- Organisations -----------------------------------------------------------------------------


def organisations_for_export(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return (
        organisations.select_related("kind")
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.select_related("city")),
            "languages",
            "counselling_languages",
            "topics",
            "target_groups",
        )
        .order_by("name", "pk")
    )


ORGANISATION_COLUMNS = [
    Column("id", _("Stable identifier (UUID), the same as in the HSDS API."), lambda o: o.uuid),
    Column(
        "external_id", _("Identifier in the source it was imported from."), lambda o: o.external_id
    ),
    Column("name", _("Name."), lambda o: o.name),
    Column("short_name", _("Short name or abbreviation."), lambda o: o.short_name),
    Column("kind", _("Kind of organisation."), lambda o: o.kind.name),
    Column(
        "migrant_led", _("Migrant-led (self-declared): yes or no."), lambda o: yes_no(o.migrant_led)
    ),
    Column("description", _("Description."), lambda o: o.description),
    Column("founding_year", _("Founding year."), lambda o: o.founding_year or ""),
    Column(
        "districts",
        _("Districts served, separated by semicolons."),
        lambda o: joined(o.districts.all()),
    ),
    Column(
        "street",
        _("Street and number (empty when the address is not public)."),
        lambda o: public_address(o, "street"),
    ),
    Column(
        "postcode",
        _("Postcode (empty when the address is not public)."),
        lambda o: public_address(o, "postcode"),
    ),
    Column(
        "locality",
        _("Town or city (empty when the address is not public)."),
        lambda o: public_address(o, "locality"),
    ),
    Column(
        "latitude",
        _("Latitude, WGS 84 (empty when the address is not public)."),
        lambda o: public_address(o, "latitude"),
    ),
    Column(
        "longitude",
        _("Longitude, WGS 84 (empty when the address is not public)."),
        lambda o: public_address(o, "longitude"),
    ),
    Column(
        "no_public_address",
        _("yes: the organisation does not publish its address."),
        lambda o: yes_no(o.no_public_address),
    ),
    Column("website", _("Website."), lambda o: o.website),
    Column("email", _("Public e-mail address."), lambda o: o.email),
    Column("phone", _("Public phone number."), lambda o: o.phone),
    Column(
        "languages",
        _("Languages spoken (ISO 639 codes), separated by semicolons."),
        lambda o: joined(lang.code for lang in o.languages.all()),
    ),
    Column(
        "counselling_languages",
        _("Languages of counselling (ISO 639 codes)."),
        lambda o: joined(lang.code for lang in o.counselling_languages.all()),
    ),
    Column("topics", _("Topics, separated by semicolons."), lambda o: joined(o.topics.all())),
    Column(
        "target_groups",
        _("Target groups, separated by semicolons."),
        lambda o: joined(o.target_groups.all()),
    ),
    Column("register_court", _("Register court."), lambda o: o.register_court),
    Column("register_number", _("Register number."), lambda o: o.register_number),
    Column("non_profit", _("Recognised as non-profit: yes or no."), lambda o: yes_no(o.non_profit)),
    Column(
        "last_confirmed_at",
        _("When the organisation last confirmed the entry (ISO 8601)."),
        lambda o: iso(o.last_confirmed_at),
    ),
    Column("updated_at", _("Last change (ISO 8601)."), lambda o: iso(o.updated_at)),
    Column("url", _("Page in the directory."), lambda o: settings.SITE_URL + o.get_absolute_url()),
]

ORGANISATIONS = Table(
    "organisations.csv",
    _("One row per published organisation."),
    ORGANISATION_COLUMNS,
    organisations_for_export,
)


# --- Offers ------------------------------------------------------------------------------------


def offers_of(organisations: QuerySet[Organisation]) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(organisation__in=organisations.values("pk"))
        .select_related("organisation", "kind")
        .prefetch_related("topics", "target_groups", "languages")
        .order_by("organisation__name", "title", "pk")
    )


def offer_place(offer: Offer, field: str) -> object:
    if offer.organisation.no_public_address:
        return ""
    source: Any = offer.organisation if offer.at_organisation_address else offer
    value = getattr(source, field)
    return "" if value is None else value


OFFER_COLUMNS = [
    Column("id", _("Stable identifier (UUID), the same as in the HSDS API."), lambda o: o.uuid),
    Column(
        "organisation_id",
        _("The organisation's id (see organisations.csv)."),
        lambda o: o.organisation.uuid,
    ),
    Column("organisation", _("The organisation's name."), lambda o: o.organisation.name),
    Column("title", _("Title."), lambda o: o.title),
    Column("kind", _("Kind of offer."), lambda o: o.kind.name),
    Column("description", _("Description."), lambda o: o.description),
    Column("topics", _("Topics, separated by semicolons."), lambda o: joined(o.topics.all())),
    Column(
        "target_groups",
        _("Target groups, separated by semicolons."),
        lambda o: joined(o.target_groups.all()),
    ),
    Column(
        "languages",
        _("Languages (ISO 639 codes), separated by semicolons."),
        lambda o: joined(lang.code for lang in o.languages.all()),
    ),
    Column("cost", _("free, reduced or paid."), lambda o: o.cost),
    Column("schedule", _("When, in words."), lambda o: o.schedule),
    Column(
        "street",
        _("Street of the place (empty when not public)."),
        lambda o: offer_place(o, "street"),
    ),
    Column("postcode", _("Postcode of the place."), lambda o: offer_place(o, "postcode")),
    Column("locality", _("Town or city of the place."), lambda o: offer_place(o, "locality")),
    Column("step_free", _("Step-free access: yes or no."), lambda o: yes_no(o.step_free)),
    Column(
        "accessible_toilet",
        _("Accessible toilet: yes or no."),
        lambda o: yes_no(o.accessible_toilet),
    ),
    Column("hearing_loop", _("Hearing loop: yes or no."), lambda o: yes_no(o.hearing_loop)),
    Column("accessibility_notes", _("Notes on accessibility."), lambda o: o.accessibility_notes),
    Column(
        "registration_required",
        _("Registration needed: yes or no."),
        lambda o: yes_no(o.registration_required),
    ),
    Column("starts_on", _("First day (ISO 8601), if limited."), lambda o: iso(o.starts_on)),
    Column("ends_on", _("Last day (ISO 8601), if limited."), lambda o: iso(o.ends_on)),
    Column("updated_at", _("Last change (ISO 8601)."), lambda o: iso(o.updated_at)),
]

OFFERS = Table(
    "offers.csv", _("One row per offer of a published organisation."), OFFER_COLUMNS, offers_of
)


# --- Network memberships -----------------------------------------------------------------------


def network_memberships_of(organisations: QuerySet[Organisation]) -> QuerySet[NetworkMembership]:
    return (
        NetworkMembership.objects.active()
        .filter(organisation__in=organisations.values("pk"), network__in=Network.objects.public())
        .select_related("network", "network__district", "organisation")
        .order_by("network__name", "organisation__name", "pk")
    )


NETWORK_MEMBERSHIP_COLUMNS = [
    Column("network", _("Name of the network."), lambda m: m.network.name),
    Column("network_slug", _("Short identifier of the network."), lambda m: m.network.slug),
    Column(
        "network_scope", _("district, city, national or international."), lambda m: m.network.scope
    ),
    Column(
        "network_district", _("District of a district network."), lambda m: m.network.district or ""
    ),
    Column(
        "organisation_id",
        _("The organisation's id (see organisations.csv)."),
        lambda m: m.organisation.uuid,
    ),
    Column("organisation", _("The organisation's name."), lambda m: m.organisation.name),
    Column("role", _("member or coordinator."), lambda m: m.role),
    Column(
        "member_since",
        _("Date the membership was confirmed (ISO 8601)."),
        lambda m: iso(m.decided_at or m.created_at),
    ),
]

NETWORK_MEMBERSHIPS = Table(
    "network_memberships.csv",
    _("One row per active membership of a published organisation in a public network."),
    NETWORK_MEMBERSHIP_COLUMNS,
    network_memberships_of,
)

# The tables of the bundle, in this order. Extension point: upcoming public events join as one
# more Table ("events.csv", rows = the public upcoming events organised by or open to these
# organisations) once the events app has its Event model.
BUNDLE_TABLES: list[Table] = [ORGANISATIONS, OFFERS, NETWORK_MEMBERSHIPS]


# --- Writers -----------------------------------------------------------------------------------


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if FORMULA_START.match(text) else text


def write_csv(table: Table, organisations: QuerySet[Organisation], file: io.TextIOBase) -> int:
    """Write the table for these organisations; returns the number of rows."""
    writer = csv.writer(file, lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    count = 0
    for row in table.rows(organisations):
        writer.writerow([cell(column.value(row)) for column in table.columns])
        count += 1
    return count


def organisations_csv(organisations: QuerySet[Organisation]) -> str:
    """CSV of these organisations (UTF-8 text; add a BOM when serving it to spreadsheet users)."""
    buffer = io.StringIO()
    write_csv(ORGANISATIONS, organisations, buffer)
    return buffer.getvalue()


def organisations_json(organisations: QuerySet[Organisation]) -> list[dict[str, object]]:
    """The same columns as the CSV, as JSON objects (lists stay lists)."""
    list_columns = {"districts", "languages", "counselling_languages", "topics", "target_groups"}
    rows = []
    for organisation in organisations_for_export(organisations):
        row: dict[str, object] = {}
        for column in ORGANISATION_COLUMNS:
            value = column.value(organisation)
            if column.name in list_columns:
                value = [part for part in str(value).split(LIST_SEPARATOR) if part]
            elif column.name in {"migrant_led", "no_public_address", "non_profit"}:
                value = value == "yes"
            elif column.name in {"latitude", "longitude", "founding_year"}:
                value = float(value) if value != "" else None  # type: ignore[arg-type]
            else:
                value = str(value)
            row[column.name] = value
        rows.append(row)
    return rows


def directory_bundle(organisations: QuerySet[Organisation]) -> bytes:
    """A ZIP of one CSV per table plus README.txt describing every column."""
    buffer = io.BytesIO()
    counts = {}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in BUNDLE_TABLES:
            text = io.StringIO()
            counts[table.filename] = write_csv(table, organisations, text)
            # With a byte order mark, so that spreadsheet programs read UTF-8 correctly.
            archive.writestr(table.filename, "\ufeff" + text.getvalue())
        readme = render_to_string(
            "opendata/bundle_readme.txt",
            {
                "tables": [(table, counts[table.filename]) for table in BUNDLE_TABLES],
                "created_at": timezone.localtime(),
                "SITE_NAME": settings.SITE_NAME,
                "SITE_URL": settings.SITE_URL,
                "DATA_LICENCE_NAME": settings.DATA_LICENCE_NAME,
                "DATA_LICENCE_URL": settings.DATA_LICENCE_URL,
            },
        )
        archive.writestr("README.txt", readme)
    return buffer.getvalue()
