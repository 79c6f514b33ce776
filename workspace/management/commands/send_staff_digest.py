from typing import Any

from django.core.management.base import BaseCommand

from workspace.services import staff_digest_send


class Command(BaseCommand):
    help = (
        "E-mail every reviewer who chose the daily digest what waits for them (at most once a "
        "day, however often it runs). Meant for a daily cron job."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = staff_digest_send()
        self.stdout.write(f"Sent {sent} digest(s).")
