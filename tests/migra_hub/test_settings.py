import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from migra_hub import embedded_db
from migra_hub.env import (
    env_bool,
    env_date,
    env_email,
    env_int,
    env_list,
    env_url,
    parse_database_url,
)

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 30 + "-production-like-secret-key-for-the-check-" + "z" * 20,
    "ALLOWED_HOSTS": "migra-hub.example.org",
    "DATABASE_URL": "postgres://hub@db.internal/hub",
    "SECURE_PROXY_SSL_HEADER_ENABLED": "true",
    "OPERATOR_NAME": "Bezirksamt Pankow von Berlin",
}


def run_django(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_settings_refuse_a_missing_secret_key_when_debug_is_off() -> None:
    result = run_django(["check"], {**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_check_deploy_with_production_variables_reports_nothing() -> None:
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_debug_flag_refuses_values_it_does_not_understand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG")


def test_whole_numbers_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        env_int("SOME_NUMBER", default=1)
    monkeypatch.setenv("SOME_NUMBER", "10")
    assert env_int("SOME_NUMBER", default=1) == 10


def test_lists_are_split_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_HOSTS", "a.example.org, b.example.org,")
    assert env_list("SOME_HOSTS") == ["a.example.org", "b.example.org"]


def test_database_url_selects_postgresql() -> None:
    config = parse_database_url("postgres://user:p%40ss@db.internal:5433/hub")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("hub", "user", "p@ss")
    assert (config["HOST"], config["PORT"]) == ("db.internal", "5433")


def test_postgresql_plans_for_data_in_memory_unless_the_url_says_otherwise() -> None:
    config = parse_database_url("postgres://db.internal/hub")
    assert config["OPTIONS"]["options"] == "-c random_page_cost=1.1"
    custom = parse_database_url("postgres://db.internal/hub?options=-c%20work_mem%3D8MB")
    assert custom["OPTIONS"]["options"] == "-c work_mem=8MB"
    assert "options" not in parse_database_url("postgres://h/hub?options=")["OPTIONS"]


@pytest.mark.django_db
def test_postgresql_connections_get_the_planner_setting() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)


@pytest.mark.parametrize("url", ["mysql://localhost/hub", "oracle://localhost/hub"])
def test_database_url_of_another_database_is_refused(url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL must start with postgres://"):
        parse_database_url(url)


def test_settings_want_a_database_url_when_debug_is_off() -> None:
    result = run_django(["check"], {**PRODUCTION_ENV, "DATABASE_URL": ""})
    assert result.returncode != 0
    assert "DATABASE_URL is required when DEBUG is off" in result.stderr


def test_manage_py_without_a_database_url_starts_and_uses_the_embedded_postgresql() -> None:
    show = (
        "from django.db import connection as c; c.ensure_connection();"
        " print(c.settings_dict['PORT'], c.pg_version)"
    )
    result = run_django(["shell", "-c", show], {"DEBUG": "true", "DATABASE_URL": ""})
    assert result.returncode == 0, result.stderr
    port, version = result.stdout.splitlines()[-1].split()
    assert int(port) == embedded_db.port() != 5432
    assert int(version) >= 180000  # PostgreSQL 18 from the wheel


def test_seed_demo_refuses_to_run_with_debug_off() -> None:
    result = run_django(["seed_demo"], PRODUCTION_ENV)
    assert result.returncode != 0
    assert "only runs with DEBUG on" in result.stderr


def test_dates_are_read_as_iso_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_DATE", "2027-03-01")
    assert env_date("SOME_DATE", default=datetime.date(2026, 1, 1)) == datetime.date(2027, 3, 1)
    monkeypatch.setenv("SOME_DATE", "1.3.2027")
    with pytest.raises(ImproperlyConfigured, match="SOME_DATE"):
        env_date("SOME_DATE", default=datetime.date(2026, 1, 1))


def test_addresses_must_be_web_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_URL", "javascript:alert(1)")
    with pytest.raises(ImproperlyConfigured, match="SOME_URL"):
        env_url("SOME_URL", default="")
    monkeypatch.setenv("SOME_URL", "")
    assert env_url("SOME_URL", default="https://example.org/") == ""


def test_email_addresses_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_EMAIL", "not an address")
    with pytest.raises(ImproperlyConfigured, match="SOME_EMAIL"):
        env_email("SOME_EMAIL", default="")
    monkeypatch.delenv("SOME_EMAIL")
    assert env_email("SOME_EMAIL", default="a11y@example.org") == "a11y@example.org"


def test_production_keeps_failed_login_counters_apart_from_throwaway_directory_data() -> None:
    """Without Redis, allauth's failed-login counters (the default cache) sit in a table of
    their own that is never full; directory counts, which come and go by the thousand, are
    culled in another one."""
    show = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['LOCATION'], s.CACHES['default']['OPTIONS']['MAX_ENTRIES'], "
        "s.CACHES['directory']['LOCATION'])"
    )
    result = run_django(["shell", "-c", show], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "django_cache",
        "1000000",
        "django_cache_directory",
    ]
