import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from migra_hub.mail_queue import send_queue_once


class Command(BaseCommand):
    help = (
        "Send the queued e-mails and retry deferred ones whose pause is over. Run it every"
        " minute (cron), or once with --loop as a service."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--loop",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, with a pass every SECONDS seconds (a systemd service, make run).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        pause = options["loop"]
        while True:
            state = send_queue_once()
            if options["verbosity"] > 1 or (not pause and (state.deferred or state.failed)):
                self.stdout.write(
                    f"queue: {state.waiting} waiting, {state.deferred} deferred,"
                    f" {state.failed} failed"
                )
            if not pause:
                return
            # A long-running process must not keep a connection the database has dropped.
            close_old_connections()
            time.sleep(pause)
