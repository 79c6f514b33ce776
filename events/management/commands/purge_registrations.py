from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events import services


class Command(BaseCommand):
    help = (
        "Delete the personal data (name, e-mail, needs in words) of registrations for events "
        "that ended more than DAYS days ago; anonymous counts stay (cron: daily)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=services.default_purge_days(),
            help="days after the end of the event (default: EVENTS_PURGE_AFTER_DAYS, 90)",
        )

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        purged = services.registrations_purge(days=days)
        self.stdout.write(f"Personal data of {purged} registrations deleted.")
