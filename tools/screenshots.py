"""Screenshots of the main pages of every journey, for reviewers.

    make screenshots                      # or: .venv/bin/python tools/screenshots.py
    .venv/bin/python tools/screenshots.py --readme   # also refresh docs/screenshots/*.webp

Builds a throwaway database with the demo data (``<name>_screenshots`` on DATABASE_URL's
server, else on the embedded PostgreSQL under var/), serves it with runserver on a free port
and photographs each page with Playwright and Debian's Chromium at 390 and 1280 px in German
and English, plus the directory, an organisation and the event sign-up in Arabic at 390 px.
Full-page PNGs go to var/screenshots/ (git-ignored).
"""

from __future__ import annotations

import argparse
import base64
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
README_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WIDTHS = (390, 1280)
LANGUAGES = ("de", "en")
# (name in var/screenshots, language, width) of the few that go into the README, as WebP.
README = [
    ("home", "de", 390),
    ("directory", "en", 1280),
    ("organisation", "de", 390),
    ("event-signup", "ar", 390),
    ("event", "en", 1280),
]


@dataclass(frozen=True)
class Shot:
    name: str
    path: str  # without the language prefix
    login: str = ""  # local part of a demo account ("" = anonymous)


@cache
def database_url() -> str:
    sys.path.insert(0, str(ROOT))
    from migra_hub import embedded_db

    parts = urlsplit(os.environ.get("DATABASE_URL") or embedded_db.ensure_running())
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_screenshots"))


def maintenance() -> psycopg.Connection:
    """A connection to the server's "postgres" database, to create and drop ours."""
    parts = urlsplit(database_url())
    url = urlunsplit(parts._replace(scheme="postgresql", path="/postgres", query=""))
    return psycopg.connect(url, autocommit=True)


def database_exists() -> bool:
    name = urlsplit(database_url()).path.lstrip("/")
    with maintenance() as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        return connection.execute(query, [name]).fetchone() is not None


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TESTING"}
    env.update({"DEBUG": "true", "DATABASE_URL": database_url(), "MAP_TILE_URL": ""})
    return env


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True)


def prepare_database() -> None:
    name = sql.Identifier(urlsplit(database_url()).path.lstrip("/"))
    with maintenance() as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    manage("migrate", "--noinput", "-v0")
    manage("createcachetable")
    manage("seed_demo")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("runserver did not start")


def demo_paths() -> dict[str, str]:
    """Paths of one organisation, event and network of the demo data (German URLs)."""
    os.environ.update(environment())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migra_hub.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    from events.models import Event
    from exchange.models import Post
    from networks.models import Network
    from organisations.models import Organisation

    with translation.override("de"):
        organisation = Organisation.objects.published().order_by("name").first()
        event = Event.objects.published().upcoming().open_for_signup().order_by("starts_at").first()
        network = Network.objects.order_by("name").first()
        post = Post.objects.current().filter(answers__isnull=False).order_by("pk").first()
        with_programme = (
            Event.objects.published().filter(programme_parts__isnull=False).distinct().first()
        )
        with_tasks = (
            Network.objects.filter(tasks__isnull=False, district__slug="pankow").distinct().first()
        )
        assert organisation and event and network, "seed_demo made no organisation/event/network"
        assert post, "seed_demo made no exchange post with an answer"
        assert with_programme and with_tasks, "seed_demo made no programme or task list"
        return {
            "exchange_post": post.get_absolute_url()[3:],
            "organisation": organisation.get_absolute_url()[3:],
            "event": event.get_absolute_url()[3:],
            "network": network.get_absolute_url()[3:],
            "event_with_programme": with_programme.get_absolute_url()[3:],
            "network_with_tasks": with_tasks.get_absolute_url()[3:],
        }


