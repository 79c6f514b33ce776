from typing import Any

from django.core.management.base import BaseCommand

from organisations.vocabularies import load_vocabularies


class Command(BaseCommand):
    help = "Create the standard topics, target groups, kinds and languages (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_vocabularies()
        for name, count in created.items():
            self.stdout.write(f"{name}: {count} created")
