from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from opendata.hsds_import import read_hsds
from opendata.import_files import ImportFile
from opendata.importing import OrganisationRecord
from opendata.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = (
        "Import Open Referral HSDS 3.0 JSON: an organization or service document, a list of them "
        "or an API page. See docs/import.md."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--offer-kind",
            default="counselling",
            help="Kind of offer (slug or name) where a service names none. Default: counselling.",
        )

    def read(
        self, file: ImportFile, options: dict[str, Any]
    ) -> tuple[list[OrganisationRecord], list[str]]:
        return read_hsds(
            file,
            default_districts=options["district"],
            default_kind=options["kind"],
            default_offer_kind=options["offer_kind"],
        )
