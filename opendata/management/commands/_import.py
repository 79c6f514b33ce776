"""The part both import commands share: options, report, dry run, one transaction."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, no_translations

from opendata.import_files import ImportFile, ImportFileError
from opendata.import_report import describe, summary
from opendata.importing import OrganisationRecord, make_plan
from opendata.services import import_apply
from organisations.models import Organisation


class ImportCommand(BaseCommand):
    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report what would be created, updated or skipped; write nothing.",
        )
        parser.add_argument(
            "--status",
            choices=[Organisation.Status.DRAFT, Organisation.Status.PUBLISHED],
            default=Organisation.Status.DRAFT,
            help="Status of new organisations (existing ones keep theirs). Default: draft.",
        )
        parser.add_argument(
            "--district",
            action="append",
            default=[],
            help="District (slug or name) for entries that name none; may be repeated.",
        )
        parser.add_argument(
            "--kind",
            default="other",
            help="Kind of organisation (slug or name) where the file gives none. Default: other.",
        )

    def read(
        self, file: ImportFile, options: dict[str, Any]
    ) -> tuple[list[OrganisationRecord], list[str]]:
        raise NotImplementedError

    @no_translations  # the report is in English, whatever the site's default language
    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        dry_run: bool = options["dry_run"]
        try:
            records, file_warnings = self.read(ImportFile.from_path(path), options)
        except ImportFileError as error:
            raise CommandError(f"{error}. Nothing was written.") from None
        self.stdout.write(f"{path}: {len(records)} records")
        plan = make_plan(records, file_warnings, progress=self.progress("checked"))
        for warning in plan.file_warnings:
            self.stdout.write(f"warning: {warning}")
        for step in plan.steps:
            for line in describe(step):
                self.stdout.write(line)
        if plan.error_count:
            self.stdout.write(summary(plan, dry_run=True))
            raise CommandError(
                f"{plan.error_count} records have errors (listed above). Nothing was written."
            )
        if dry_run:
            self.stdout.write(summary(plan, dry_run=True))
            return
        import_apply(
            plan=plan,
            status=options["status"],
            progress=self.progress("written"),
            source=path.name,
        )
        self.stdout.write(self.style.SUCCESS(summary(plan, dry_run=False)))

    def progress(self, verb: str):  # type: ignore[no-untyped-def]
        def report(done: int, total: int) -> None:
            self.stdout.write(f"… {verb} {done} of {total}")

        return report
