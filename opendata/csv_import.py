"""Read a district's spreadsheet of organisations (the column layout is in docs/import.md).

UTF-8 (with or without byte order mark), comma or semicolon between columns, one header row.
Headers are matched case-insensitively, in English or German; unknown columns are reported and
ignored. Lists inside a cell are separated by ``;``, ``,`` or ``|``.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterator

from django.utils.translation import gettext as _

from opendata.import_files import ImportFile, ImportFileError, decode_text
from opendata.importing import (
    OrganisationRecord,
    Vocabularies,
    Vocabulary,
    clean_coordinate,
    clean_email,
    clean_text,
    clean_url,
    clean_year,
)

# Our column -> the headers we accept for it (lower case, spaces as underscores).
COLUMNS: dict[str, list[str]] = {
    "external_id": ["external_id", "externe_id", "kennung"],
    "id": ["id", "uuid"],
    "name": ["name", "organisation", "organisationsname"],
    "short_name": ["short_name", "kurzname", "abkürzung"],
    "kind": ["kind", "art", "organisationsform"],
    "migrant_led": ["migrant_led", "mso", "migrantisch_geführt"],
    "description": ["description", "beschreibung"],
    "founding_year": ["founding_year", "gründungsjahr"],
    "districts": ["districts", "district", "bezirk", "bezirke"],
    "street": ["street", "straße", "strasse", "straße_und_hausnummer"],
    "postcode": ["postcode", "plz", "postleitzahl"],
    "locality": ["locality", "ort", "stadt"],
    "latitude": ["latitude", "lat", "breitengrad"],
    "longitude": ["longitude", "lon", "lng", "längengrad"],
    "no_public_address": ["no_public_address", "keine_öffentliche_adresse"],
    "website": ["website", "webseite", "homepage"],
    "email": ["email", "e-mail", "e_mail"],
    "phone": ["phone", "telefon"],
    "languages": ["languages", "sprachen"],
    "counselling_languages": ["counselling_languages", "beratungssprachen"],
    "topics": ["topics", "themen"],
    "target_groups": ["target_groups", "zielgruppen"],
    "register_court": ["register_court", "registergericht"],
    "register_number": ["register_number", "registernummer"],
    "non_profit": ["non_profit", "gemeinnützig"],
}
# Columns of our own export that an import does not need; they are ignored without a warning.
EXPORT_ONLY = {"last_confirmed_at", "updated_at", "url"}
HEADER_TO_COLUMN = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}

TEXT_LIMITS = {
    "name": 200,
    "short_name": 50,
    "description": 5000,
    "street": 200,
    "postcode": 10,
    "locality": 100,
    "phone": 40,
    "register_court": 100,
    "register_number": 50,
}
TRUE = {"yes", "ja", "true", "wahr", "1", "x", "y", "j"}
FALSE = {"no", "nein", "false", "falsch", "0", "n", ""}
LIST_SPLIT = re.compile(r"\s*[;,|]\s*")


def normalise_header(header: str) -> str:
    return re.sub(r"\s+", "_", header.strip().lower())


def detect_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


# The rows of a spreadsheet: the number of the line (CSV) or row (Excel) where each starts, and
# its cells as text.
Rows = Iterator[tuple[int, list[str]]]


def csv_rows(file: ImportFile) -> Rows:
    text = decode_text(file)
    if not text.strip():
        raise ImportFileError(file.name, _("the file is empty"))
    delimiter = detect_delimiter(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            where = _("line %(line)s") % {"line": reader.line_num}
            raise ImportFileError(file.name, f"{where}: {error}") from None
        start, line = line + 1, reader.line_num
        yield start, cells


def read_organisations_csv(
    file: ImportFile, *, default_districts: list[str], default_kind: str
) -> tuple[list[OrganisationRecord], list[str]]:
    """The records of a CSV file and the file's own warnings (unknown columns)."""
    reader = SpreadsheetReader(default_districts=default_districts, default_kind=default_kind)
    return reader.read(file.name, csv_rows(file), unit="line")


