"""Helpers for the fictional demo data that every app's ``demo.seed()`` uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User

DEMO_PASSWORD = "demo-Passwort-2026"
DEMO_DOMAIN = "demo.migra-hub.invalid"
# Staff must log in with a second factor: the demo's staff accounts share this authenticator-app
# secret (printed by seed_demo), so that anyone trying the demo can add it to their app.
DEMO_TOTP_SECRET = "MIGRAHUBDEMOSTAFFMIGRAHUBDEMO234"


@dataclass
class DemoLogins:
    """The demo accounts seed_demo prints at the end: (role description, e-mail)."""

    rows: list[tuple[str, str]] = field(default_factory=list)

    def add(self, role: str, email: str) -> None:
        if (role, email) not in self.rows:
            self.rows.append((role, email))


def demo_user(local_part: str, name: str, *, superuser: bool = False) -> User:
    """A demo account with a verified e-mail address; the same call twice gives the same user."""
    email = f"{local_part}@{DEMO_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(
            email=email,
            name=name,
            is_staff=superuser,
            is_superuser=superuser,
            privacy_consent_at=timezone.now(),
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def demo_second_factors() -> int:
    """Give every demo account that must use a second factor the demo's authenticator app."""
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.security import needs_second_factor

    added = 0
    for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}"):
        if needs_second_factor(user):
            TOTP.activate(user, DEMO_TOTP_SECRET)
            added += 1
    return added


def current_totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    """The code an authenticator app set up with ``secret`` shows now (screenshots, tests)."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def discard_demo_mail() -> int:
    """Drop the queued mails the demo's own steps addressed to demo accounts.

    The demo is built through the same services as the site, so its invitations and decisions
    queue mails to its fictional people; a newcomer's terminal should show the mails of what
    they do, not a hundred of the demo's. Returns how many were dropped.
    """
    from mailer.models import Message

    suffix = "@" + DEMO_DOMAIN
    demo = [
        message.pk
        for message in Message.objects.all()
        if message.to_addresses and all(a.endswith(suffix) for a in message.to_addresses)
    ]
    Message.objects.filter(pk__in=demo).delete()
    return len(demo)
