"""A backup restores: tools/backup_restore_check.py dumps the database, restores the dump into a
fresh database and finds every table with the same number of rows."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from organisations.models import Offer
from tests.factories import EventFactory, OfferFactory, OrganisationFactory, UserFactory

TOOL = Path(__file__).resolve().parents[2] / "tools" / "backup_restore_check.py"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("backup_restore_check", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def database_url() -> str:
    """The test database as a URL, with the credentials Django uses."""
    conf = connection.settings_dict
    credentials = quote(conf["USER"]) + (f":{quote(conf['PASSWORD'])}" if conf["PASSWORD"] else "")
    host, port = conf["HOST"] or "localhost", conf["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{conf['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_dump_restores_into_a_fresh_database_with_every_row() -> None:
    organisation = OrganisationFactory(name="Brücke e.V.")
    OfferFactory.create_batch(3, organisation=organisation)
    EventFactory.create_batch(2)
    UserFactory(email="amal@example.org")
    url = database_url()
    restored_name = f"{connection.settings_dict['NAME']}_restore_test"

    result = subprocess.run(
        [
            sys.executable,
            str(TOOL),
            "--database-url",
            url,
            "--restore-name",
            restored_name,
            "--keep-restored",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "every count matches" in result.stdout
    tool = load_tool()
    restored_url = tool.with_database(tool.libpq_url(url), restored_name)
    try:
        with psycopg.connect(restored_url) as restored:
            names = restored.execute("SELECT name FROM organisations_organisation").fetchall()
            offers = restored.execute("SELECT count(*) FROM organisations_offer").fetchone()
            users = restored.execute("SELECT email FROM accounts_user").fetchall()
        assert ("Brücke e.V.",) in names
        assert offers == (Offer.objects.count(),)
        assert ("amal@example.org",) in users
    finally:
        with psycopg.connect(
            tool.with_database(tool.libpq_url(url), "postgres"), autocommit=True
        ) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(restored_name)
                )
            )


def test_the_check_names_every_table_whose_count_differs() -> None:
    tool = load_tool()
    problems = tool.compare(
        {"organisations_organisation": 3, "events_event": 2, "accounts_user": 1},
        {"organisations_organisation": 3, "events_event": 1},
    )
    assert problems == [
        "accounts_user: 1 rows in the source, None restored",
        "events_event: 2 rows in the source, 1 restored",
    ]


def test_database_urls_lose_what_only_our_settings_understand() -> None:
    tool = load_tool()
    url = tool.libpq_url("pgsql://migrahub:secret@db:5432/migrahub?conn_max_age=0&options=")
    assert url == "postgresql://migrahub:secret@db:5432/migrahub"
    assert tool.with_database(url, "postgres") == "postgresql://migrahub:secret@db:5432/postgres"
