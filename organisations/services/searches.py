"""Searches of the directory that found nothing, counted per day."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Max, Sum
from django.utils import timezone

from migra_hub.raw_sql import quoted_table, sql_rows
from organisations.models import UnansweredSearch
from organisations.search_text import normalise, search_terms

MAX_QUERY_LENGTH = 200


def unanswered_query(q: str) -> str:
    """The words of a search as they are counted: lower case, without accents, in the order
    typed; words with digits are left out (telephone, house or case numbers are no
    vocabulary and may be personal)."""
    words = [normalise(term) for term in search_terms(q) if not any(c.isdigit() for c in term)]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def unanswered_search_count(*, q: str) -> None:
    """Count one search that found nothing, today (one statement; safe when several
    processes count the same search at once)."""
    query = unanswered_query(q)
    if not query:
        return
    table = quoted_table(UnansweredSearch)
    sql_rows(
        f"""
        INSERT INTO {table} (day, query, count) VALUES (%s, %s, 1)
        ON CONFLICT (day, query) DO UPDATE SET count = {table}.count + 1
        """,
        [timezone.localdate(), query],
    )


def unanswered_searches(*, days: int = 30, limit: int = 100) -> list[dict[str, Any]]:
    """The searches that found nothing in the last ``days`` days, most frequent first: each
    with ``query``, ``total`` (searches) and ``last_day``."""
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = (
        UnansweredSearch.objects.filter(day__gte=since)
        .values("query")
        .annotate(total=Sum("count"), last_day=Max("day"))
        .order_by("-total", "query")
    )
    return list(rows[:limit])
