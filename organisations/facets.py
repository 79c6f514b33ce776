"""The directory's filter values, denormalised onto each organisation and each offer as one
set of integers.

Every value an organisation can be filtered by (a district it serves, a topic, a language, its
kind, the kind of one of its current offers, ...) is one integer key: ``facet * 10**9 + id``.
Filtering is then one containment test on an indexed column, and counting the values of a
result is one pass over its rows, instead of a join per filter. The keys are written by
``organisations.search.organisation_search_refresh`` together with the search data. An
offer's keys are its own topics, target groups, languages, kind and cost (FREE_OFFER) plus
the districts and the migrant-led flag of its organisation.

The keys are stored as ``bigint[]`` with a GIN index.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler

MULTIPLIER = 10**9


class Facet(IntEnum):
    DISTRICT = 1
    TOPIC = 2
    TARGET_GROUP = 3
    LANGUAGE = 4  # spoken
    COUNSELLING_LANGUAGE = 5
    KIND = 6
    OFFER_KIND = 7  # of a current offer
    MIGRANT_LED = 8  # value 1
    FREE_OFFER = 9  # a current offer free of charge; value 1

    def key(self, value: int = 1) -> int:
        return self * MULTIPLIER + value


def decode(key: int) -> tuple[Facet, int]:
    facet, value = divmod(key, MULTIPLIER)
    return Facet(facet), value


class FacetKeysField(models.Field):
    """A set of integers (``bigint[]``)."""

    description = "A set of integer keys"

    def db_type(self, connection: BaseDatabaseWrapper) -> str:
        return "bigint[]"

    def get_db_prep_value(
        self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False
    ) -> Any:
        return sorted({int(key) for key in value or []})

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        return list(value or [])

    def to_python(self, value: Any) -> list[int]:
        return list(value or [])


@FacetKeysField.register_lookup
class HasAll(models.Lookup):
    """``facet_keys__has_all=[k1, k2]``: the set contains every one of these keys."""

    lookup_name = "has_all"
    prepare_rhs = False

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::bigint[]", [*lhs_params, [int(key) for key in self.rhs]]
