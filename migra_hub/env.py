"""Typed helpers that read settings from environment variables and refuse bad values."""

from __future__ import annotations

import datetime
import json
import os
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import URLValidator, validate_email

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_date(name: str, default: datetime.date) -> datetime.date:
    """A calendar date written as YYYY-MM-DD."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a date as YYYY-MM-DD, not {value!r}.") from None


def env_url(name: str, default: str) -> str:
    """An http(s) address, or the empty string where the default is empty."""
    value = os.environ.get(name)
    value = default if value is None else value.strip()
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name} must be an http:// or https:// address, not {value!r}."
            ) from None
    return value


def env_email(name: str, default: str) -> str:
    """An e-mail address, or the empty string where the default is empty."""
    value = os.environ.get(name)
    value = default if value is None else value.strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name} must be an e-mail address, not {value!r}."
            ) from None
    return value


def env_json_object(name: str) -> dict[str, Any]:
    """A JSON object (e.g. the options of a storage backend); empty when the variable is unset."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return {}
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object, not {value!r}.")
    return parsed


# The value PostgreSQL's documentation suggests for data on SSDs or in memory.
POSTGRES_RANDOM_PAGE_COST = 1.1


def parse_database_url(url: str) -> dict[str, Any]:
    """Turn ``postgres://user:pass@host:port/name`` into DATABASES (PostgreSQL is the only
    database: search, facets and locks rely on it)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    options = {key: values[-1] for key, values in query.items()}
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        # The directory's data fits in memory: random reads cost about what sequential ones
        # do, and with PostgreSQL's default (4) the planner fetches a broad search word's whole
        # index entry to save heap reads a filter would have made cheaply. ``?options=`` in
        # the URL replaces this (e.g. behind PgBouncer, which drops startup options).
        options.setdefault("options", f"-c random_page_cost={POSTGRES_RANDOM_PAGE_COST}")
        if not options["options"]:
            del options["options"]  # "?options=": none at all
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL for PostgreSQL needs a database name.")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": int(options.pop("conn_max_age", "") or "60"),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(f"DATABASE_URL must start with postgres://, not {parts.scheme!r}.")
