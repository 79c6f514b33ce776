"""An import file uploaded on the web, read into the same plan the commands print: what kind of
file it is, its records, and what district staff may not change through it (entries of other
districts). Reads only; ``opendata.services`` writes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import PurePath

from django.utils.translation import gettext as _

from opendata.csv_import import read_organisations_csv
from opendata.hsds_import import read_hsds
from opendata.import_files import ImportFile, ImportFileError
from opendata.import_report import describe
from opendata.importing import OrganisationRecord, Plan, Step, make_plan
from opendata.models import ImportUpload
from opendata.xlsx_import import read_organisations_xlsx
from organisations.models import District, Organisation

Format = ImportUpload.Format
FORMATS = {".csv": Format.CSV, ".txt": Format.CSV, ".xlsx": Format.XLSX, ".json": Format.HSDS}
# A zip archive (every .xlsx workbook) starts with these bytes.
ZIP_MAGIC = b"PK\x03\x04"
# What the web import gives where the file says nothing (as the commands' defaults).
DEFAULT_KIND = "other"
DEFAULT_OFFER_KIND = "counselling"


def upload_format(name: str, content: bytes) -> str:
    """The format of an uploaded file by its name, checked against its first bytes."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            name, _("this is the old Excel format (.xls); save it as .xlsx or as “CSV UTF-8”")
        )
    if suffix not in FORMATS:
        raise ImportFileError(name, _("upload a .csv, .xlsx or .json file"))
    file_format = FORMATS[suffix]
    if (file_format == Format.XLSX) != content.startswith(ZIP_MAGIC):
        if file_format == Format.XLSX:
            raise ImportFileError(name, _("not an Excel workbook (.xlsx)"))
        raise ImportFileError(name, _("this is a zip archive or a workbook, not a text file"))
    return file_format


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_upload(
    file: ImportFile, file_format: str, district: District | None
) -> tuple[list[OrganisationRecord], list[str]]:
    """The records of an uploaded file; ``district`` for entries that name none."""
    districts = [f"{district.name}, {district.city.name}"] if district else []
    if file_format == Format.HSDS:
        return read_hsds(
            file,
            default_districts=districts,
            default_kind=DEFAULT_KIND,
            default_offer_kind=DEFAULT_OFFER_KIND,
        )
    reader = read_organisations_xlsx if file_format == Format.XLSX else read_organisations_csv
    return reader(file, default_districts=districts, default_kind=DEFAULT_KIND)


def upload_plan(upload: ImportUpload, *, districts: Iterable[District] | None) -> Plan:
    """The plan of the upload; with ``districts``, entries outside them are errors."""
    file = ImportFile(name=upload.file_name, content=bytes(upload.content))
    records, file_warnings = read_upload(file, upload.format, upload.district)
    plan = make_plan(records, file_warnings)
    if districts is not None:
        restrict_to(plan, {district.pk: district for district in districts})
    return plan


def restrict_to(plan: Plan, allowed: dict[int, District]) -> None:
    """District staff create and change entries of their own districts only."""
    for step in plan.steps:
        if step.model != "organisation" or step.record.errors:
            continue
        record = step.record
        named = record.m2m.get("districts", [])
        outside = ", ".join(str(district) for district in named if district.pk not in allowed)
        reference_only = isinstance(record, OrganisationRecord) and record.reference_only
        if outside and not (step.target is not None and reference_only):
            record.errors.append(
                _("districts: %(names)s is not one of your districts") % {"names": outside}
            )
        if isinstance(step.target, Organisation):
            check_target(step, allowed)


def check_target(step: Step, allowed: dict[int, District]) -> None:
    served = set(step.target.districts.values_list("pk", flat=True))  # type: ignore[union-attr]
    if not served & allowed.keys():
        step.record.errors.append(_("this entry serves none of your districts"))
    elif "districts" in step.changes and served - allowed.keys():
        step.record.errors.append(
            _("this entry also serves districts that are not yours; change its districts there")
        )


def plan_fingerprint(plan: Plan) -> str:
    """A hash of the report: the confirmation writes only what the person has seen."""
    lines = [*plan.file_warnings, *(line for step in plan.steps for line in describe(step))]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
