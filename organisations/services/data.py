"""The typed values the write services take: what an entry or an offer should say.

A field left at ``UNSET`` is not touched: a new entry gets the model's default, an existing one
keeps what it has. So the web form (all its fields), an import (the columns of its file) and the
demo data describe a change the same way, and the service saves only what differs.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, Final, Self, TypeAlias, TypeVar

from django.db.models import Model

from organisations.models import District, Language, OfferKind, OrganisationKind, TargetGroup, Topic


class _Unset(enum.Enum):
    UNSET = "unset"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset.UNSET

T = TypeVar("T")
Maybe: TypeAlias = T | _Unset  # a value, or UNSET for "leave as it is"

Translations = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True, kw_only=True)
class EntryData:
    """What organisations and offers share: their address and their language versions."""

    external_id: Maybe[str] = UNSET
    street: Maybe[str] = UNSET
    postcode: Maybe[str] = UNSET
    locality: Maybe[str] = UNSET
    latitude: Maybe[Decimal | None] = UNSET
    longitude: Maybe[Decimal | None] = UNSET
    original_language: Maybe[str] = UNSET
    translations: Maybe[Translations] = UNSET

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Self:
        """Take the known fields from a form's ``cleaned_data`` or an import record.

        Many-to-many values (querysets, lists) become tuples, so the value stays immutable.
        """
        known = {field.name for field in fields(cls)}
        taken: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                continue
            if isinstance(value, Collection) and not isinstance(value, str | Mapping):
                value = tuple(value)
            taken[name] = value
        return cls(**taken)

    def given(self) -> dict[str, Any]:
        """The fields that are set, by name."""
        return {
            field.name: getattr(self, field.name)
            for field in fields(self)
            if getattr(self, field.name) is not UNSET
        }


@dataclass(frozen=True, kw_only=True)
class OrganisationData(EntryData):
    name: Maybe[str] = UNSET
    short_name: Maybe[str] = UNSET
    kind: Maybe[OrganisationKind] = UNSET
    migrant_led: Maybe[bool] = UNSET
    description: Maybe[str] = UNSET
    founding_year: Maybe[int | None] = UNSET
    districts: Maybe[Collection[District]] = UNSET
    no_public_address: Maybe[bool] = UNSET
    website: Maybe[str] = UNSET
    email: Maybe[str] = UNSET
    phone: Maybe[str] = UNSET
    social_links: Maybe[str] = UNSET
    languages: Maybe[Collection[Language]] = UNSET
    counselling_languages: Maybe[Collection[Language]] = UNSET
    topics: Maybe[Collection[Topic]] = UNSET
    target_groups: Maybe[Collection[TargetGroup]] = UNSET
    register_court: Maybe[str] = UNSET
    register_number: Maybe[str] = UNSET
    non_profit: Maybe[bool] = UNSET


@dataclass(frozen=True, kw_only=True)
class OfferData(EntryData):
    title: Maybe[str] = UNSET
    kind: Maybe[OfferKind] = UNSET
    description: Maybe[str] = UNSET
    topics: Maybe[Collection[Topic]] = UNSET
    target_groups: Maybe[Collection[TargetGroup]] = UNSET
    languages: Maybe[Collection[Language]] = UNSET
    cost: Maybe[str] = UNSET
    schedule: Maybe[str] = UNSET
    registration_required: Maybe[bool] = UNSET
    starts_on: Maybe[datetime.date | None] = UNSET
    ends_on: Maybe[datetime.date | None] = UNSET
    at_organisation_address: Maybe[bool] = UNSET
    step_free: Maybe[bool] = UNSET
    accessible_toilet: Maybe[bool] = UNSET
    hearing_loop: Maybe[bool] = UNSET
    accessibility_notes: Maybe[str] = UNSET


def require(data: EntryData, *names: str) -> None:
    """A new entry cannot be saved without these (the database would refuse it)."""
    missing = [name for name in names if getattr(data, name) is UNSET]
    if missing:
        raise ValueError(f"{type(data).__name__} needs {', '.join(missing)} for a new entry")


def model_values(model: type[Model], given: Mapping[str, Any]) -> tuple[dict, dict]:
    """Split given values into plain fields and many-to-many fields of ``model``."""
    plain, many = {}, {}
    for name, value in given.items():
        if model._meta.get_field(name).many_to_many:
            many[name] = value
        else:
            plain[name] = value
    return plain, many
