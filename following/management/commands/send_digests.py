from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from following.models import DigestSetting
from following.services import digests_send


class Command(BaseCommand):
    help = (
        "E-mail everyone who follows something and chose this frequency what is new since their "
        "last digest (at most one run per person a day, or a week; nothing new: no e-mail). "
        "Meant for a daily and a weekly cron job."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--frequency",
            required=True,
            choices=[DigestSetting.Frequency.DAILY, DigestSetting.Frequency.WEEKLY],
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = digests_send(frequency=options["frequency"])
        self.stdout.write(f"Sent {sent} digest(s).")
