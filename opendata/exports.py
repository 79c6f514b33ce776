"""Exports of the public directory: CSV and JSON of any set of organisations, and the ZIP bundle.

Every function takes an Organisation queryset, so the directory page can export exactly its
current result (``organisations_csv(filterset.qs)``) and the bundle exports everything published.
The caller decides what may be exported: pass public entries only. Addresses and coordinates of
organisations with "no public address" are never written. The tables and their columns are in
``opendata.export_tables``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from opendata.export_tables import (
    BUNDLE_TABLES,
    LIST_SEPARATOR,
    ORGANISATION_COLUMNS,
    ORGANISATIONS,
    Table,
)
from opendata.selectors import organisations_for_export
from organisations.models import Organisation

# A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection);
# phone numbers such as "+49 30 1234" stay as they are.
FORMULA_START = re.compile(r"^[=@\t\r]|^[+-](?![\d\s()/.-]*$)")


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
