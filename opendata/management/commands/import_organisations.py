from __future__ import annotations

from typing import Any

from opendata.csv_import import read_organisations_csv
from opendata.import_files import ImportFile
from opendata.importing import OrganisationRecord
from opendata.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = (
        "Import organisations from a CSV file (UTF-8, comma or semicolon). The columns are "
        "described in docs/import.md."
    )

    def read(
        self, file: ImportFile, options: dict[str, Any]
    ) -> tuple[list[OrganisationRecord], list[str]]:
        return read_organisations_csv(
            file, default_districts=options["district"], default_kind=options["kind"]
        )
