from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events import services


class Command(BaseCommand):
    help = (
        "E-mail a reminder to everyone confirmed for an event that starts within the next DAYS "
        "days. Each person gets one reminder at most, however often this runs (cron: daily)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=services.default_reminder_days(),
            help="how many days before the event (default: EVENTS_REMINDER_DAYS_BEFORE)",
        )

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        sent = services.reminders_send(days=days)
        self.stdout.write(f"{sent} reminders sent.")
