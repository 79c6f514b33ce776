"""Statements the ORM cannot say (upserts, unnest, lateral joins, text search vectors, counts
over several querysets at once), run one way: table names quoted by the database backend, every
value passed as a parameter, never formatted into the text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


def quoted_table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def sql_rows(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run one statement; the rows it returns (none for a statement without a result)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description is not None else []
