"""Sign-up under load: many people sign up for one event with 50 seats at the same moment.

Starts the app in gunicorn (2 worker processes with threads) against DATABASE_URL, creates a
fresh event, lets CLIENTS concurrent clients each fetch the form and post a sign-up, and prints
p50/p99 of the sign-up POST (the GET of the form is the baseline measured in the same run).
It then checks the outcome: exactly CAPACITY confirmed, the rest on the waiting list in order,
no error, none lost. Load goes to 127.0.0.1 only; the run is bounded in count and time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_events \\
        .venv/bin/python bench/events_signup.py --signups 400 --clients 50

The test ``tests/events/test_concurrency.py`` uses the same functions.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120  # seconds for any one request
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Result:
    email: str
    get_status: int
    get_seconds: float
    status: int
    seconds: float
    location: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(database_url: str, extra_env: dict | None = None) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        # Confirmation mails are queued in the database, as in production; no worker sends them.
        # Every client comes from 127.0.0.1: lift the per-IP limit for the benchmark only.
        "EVENTS_SIGNUP_LIMIT_PER_IP": "1000000",
        **(extra_env or {}),
    }


def collect_static(database_url: str) -> None:
    """Production mode serves hashed static files: collect them first (as ``make serve``)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=server_env(database_url),
        check=True,
    )


def start_gunicorn(
    database_url: str,
    port: int,
    *,
    workers: int = 2,
    threads: int = 8,
    extra_env: dict | None = None,
) -> subprocess.Popen:
    """The app as in production (DEBUG off) in ``workers`` processes, on 127.0.0.1 only."""
    env = server_env(database_url, extra_env)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen(
        [
            str(gunicorn),
            "migra_hub.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--backlog",
            "2048",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn we started (its own process group) and wait for it."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _cookie(headers: list[tuple[str, str]], name: str) -> str:
    for key, value in headers:
        if key.lower() == "set-cookie" and value.startswith(f"{name}="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return ""


def sign_up(port: int, slug: str, email: str, barrier: threading.Barrier | None = None) -> Result:
    """One person: open the form (cookie and CSRF token), then post the sign-up."""
    path = f"/de/events/{slug}/register/"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    get_seconds = time.perf_counter() - started
    token = _cookie(response.getheaders(), "csrftoken")
    match = CSRF_INPUT.search(html)
    if response.status != 200 or not token or not match:
        return Result(email, response.status, get_seconds, 0, 0.0, "")
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": match.group(1),
            "name": f"Person {email.split('@')[0]}",
            "email": email,
            "consent": "on",
            "website": "",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={token}",
    }
    connection.close()
    if barrier is not None:
        barrier.wait(timeout=TIMEOUT)
    # A new connection: gunicorn closes idle keep-alive connections after two seconds.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    started = time.perf_counter()
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    seconds = time.perf_counter() - started
    connection.close()
    return Result(
        email, 200, get_seconds, response.status, seconds, response.getheader("Location") or ""
    )


def fire_simultaneously(port: int, slug: str, count: int, prefix: str = "p") -> list[Result]:
    """``count`` sign-ups whose POSTs all leave at the same moment (a barrier)."""
    barrier = threading.Barrier(count)
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [
            pool.submit(sign_up, port, slug, f"{prefix}{n}@example.org", barrier)
            for n in range(count)
        ]
        return [future.result(timeout=TIMEOUT * 2) for future in futures]


def fire_with_clients(port: int, slug: str, count: int, clients: int) -> list[Result]:
    """``count`` sign-ups by ``clients`` concurrent clients (each one after the other)."""
    with ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [
            pool.submit(sign_up, port, slug, f"bench{n}-{time.time_ns()}@example.org")
            for n in range(count)
        ]
        return [future.result(timeout=TIMEOUT * 2) for future in futures]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signups", type=int, default=400)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migra_hub.settings")
    os.environ.setdefault("DEBUG", "true")
    if not os.environ.get("DATABASE_URL"):
        from migra_hub import embedded_db

        os.environ["DATABASE_URL"] = embedded_db.ensure_running()
    import datetime

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from events.models import Event, Registration
    from organisations.models import City, District

    database_url = os.environ["DATABASE_URL"]
    print(f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
    print(
        f"{args.signups} sign-ups, {args.clients} concurrent clients, {args.capacity} seats, "
        f"gunicorn {args.workers} workers x {args.threads} threads, {args.runs} runs"
    )
    city, _ = City.objects.get_or_create(slug="bench-city", defaults={"name": "Bench City"})
    district, _ = District.objects.get_or_create(
        city=city, slug="bench-district", defaults={"name": "Bench District"}
    )
    collect_static(database_url)
    port = free_port()
    process = start_gunicorn(database_url, port, workers=args.workers, threads=args.threads)
    failures = 0
    try:
        wait_until_up(port, process)
        for run in range(1, args.runs + 1):
            start = timezone.now() + datetime.timedelta(days=7)
            event = Event.objects.create(
                title="Bench round table",
                slug=f"bench-{time.time_ns()}",
                organiser_district=district,
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                capacity=args.capacity,
                waiting_list=True,
                status=Event.Status.PUBLISHED,
            )
            began = time.perf_counter()
            results = fire_with_clients(port, event.slug, args.signups, args.clients)
            wall = time.perf_counter() - began
            posts = [r.seconds for r in results if r.status == 302] or [float("nan")]
            gets = [r.get_seconds for r in results if r.get_status == 200] or [float("nan")]
            errors = sum(1 for r in results if r.status != 302)
            ordered = list(
                event.registrations.order_by("created_at", "pk").values_list("status", flat=True)
            )
            confirmed = ordered.count(Registration.Status.CONFIRMED)
            in_order = ordered == [Registration.Status.CONFIRMED] * confirmed + [
                Registration.Status.WAITLISTED
            ] * (len(ordered) - confirmed)
            ok = (
                errors == 0
                and len(ordered) == args.signups
                and confirmed == min(args.capacity, args.signups)
                and in_order
            )
            failures += not ok
            print(
                f"run {run}: sign-up POST p50 {statistics.median(posts) * 1000:.0f} ms, "
                f"p99 {percentile(posts, 0.99) * 1000:.0f} ms | form GET (baseline) p50 "
                f"{statistics.median(gets) * 1000:.0f} ms, "
                f"p99 {percentile(gets, 0.99) * 1000:.0f} ms"
                f" | {args.signups / wall:.0f} sign-ups/s | confirmed {confirmed}, "
                f"waiting {len(ordered) - confirmed}, errors {errors}, "
                f"{'OK' if ok else 'WRONG'}"
            )
            event.delete()
    finally:
        stop(process)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