class SpreadsheetReader:
    """Turns the rows of a district's spreadsheet (CSV or Excel) into records."""

    def __init__(self, *, default_districts: list[str], default_kind: str) -> None:
        self.vocabularies = Vocabularies.load()
        self.default_districts = default_districts
        self.default_kind = default_kind

    def read(
        self, name: str, rows: Rows, *, unit: str
    ) -> tuple[list[OrganisationRecord], list[str]]:
        """``unit`` names a record's place: "line" in a CSV file, "row" in a worksheet."""
        header = next(rows, None)
        if header is None:
            raise ImportFileError(name, _("the file is empty"))
        columns = [normalise_header(cell) for cell in header[1]]
        known = [HEADER_TO_COLUMN.get(column) for column in columns]
        if "name" not in known:
            raise ImportFileError(name, _("the first row has no column “name”"))
        warnings = [
            f"{unit} 1: unknown column {column!r} is ignored"
            for column, found in zip(columns, known, strict=True)
            if found is None and column not in EXPORT_ONLY and column
        ]
        records = []
        for start, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            record = OrganisationRecord(where=f"{unit} {start}", label="")
            if len(cells) != len(columns):
                name_index = known.index("name")
                record.label = cells[name_index] if name_index < len(cells) else ""
                record.errors.append(
                    f"{len(cells)} cells instead of {len(columns)}: check the delimiters and quotes"
                )
            else:
                row = {column: cell for column, cell in zip(known, cells, strict=True) if column}
                self.parse_row(record, row)
            records.append(record)
        return records, warnings

    def parse_row(self, record: OrganisationRecord, row: dict[str, str]) -> None:
        fields = record.fields
        for column, limit in TEXT_LIMITS.items():
            if column in row:
                fields[column] = clean_text(row[column], column, record, max_length=limit)
        record.label = fields.get("name", "")
        if not fields.get("name"):
            record.errors.append("name: missing")
        record.external_id = clean_text(
            row.get("external_id", ""), "external_id", record, max_length=200
        )
        if row.get("id", "").strip():
            try:
                record.public_id = uuid.UUID(row["id"].strip())
            except ValueError:
                record.errors.append(f"id: {row['id']!r} is not a UUID")
        for column in ("migrant_led", "no_public_address", "non_profit"):
            if column in row:
                value = row[column].strip().casefold()
                if value in TRUE:
                    fields[column] = True
                elif value in FALSE:
                    fields[column] = False
                else:
                    record.errors.append(f"{column}: {row[column]!r} is neither yes nor no")
        if "founding_year" in row:
            fields["founding_year"] = clean_year(row["founding_year"], "founding_year", record)
        for column, limit in (("latitude", 90), ("longitude", 180)):
            if column in row:
                fields[column] = clean_coordinate(row[column], column, record, limit=limit)
        if (fields.get("latitude") is None) != (fields.get("longitude") is None):
            record.errors.append("latitude and longitude: give both or neither")
        if "website" in row:
            fields["website"] = clean_url(row["website"], "website", record)
        if "email" in row:
            fields["email"] = clean_email(row["email"], "email", record)
        self.parse_vocabularies(record, row)

    def parse_vocabularies(self, record: OrganisationRecord, row: dict[str, str]) -> None:
        """The kind, the districts, languages, topics and target groups, by slug or name.
        A row that names no district is placed by its postcode where the city knows it."""
        fields = record.fields
        vocabularies = self.vocabularies
        kind_name = row.get("kind", "").strip() or self.default_kind
        kind = vocabularies.organisation_kinds.find(kind_name)
        if kind is None:
            record.errors.append(f"kind: unknown kind of organisation {kind_name!r}")
        else:
            fields["kind"] = kind
        district_names = split_list(row.get("districts", ""))
        by_postcode = vocabularies.districts.of_postcode(row.get("postcode", ""))
        if not district_names and by_postcode is not None:
            record.m2m["districts"] = [by_postcode]
        else:
            record.m2m["districts"] = find_all(
                vocabularies.districts,
                district_names or self.default_districts,
                "districts",
                record,
                "district",
            )
        for column, vocabulary, what in (
            ("languages", vocabularies.languages, "language"),
            ("counselling_languages", vocabularies.languages, "language"),
            ("topics", vocabularies.topics, "topic"),
            ("target_groups", vocabularies.target_groups, "target group"),
        ):
            if column in row:
                record.m2m[column] = find_all(
                    vocabulary, split_list(row[column]), column, record, what
                )


def split_list(value: str) -> list[str]:
    return [part for part in LIST_SPLIT.split(value.strip()) if part]


def find_all(
    vocabulary: Vocabulary, names: list[str], column: str, record: OrganisationRecord, what: str
) -> list:
    found = []
    for name in names:
        obj = vocabulary.find(name)
        if obj is None:
            record.errors.append(f"{column}: unknown {what} {name!r}")
        elif obj not in found:
            found.append(obj)
    return found
