"""What the privacy pages need from the other apps, without importing them.

``accounts`` sits below every other app. Apps that keep personal data register here (in their
``AppConfig.ready``) what to add to the data download and what to do before an account is
deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accounts.models import User

DataSection = Callable[[User], dict[str, Any]]
DeletionStep = Callable[[User], None]

data_sections: list[DataSection] = []
deletion_steps: list[DeletionStep] = []


def register_data_section(section: DataSection) -> None:
    if section not in data_sections:
        data_sections.append(section)


def register_deletion_step(step: DeletionStep) -> None:
    if step not in deletion_steps:
        deletion_steps.append(step)


def personal_data(user: User) -> dict[str, Any]:
    from allauth.account.models import EmailAddress

    def when(value: Any) -> str | None:
        return value.isoformat() if value else None

    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "name": user.name,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "privacy_consent_at": when(user.privacy_consent_at),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
    }
    for section in data_sections:
        data.update(section(user))
    return data
