"""Benchmark of the directory at scale: 100,000 organisations and 300,000 offers.

    createdb -h 127.0.0.1 -U postgres wt_directory_bench
    createdb -h 127.0.0.1 -U postgres wt_directory_bench_1k
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_directory_bench \
        .venv/bin/python bench/directory.py \
        --small-database-url postgres://postgres@127.0.0.1:5432/wt_directory_bench_1k

1. Loads generated organisations and offers into the configured database (COPY), unless they
   are there already, and builds their search data.
2. Measures median and p99 latency of the directory with two filters, with a search term, with
   both (also right after a change, when nothing is cached), unfiltered, of the organisation
   page and of the offers page with two filters, and of two pages to compare them with
   (``bench.baseline``: a minimal page doing one filtered, ordered, paginated query rendering
   25 rows, and a bare "hello" page): first through Django's test client (server time, one
   request at a time), then through gunicorn with a load generator (wrk when installed, else a
   small threaded Python client), each scenario alternating with the page it is compared with,
   printing its throughput as a ratio to that page's.
3. With --small-database-url, the same scenarios at 1,000 entries in that database (a separate
   process): the ratio of each directory median at this size to the one at 1,000.

Options: --organisations N, --offers-per-organisation N, --requests N (per scenario, test
client), --seconds N (per scenario, load generator), --workers N (gunicorn), --skip-http,
--small-database-url URL, --rebuild-search-data.
The machines are shared: run it when needed, not in a loop.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Production-like settings unless the caller says otherwise (DEBUG off: no query log).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-local-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from organisations.demo import BERLIN_DISTRICTS  # noqa: E402
from organisations.models import (  # noqa: E402
    City,
    District,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    TargetGroup,
    Topic,
)
from organisations.search import directory_changed, organisation_search_refresh  # noqa: E402
from organisations.vocabularies import load_vocabularies  # noqa: E402

SLUG_PREFIX = "bench-"
ORIGINS = [
    "Afghanische", "Arabische", "Eritreische", "Kurdische", "Polnische", "Syrische", "Türkische",
    "Ukrainische", "Vietnamesische", "Afrikanische", "Persische", "Russischsprachige",
    "Somalische", "Bosnische", "Griechische", "Tamilische", "Georgische", "Lateinamerikanische",
]  # fmt: skip
KINDS_OF_GROUP = [
    "Kulturverein", "Elterninitiative", "Frauengruppe", "Jugendgruppe", "Bildungsforum",
    "Nachbarschaftshilfe", "Sportgemeinschaft", "Literaturkreis", "Beratungsstelle",
    "Selbsthilfegruppe", "Gemeinde", "Studierendengruppe", "Seniorentreff", "Musikgruppe",
]  # fmt: skip
SENTENCES = [
    "Wir beraten Familien in ihrer Herkunftssprache und begleiten sie zu Ämtern.",
    "Ehrenamtliche organisieren Hausaufgabenhilfe, Sprachcafés und Ausflüge.",
    "Wir stärken Frauen durch Peer-Beratung, Kurse und einen offenen Treffpunkt.",
    "Unser Verein bietet Kulturveranstaltungen, Musik und Literatur aus der Heimat.",
    "Wir unterstützen Jugendliche beim Übergang von der Schule in Ausbildung und Beruf.",
    "Beratung zu Asyl und Aufenthalt sowie Begleitung bei Anhörungen.",
    "Antidiskriminierungsberatung und Empowerment-Workshops für Betroffene.",
    "Gemeinsam kochen, feiern und voneinander lernen.",
    "Wir vermitteln Dolmetscher*innen für Arztbesuche und Elterngespräche.",
    "Sport und Bewegung für Mädchen und junge Frauen.",
    "Treffpunkt für ältere Menschen mit Kaffee, Gesprächen und Ausflügen.",
    "Unterstützung bei der Wohnungssuche und bei Fragen zum Mietvertrag.",
    "Wir helfen bei Bewerbungen und bei der Anerkennung ausländischer Abschlüsse.",
    "Politische Bildung und Beteiligung in Beiräten und Gremien.",
    "Мы консультируем семьи на русском и украинском языках.",
    "نقدم الاستشارة للعائلات باللغة العربية.",
]
OFFER_TITLES = [
    "Sozialberatung", "Beratung für Frauen", "Deutschkurs", "Elterncafé", "Offener Treff",
    "Ausbildungspatenschaften", "Lesungen und Musikabende", "Begleitung zu Ämtern",
    "Hausaufgabenhilfe", "Fußball für Mädchen", "Asylverfahrensberatung", "Nähkurs",
    "Computerkurs für Senior*innen", "Bewerbungstraining", "Theatergruppe",
]  # fmt: skip
COMMON_LANGUAGES = [
    "ar", "tr", "uk", "ru", "fa", "prs", "ti", "kmr", "pl", "vi", "fr", "en", "ro", "so", "ps",
    "sq", "bs", "el", "ta", "es",
]  # fmt: skip


# --- Loading --------------------------------------------------------------------------------------


def _copy(model: type, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _with_defaults(
    model: type, columns: Sequence[str], rows: list[Sequence[object]]
) -> tuple[list[str], list[Sequence[object]]]:
    """Add every other column that has a default ("" for text) in the model: fields added
    after this script was written keep it working."""
    extra = [
        field
        for field in model._meta.concrete_fields  # type: ignore[attr-defined]
        if field.column not in columns
        and (field.has_default() or (not field.null and field.empty_strings_allowed))
    ]
    if not extra:
        return list(columns), rows
    defaults = [field.get_db_prep_save(field.get_default(), connection) for field in extra]
    return (
        [*columns, *(field.column for field in extra)],
        [(*row, *defaults) for row in rows],
    )


def _insert(model: type, columns: Sequence[str], rows: list[Sequence[object]]) -> None:
    if rows:
        _copy(model, *_with_defaults(model, columns, rows))


def _next_id(model: type) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def hidden_address(rng: random.Random) -> bool:
    return rng.random() < 0.1  # one in ten has no public address


def load(count: int, offers_per_organisation: int) -> None:
    present = Organisation.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if present >= count:
        print(f"{present} generated organisations are present; loading skipped.")
        return
    if present:
        sys.exit(
            f"{present} generated organisations present, {count} asked for: use a new database."
        )
    started = time.perf_counter()
    load_vocabularies()
    city, _ = City.objects.get_or_create(slug="berlin", defaults={"name": "Berlin"})
    districts = []
    for name, coordinates in BERLIN_DISTRICTS:
        district, _ = District.objects.get_or_create(
            city=city, slug=re.sub(r"[^a-z]+", "-", name.lower()), defaults={"name": name}
        )
        districts.append((district.pk, coordinates))
    kinds = list(OrganisationKind.objects.values_list("pk", flat=True))
    offer_kinds = list(OfferKind.objects.values_list("pk", flat=True))
    topics = list(Topic.objects.values_list("pk", flat=True))
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    languages = dict(Language.objects.values_list("code", "pk"))
    common = [languages[code] for code in COMMON_LANGUAGES if code in languages]
    german = languages["de"]
    rng = random.Random(100_000)
    now = timezone.now()
    today = timezone.localdate()

    first_org = _next_id(Organisation)
    first_offer = _next_id(Offer)
    org_rows, org_districts, org_languages, org_counselling, org_topics, org_groups = (
        [], [], [], [], [], []
    )  # fmt: skip
    offer_rows, offer_topics, offer_groups, offer_languages = [], [], [], []
    org_columns = [
        "id", "name", "short_name", "slug", "kind_id", "migrant_led", "description",
        "founding_year", "no_public_address", "street", "postcode", "locality", "latitude",
        "longitude", "website", "email", "phone", "social_links", "register_court",
        "register_number", "non_profit", "status", "published_at", "last_confirmed_at",
        "created_at", "updated_at", "uuid",
    ]  # fmt: skip
    offer_columns = [
        "id", "organisation_id", "title", "description", "kind_id", "cost", "schedule",
        "at_organisation_address", "step_free", "accessible_toilet", "hearing_loop",
        "accessibility_notes", "registration_required", "starts_on", "ends_on", "street",
        "postcode", "locality", "created_at", "updated_at", "uuid",
    ]  # fmt: skip
    offer_id = first_offer
    for index in range(count):
        pk = first_org + index
        home, (lat, lon) = districts[index % len(districts)]
        other = districts[(index * 7 + 3) % len(districts)][0]
        name = f"{rng.choice(ORIGINS)} {rng.choice(KINDS_OF_GROUP)} {index + 1}"
        slug = f"{SLUG_PREFIX}{index + 1}"
        street = "" if hidden_address(rng) else f"Lindenstraße {index % 200 + 1}"
        hidden = not street
        status = "published" if rng.random() < 0.95 else rng.choice(["draft", "pending"])
        updated = now - timedelta(minutes=rng.randint(0, 600_000))
        org_rows.append(
            (
                pk, name, "", slug, rng.choice(kinds),
                rng.random() < 0.8, " ".join(rng.sample(SENTENCES, 3)),
                rng.randint(1970, 2025), hidden, street,
                "" if hidden else f"1{rng.randint(2000, 4999)}", "Berlin",
                None if hidden else round(lat + rng.uniform(-0.03, 0.03), 6),
                None if hidden else round(lon + rng.uniform(-0.04, 0.04), 6),
                f"https://{slug}.example.org", f"info@{slug}.example.org",
                "030 1234567", "", "", "", True, status, now, updated, updated, updated,
                uuid.UUID(int=rng.getrandbits(128), version=4),
            )
        )  # fmt: skip
        org_districts.append((pk, home))
        if other != home:
            org_districts.append((pk, other))
        spoken = rng.sample(common, 3)
        org_languages += [(pk, german)] + [(pk, language) for language in spoken]
        org_counselling += [(pk, language) for language in spoken[:2]]
        org_topics += [(pk, topic) for topic in rng.sample(topics, 3)]
        org_groups += [(pk, group) for group in rng.sample(groups, 2)]
        for number in range(offers_per_organisation):
            ended = rng.random() < 0.2
            offer_rows.append(
                (
                    offer_id, pk, rng.choice(OFFER_TITLES), rng.choice(SENTENCES),
                    rng.choice(offer_kinds), rng.choice(["free", "free", "reduced", "paid"]),
                    "Dienstags 16–18 Uhr", True, number % 2 == 0, number % 3 == 0, False, "",
                    number % 2 == 1, today - timedelta(days=400) if ended else None,
                    today - timedelta(days=rng.randint(1, 300)) if ended else None,
                    "", "", "", updated, updated,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                )
            )  # fmt: skip
            offer_topics.append((offer_id, rng.choice(topics)))
            offer_groups.append((offer_id, rng.choice(groups)))
            offer_languages.append((offer_id, rng.choice(spoken)))
            offer_id += 1

    with transaction.atomic():
        _insert(Organisation, org_columns, org_rows)
        _insert(Organisation.districts.through, ["organisation_id", "district_id"], org_districts)
        _insert(Organisation.languages.through, ["organisation_id", "language_id"], org_languages)
        _insert(
            Organisation.counselling_languages.through,
            ["organisation_id", "language_id"],
            org_counselling,
        )
        _insert(Organisation.topics.through, ["organisation_id", "topic_id"], org_topics)
        _insert(
            Organisation.target_groups.through, ["organisation_id", "targetgroup_id"], org_groups
        )
        _insert(Offer, offer_columns, offer_rows)
        _insert(Offer.topics.through, ["offer_id", "topic_id"], offer_topics)
        _insert(Offer.target_groups.through, ["offer_id", "targetgroup_id"], offer_groups)
        _insert(Offer.languages.through, ["offer_id", "language_id"], offer_languages)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Organisation, Offer]):
                cursor.execute(statement)
    loaded = time.perf_counter()
    print(
        f"Inserted {count} organisations and {len(offer_rows)} offers in {loaded - started:.0f} s"
    )
    organisation_search_refresh(
        organisation_ids=range(first_org, first_org + count)  # type: ignore[arg-type]
    )
    print(f"Built their search data in {time.perf_counter() - loaded:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


# --- Measuring ------------------------------------------------------------------------------------


def scenarios() -> dict[str, list[str]]:
    """Each scenario rotates through a few URLs so that not one cached plan is measured."""
    rng = random.Random(7)
    district_ids = list(District.objects.values_list("pk", flat=True))
    slugs = list(
        Organisation.objects.published()
        .filter(slug__startswith=SLUG_PREFIX)
        .values_list("slug", flat=True)[:20_000]
    )
    languages = ["ar", "tr", "uk", "fa", "ru"]
    # Names are "<origin> <kind of group> <n>": each origin or kind is in 5-7 % of them.
    selective = ["Jugendgruppe", "Literaturkreis", "Georgische", "Seniorentreff", "Tamilische"]
    # Words of the few generated descriptions are in 30-75 % of all entries.
    broad = ["Frauen", "Beratnug", "Tuerkisch", "Sprachcafé"]
    return {
        # The pages the others are compared with (bench.baseline): a bare "hello" through the
        # middleware, and one filtered, ordered, paginated query rendering 25 rows.
        HELLO: ["/bench/hello/"],
        BASELINE: [
            f"/bench/baseline/?district={rng.choice(district_ids)}&page={rng.randint(1, 20)}"
            for _ in range(5)
        ],
        "home page": ["/de/"],
        "directory, no filter": ["/de/organisations/"],
        "directory, two filters": [
            f"/de/organisations/?district={rng.choice(district_ids)}&language={language}"
            for language in languages
        ],
        "directory, two filters + search": [
            f"/de/organisations/?district={rng.choice(district_ids)}&language={language}&q=Beratung"
            for language in languages
        ],
        # The same, each request right after a change of the directory: nothing of it is in
        # a cache (vocabulary, rendered cards); only the test client measures these.
        f"directory, two filters + search{AFTER_A_CHANGE}": [
            f"/de/organisations/?district={rng.choice(district_ids)}&language={language}&q=Beratung"
            for language in languages
        ],
        "directory, search (5-7 % match)": [
            f"/de/organisations/?{urlencode({'q': term})}" for term in selective
        ],
        "directory, search (30-75 % match)": [
            f"/de/organisations/?{urlencode({'q': term})}" for term in broad
        ],
        "organisation page": [f"/de/organisations/{slug}/" for slug in rng.sample(slugs, 20)],
        "offers, two filters": [
            f"/de/offers/?district={rng.choice(district_ids)}&language={language}"
            for language in languages
        ],
    }


AFTER_A_CHANGE = ", cold"
HELLO = "baseline: hello page"
BASELINE = "baseline: minimal list page"
# What each scenario's throughput is compared with (the baseline page unless named here).
COMPARED_WITH = {HELLO: HELLO, BASELINE: BASELINE, "home page": HELLO}
# The scenarios whose median at 100,000 entries is compared with the median at 1,000.
SCALING = ("directory, ",)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_test_client(urls_by_name: dict[str, list[str]], requests: int) -> dict[str, float]:
    """Median and p99 of each scenario through the test client (server time); returns the
    medians."""
    client = Client()
    database = {"seconds": 0.0, "queries": 0}

    def timed(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            database["seconds"] += time.perf_counter() - started
            database["queries"] += 1

    medians: dict[str, float] = {}
    print(f"\nDjango test client, one request at a time ({requests} per scenario):")
    print(f"  {'scenario':40} {'median ms':>10} {'p99 ms':>8} {'of it SQL':>10} {'queries':>8}")
    for name, urls in urls_by_name.items():
        for url in urls:  # warm up
            assert client.get(url).status_code == 200, url
        timings, sql_timings = [], []
        with connection.execute_wrapper(timed):
            for number in range(requests):
                url = urls[number % len(urls)]
                if name.endswith(AFTER_A_CHANGE):
                    directory_changed()
                database.update(seconds=0.0, queries=0)
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                sql_timings.append(database["seconds"] * 1000)
                assert response.status_code == 200, url
        medians[name] = statistics.median(timings)
        print(
            f"  {name:40} {medians[name]:10.1f} {percentile(timings, 0.99):8.1f}"
            f" {statistics.median(sql_timings):10.1f} {database['queries']:>8}"
        )
    return medians


WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def run_wrk(
    base: str, urls: list[str], seconds: int, connections: int
) -> tuple[float, float, float, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(f'"{url}"' for url in urls))
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name, base],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    os.unlink(script.name)
    output = result.stdout

    def milliseconds(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        assert match, output
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return milliseconds("50"), milliseconds("99"), rate, errors.group(1) if errors else "0"


def run_python_client(
    base: str, urls: list[str], seconds: int, connections: int
) -> tuple[float, float, float, str]:
    timings: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(offset: int) -> None:
        nonlocal errors
        number = offset
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + urls[number % len(urls)], timeout=30) as reply:
                    reply.read()
                    ok = reply.status == 200
            except OSError:
                ok = False
            with lock:
                timings.append((time.perf_counter() - started) * 1000)
                errors += not ok
            number += 1

    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(worker, range(connections)))
    return (
        statistics.median(timings),
        percentile(timings, 0.99),
        len(timings) / seconds,
        str(errors),
    )


def measure_http(urls_by_name: dict[str, list[str]], seconds: int, workers: int) -> None:
    port = 8077
    base = f"http://127.0.0.1:{port}"
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "migra_hub.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--log-level", "warning"],
        cwd=ROOT, env=os.environ.copy(), start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        connections = workers  # one request per worker at a time: latency without queueing
        tool = "wrk" if shutil.which("wrk") else "python threads"
        runner = run_wrk if tool == "wrk" else run_python_client
        print(
            f"\ngunicorn ({workers} workers) with {tool}, {connections} connections,"
            f" {seconds} s per scenario:"
        )
        print(
            "  Each scenario alternates with the page it is compared with (the minimal list"
            " page; the hello page for the home page); x = its throughput / that page's,"
            " p99 x = its p99 / that page's."
        )
        print(
            f"  {'scenario':40} {'median ms':>10} {'p99 ms':>8} {'req/s':>7} {'errors':>7}"
            f" {'x':>6} {'p99 x':>6}"
        )
        for name, urls in urls_by_name.items():
            if name.endswith(AFTER_A_CHANGE):
                continue
            compared = COMPARED_WITH.get(name, BASELINE)
            if compared == name:
                median, p99, rate, errors = runner(base, urls, seconds, connections)
                print(f"  {name:40} {median:10.1f} {p99:8.1f} {rate:7.1f} {errors:>7}")
                continue
            _median, base_p99, base_rate, _errors = runner(
                base, urls_by_name[compared], seconds, connections
            )
            median, p99, rate, errors = runner(base, urls, seconds, connections)
            print(
                f"  {name:40} {median:10.1f} {p99:8.1f} {rate:7.1f} {errors:>7}"
                f" {rate / base_rate:6.2f} {p99 / base_p99:6.2f}"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--offers-per-organisation", type=int, default=3)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument(
        "--small-database-url",
        help="a second database for the same scenarios at 1,000 entries (built when empty):"
        " their medians are compared with this database's",
    )
    parser.add_argument(
        "--rebuild-search-data",
        action="store_true",
        help="rebuild the search data of every entry first (after a change of what it holds)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="measure only the scenarios whose name ends with this (repeatable; the baselines"
        " are always measured)",
    )
    parser.add_argument("--medians-to", help=argparse.SUPPRESS)
    args = parser.parse_args()
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    load(args.organisations, args.offers_per_organisation)
    if args.rebuild_search_data:
        started = time.perf_counter()
        organisation_search_refresh()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"Rebuilt the search data in {time.perf_counter() - started:.0f} s")
    print(
        f"{Organisation.objects.count()} organisations"
        f" ({Organisation.objects.published().count()} published), {Offer.objects.count()} offers"
    )
    call_command("collectstatic", interactive=False, verbosity=0)
    urls = {
        name: scenario_urls
        for name, scenario_urls in scenarios().items()
        if name.startswith("baseline")
        or not args.only
        or any(name.endswith(part) for part in args.only)
    }
    medians = measure_test_client(urls, args.requests)
    if args.medians_to:
        Path(args.medians_to).write_text(json.dumps(medians))
    if args.small_database_url:
        compare_with_small(args, medians)
    if not args.skip_http:
        measure_http(urls, args.seconds, args.workers)


def compare_with_small(args: argparse.Namespace, medians: dict[str, float]) -> None:
    """The same scenarios on a directory of 1,000 entries (in its own database, run as a
    separate process): how much slower each page is at this size."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, __file__, "--organisations", "1000", "--skip-http",
             "--requests", str(args.requests), "--medians-to", out.name,
             *(f"--only={part}" for part in args.only)],
            env={**os.environ, "DATABASE_URL": args.small_database_url},
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        small = json.loads(Path(out.name).read_text())
    print(f"\nMedians at {Organisation.objects.count()} entries / at 1,000 (test client):")
    for name, median in medians.items():
        if name.startswith(SCALING) and small.get(name):
            ratio = median / small[name]
            print(f"  {name:40} {small[name]:8.1f} ms -> {median:8.1f} ms {ratio:6.2f}x")


if __name__ == "__main__":
    main()