def shots(paths: dict[str, str]) -> list[Shot]:
    return [
        Shot("home", "/"),
        Shot("directory", "/organisations/"),
        Shot("organisation", paths["organisation"]),
        Shot("offers", "/offers/"),
        Shot("registration-form", "/register/new/", login="representative"),
        Shot("events", "/events/"),
        Shot("event", paths["event"]),
        Shot("event-signup", paths["event"] + "register/"),
        Shot("event-organisers", paths["event"] + "organisers/", login="staff.pankow"),
        Shot("network", paths["network"]),
        Shot("event-programme", paths["event_with_programme"]),
        Shot("network-with-tasks", paths["network_with_tasks"], login="staff.pankow"),
        Shot("network-tasks", paths["network_with_tasks"] + "tasks/", login="staff.pankow"),
        Shot("network-documents", paths["network_with_tasks"] + "documents/", login="staff.pankow"),
        Shot("exchange", "/exchange/"),
        Shot("funding", "/funding/"),
        Shot("following", "/following/", login="coordinator"),
        # The demo coordinator owns the Sprachcafé, whose room offer has an answer.
        Shot("exchange-post", paths["exchange_post"], login="coordinator"),
        Shot("review-queue", "/review/", login="staff.pankow"),
        Shot("staff-home", "/staff/", login="staff.pankow"),
        Shot("staff-home-city", "/staff/", login="staff.city"),
        Shot("actor-analysis", "/staff/analysis/berlin/pankow/", login="staff.pankow"),
        Shot("staff-new-entry", "/review/new-entry/", login="staff.pankow"),
        Shot("duplicates", "/review/duplicates/", login="staff.pankow"),
        Shot("import", "/open-data/import/", login="staff.pankow"),
        Shot("entry-edit-with-pin", "/manage/brucke-der-kulturen/edit/", login="owner"),
        Shot("entry-history", "/manage/brucke-der-kulturen/history/", login="owner"),
        Shot("login", "/accounts/login/"),
    ]


def log_in(context, base: str, local_part: str) -> None:  # type: ignore[no-untyped-def]
    from migra_hub.demo import DEMO_DOMAIN, DEMO_PASSWORD

    page = context.new_page()
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=login]", f"{local_part}@{DEMO_DOMAIN}")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form[action$='/accounts/login/'] button[type=submit]").click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:  # staff: the demo's authenticator app
        from migra_hub.demo import current_totp_code

        page.fill("input[name=code]", current_totp_code())
        page.locator("form[action$='/2fa/authenticate/'] button[type=submit]").click()
        page.wait_for_load_state()
    page.close()


def to_webp(browser, png: bytes, quality: float = 0.8) -> bytes:  # type: ignore[no-untyped-def]
    """Chromium encodes WebP through a canvas: no image library needed."""
    page = browser.new_page()
    data = page.evaluate(
        """async ([src, quality]) => {
            const image = new Image();
            image.src = src;
            await image.decode();
            const canvas = document.createElement("canvas");
            canvas.width = image.naturalWidth;
            canvas.height = image.naturalHeight;
            canvas.getContext("2d").drawImage(image, 0, 0);
            return canvas.toDataURL("image/webp", quality);
        }""",
        ["data:image/png;base64," + base64.b64encode(png).decode(), quality],
    )
    page.close()
    return base64.b64decode(data.split(",", 1)[1])


def photograph(base: str, paths: dict[str, str], *, readme: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    arabic = {
        "directory",
        "organisation",
        "event-signup",
        "staff-home",
        "actor-analysis",
        "entry-edit-with-pin",
        "entry-history",
        "import",
        "event-programme",
        "network-with-tasks",
        "exchange",
        "funding",
    }
    jobs = [(shot, lang, width) for shot in shots(paths) for lang in LANGUAGES for width in WIDTHS]
    jobs += [(shot, "ar", 390) for shot in shots(paths) if shot.name in arabic]
    written: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        contexts = {}
        for shot, language, width in jobs:
            key = (shot.login, width)
            if key not in contexts:
                contexts[key] = browser.new_context(
                    viewport={"width": width, "height": 900}, device_scale_factor=1
                )
                if shot.login:
                    log_in(contexts[key], base, shot.login)
            page = contexts[key].new_page()
            page.goto(f"{base}/{language}{shot.path}")
            target = OUT / f"{shot.name}-{language}-{width}.png"
            target.write_bytes(page.screenshot(full_page=True))
            written.append(target)
            if readme and (shot.name, language, width) in README:
                README_SHOTS.mkdir(parents=True, exist_ok=True)
                first_screen = page.screenshot(full_page=False)
                webp = to_webp(browser, first_screen)
                (README_SHOTS / f"{shot.name}-{language}-{width}.webp").write_bytes(webp)
            page.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", action="store_true", help="refresh docs/screenshots too")
    parser.add_argument("--port", type=int, default=0, help="runserver port (default: free)")
    parser.add_argument("--keep-db", action="store_true", help="reuse the screenshots database")
    args = parser.parse_args()
    if not (args.keep_db and database_exists()):
        prepare_database()
    paths = demo_paths()
    port = args.port or free_port()
    server = start_server(port)
    try:
        written = photograph(f"http://127.0.0.1:{port}", paths, readme=args.readme)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{len(written)} screenshots in {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
