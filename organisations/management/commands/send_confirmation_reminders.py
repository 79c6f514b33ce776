from typing import Any

from django.core.management.base import BaseCommand

from organisations.services import confirmation_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail the owners of entries not confirmed for 12 months (each entry at most once a "
        "month). Meant for a daily cron job."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = confirmation_reminders_send()
        self.stdout.write(f"Sent {sent} reminder(s).")
