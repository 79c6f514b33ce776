"""The privacy registry: what the privacy pages need from the other apps, without importing them.

``accounts`` sits below every other app. Each app that keeps personal data registers here, in
its ``AppConfig.ready`` (from its own ``privacy.py``):

- a data section: what it holds about a person, for the data download;
- a deletion step: what it removes or pseudonymises before the account is deleted, returning
  what it had to keep and why, for the confirmation page;
- the roles it gives that let a person see other people's personal data (district staff,
  curators of city-wide networks): such accounts must use a second factor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Exists, Q

from accounts.models import User


@dataclass(frozen=True)
class Person:
    """Who is asking: the account and every copy of their identity that other rows may hold.

    Only verified addresses count (and the login address): an address someone merely typed
    into their account must not let them read or delete the data of its real owner.
    """

    user: User
    addresses: tuple[str, ...]
    name: str

    @classmethod
    def of(cls, user: User) -> Person:
        from allauth.account.models import EmailAddress

        verified = EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
        addresses = sorted({user.email.lower(), *(address.lower() for address in verified)})
        return cls(user=user, addresses=tuple(addresses), name=user.name.strip())

    def address_q(self, field: str) -> Q:
        """Rows whose ``field`` holds one of the person's addresses (in any letter case)."""
        return reduce(or_, (Q(**{f"{field}__iexact": address}) for address in self.addresses))

    def mention_q(self, field: str) -> Q:
        """Rows whose text ``field`` contains one of the person's addresses."""
        return reduce(or_, (Q(**{f"{field}__icontains": address}) for address in self.addresses))


@dataclass(frozen=True)
class Kept:
    """Something that stays after the account is gone (without name and address), and why."""

    what: str
    why: str

    @classmethod
    def counted(cls, count: int, what: Any, why: Any) -> list[Kept]:
        """``count`` things that stay, or nothing when there are none. ``what`` is an
        ``ngettext_lazy(..., "count")`` text."""
        return [cls(what=str(what % {"count": count}), why=str(why))] if count else []


DataSection = Callable[[Person], dict[str, Any]]
DeletionStep = Callable[[Person], list[Kept]]
# An ``Exists`` on a queryset filtered by ``user=OuterRef("pk")``, evaluated on User rows.
StaffRole = Callable[[], Exists]

data_sections: list[DataSection] = []
deletion_steps: list[DeletionStep] = []
staff_roles: list[StaffRole] = []


def register_data_section(section: DataSection) -> None:
    if section not in data_sections:
        data_sections.append(section)


def register_deletion_step(step: DeletionStep) -> None:
    if step not in deletion_steps:
        deletion_steps.append(step)


def register_staff_role(role: StaffRole) -> None:
    if role not in staff_roles:
        staff_roles.append(role)


def when(value: Any) -> str | None:
    """A date or time for the download (ISO 8601), or None."""
    return value.isoformat() if value else None


def personal_data(user: User) -> dict[str, Any]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    person = Person.of(user)
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "name": user.name,
            "language": user.language,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "privacy_consent_at": when(user.privacy_consent_at),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        # Which second factors are set up and when they were used, never their secrets.
        "second_factors": [
            {
                "type": authenticator.type,
                "created_at": when(authenticator.created_at),
                "last_used_at": when(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }
    for section in data_sections:
        data.update(section(person))
    return data
