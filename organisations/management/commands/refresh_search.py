import datetime
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from organisations.models import Offer
from organisations.search import organisation_search_refresh


class Command(BaseCommand):
    help = (
        "Rebuild the search data and filter keys of the directory. Run it daily (cron) with"
        " --ended-since-days 2 so that offers that have just ended stop counting as current."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--ended-since-days",
            type=int,
            default=None,
            help="Only organisations with an offer that ended in the last N days.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["ended_since_days"]
        if days is None:
            count = organisation_search_refresh()
        else:
            today = timezone.localdate()
            ids = (
                Offer.objects.filter(
                    ends_on__gte=today - datetime.timedelta(days=days), ends_on__lt=today
                )
                .values_list("organisation_id", flat=True)
                .distinct()
            )
            count = organisation_search_refresh(organisation_ids=list(ids))
        self.stdout.write(f"{count} organisations refreshed")
