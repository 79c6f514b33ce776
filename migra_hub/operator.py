"""Who runs an installation of Migra Hub: the sender shown in header, footer, imprint and
privacy policy, read from the OPERATOR_* settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register


@dataclass(frozen=True)
class Operator:
    name: str
    url: str
    logo: str
    address_lines: tuple[str, ...]
    representative: str
    email: str
    phone: str
    privacy_contact: str

    @property
    def is_demo(self) -> bool:
        return self.name == settings.DEMO_OPERATOR_NAME

    @property
    def privacy_contact_is_email(self) -> bool:
        return "@" in self.privacy_contact and " " not in self.privacy_contact.strip()


def current_operator() -> Operator:
    return Operator(
        name=settings.OPERATOR_NAME,
        url=settings.OPERATOR_URL,
        logo=settings.OPERATOR_LOGO,
        address_lines=tuple(
            line.strip() for line in re.split(r"[|\n]", settings.OPERATOR_ADDRESS) if line.strip()
        ),
        representative=settings.OPERATOR_REPRESENTATIVE,
        email=settings.OPERATOR_EMAIL,
        phone=settings.OPERATOR_PHONE,
        privacy_contact=settings.OPERATOR_PRIVACY_CONTACT,
    )


@register(deploy=True)
def check_operator(**kwargs: object) -> list[CheckMessage]:
    """A public installation must name its real operator (imprint duty, § 5 DDG)."""
    if not current_operator().is_demo:
        return []
    return [
        Warning(
            "The operator is still the demo default, so header, imprint and privacy policy "
            "name a made-up district office.",
            hint="Set OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_EMAIL and "
            "OPERATOR_PRIVACY_CONTACT (see .env.example).",
            id="migra_hub.W001",
        )
    ]
