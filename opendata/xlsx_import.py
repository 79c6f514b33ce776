"""Read a district's spreadsheet saved by Excel (.xlsx): the first worksheet, with the same
columns as a CSV file (docs/import.md). Records are named by their row in the worksheet.

openpyxl reads the workbook read-only and takes what cells hold, never running anything: a
formula comes in as its text (``=...``) and is refused like a formula in a CSV cell. With
defusedxml installed, openpyxl parses the workbook's XML without expanding entities.
"""

from __future__ import annotations

import datetime
import io
import warnings
import zipfile
from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from opendata.csv_import import Rows, SpreadsheetReader
from opendata.import_files import ImportFile, ImportFileError, check_text
from opendata.importing import OrganisationRecord

# A workbook is a zip archive; a small one can unpack to far more than it weighs. What it may
# unpack to, as a multiple of the upload limit (text compresses about tenfold).
UNPACKED_FACTOR = 20


def read_organisations_xlsx(
    file: ImportFile, *, default_districts: list[str], default_kind: str
) -> tuple[list[OrganisationRecord], list[str]]:
    reader = SpreadsheetReader(default_districts=default_districts, default_kind=default_kind)
    return reader.read(file.name, xlsx_rows(file), unit="row")


def not_a_workbook(file: ImportFile) -> ImportFileError:
    return ImportFileError(
        file.name,
        _("not an Excel workbook (.xlsx); save it as “Excel workbook” or as “CSV UTF-8”"),
    )


def xlsx_rows(file: ImportFile) -> Rows:
    try:
        archive = zipfile.ZipFile(io.BytesIO(file.content))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise not_a_workbook(file) from None
    if unpacked > settings.IMPORT_MAX_BYTES * UNPACKED_FACTOR:
        raise ImportFileError(file.name, _("the workbook unpacks to more than the limit"))
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it leaves out; the cells are all we read
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(file.content), read_only=True, data_only=False)
    except Exception:  # a damaged workbook fails in many ways inside openpyxl
        raise not_a_workbook(file) from None
    try:
        yield from worksheet_rows(file, workbook.worksheets[0])
    except ImportFileError:
        raise
    except Exception:
        raise not_a_workbook(file) from None
    finally:
        workbook.close()


def worksheet_rows(file: ImportFile, sheet: object) -> Iterator[tuple[int, list[str]]]:
    width = None
    rows = sheet.iter_rows(min_row=1, values_only=True)  # type: ignore[attr-defined]
    for number, values in enumerate(rows, start=1):
        cells = [cell_text(value) for value in values]
        while cells and not cells[-1].strip():
            cells.pop()  # Excel keeps empty cells at the end of a row; a CSV row has none
        if width is None:
            if not cells:
                continue  # empty rows above the header
            width = len(cells)
        for cell in cells:
            check_text(file.name, cell, line=number)
        yield number, cells + [""] * (width - len(cells))


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year or a postcode typed as a number
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)
