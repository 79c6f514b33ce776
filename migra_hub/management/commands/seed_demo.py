from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events import demo as events_demo
from exchange import demo as exchange_demo
from funding import demo as funding_demo
from migra_hub.demo import (
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    DemoLogins,
    demo_second_factors,
    discard_demo_mail,
)
from networks import demo as networks_demo
from organisations import demo as organisations_demo


class Command(BaseCommand):
    help = "Fill the database with fictional demo data (idempotent; only with DEBUG on)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not settings.TESTING:
            raise CommandError("seed_demo only runs with DEBUG on: it creates known passwords.")
        logins = DemoLogins()
        # Lower apps first: networks build on organisations, events on both, the exchange on all.
        organisations_demo.seed(logins)
        networks_demo.seed(logins)
        events_demo.seed(logins)
        funding_demo.seed(logins)
        exchange_demo.seed(logins)
        demo_second_factors()
        discard_demo_mail()
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        width = max((len(role) for role, _email in logins.rows), default=0)
        for role, email in logins.rows:
            self.stdout.write(f"  {role:<{width}}  {email}")
        self.stdout.write(f"  Password for all demo accounts: {DEMO_PASSWORD}")
        self.stdout.write(
            "  Staff and the administrator also type a code of an authenticator app set up with "
            f"the secret {DEMO_TOTP_SECRET}"
        )
