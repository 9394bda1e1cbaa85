"""Measure what a resident waits for: the home page, the story index, a story
and the API list, with a realistic archive of stories, served by gunicorn.

Not part of the test suite: timings depend on the machine, so they are
printed next to their targets, never asserted. Every URL is measured in
rounds, interleaved with the others (a static file, and Wagtail's bakerydemo
when BAKERYDEMO_URL names a running one), so a busy moment on a shared
machine hits all of them alike. Each run's figures go to
var/benchmarks/benchmark_pages.jsonl and are printed next to the previous
run's.
"""

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import requests
from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks import history
from benchmarks.server import (
    REFERENCE_MACHINE,
    free_port,
    gunicorn_command,
    in_yardsticks,
    machine_yardstick_ms,
    target_here,
    wait_until_serving,
    yardstick_line,
)

API_LIST = "/api/v2/pages/?type=stories.StoryPage&limit={limit}"
API_LABEL = "API-liste (20 historier)"
API_ALL_LABEL = "API-liste (20, fields=*)"
# The list filtered by language, as a municipal site in one language asks for it.
# An Arabic story and the Arabic list join these rows once the site has Arabic
# (issue 26); until then the Danish filter shows what the filter itself costs.
API_LOCALE_LABEL = "API-liste (20, locale=da)"
# (label, target median ms on benchmarks.server.REFERENCE_MACHINE, scaled here by
# the machine's yardstick; target max queries)
TARGETS = {
    "Forside": (20, None),
    "Historieoversigt": (None, None),
    "Historie": (13, 12),
    API_LABEL: (15, None),
    API_ALL_LABEL: (None, None),
    API_LOCALE_LABEL: (None, None),
}
STATIC_LABEL = "Statisk fil (site.css)"
STATIC_URL = "/static/css/site.css"
# Ours against bakerydemo's: (our label, bakerydemo's label, how many times faster).
BAKERYDEMO_GOALS = [
    ("Forside", "bakerydemo: forside", 8),
    ("Historie", "bakerydemo: blogindlæg", 5),
    (API_LABEL, "bakerydemo: API-liste (20)", 3),
    (API_ALL_LABEL, "bakerydemo: API-liste (20, fields=*)", 3),
]
BAKERYDEMO_API = "/api/v2/pages/?type=blog.BlogPage&limit=20"
# `fields=*` may cost at most this many times the plain list (issue 30).
ALL_FIELDS_GOAL = 2
ROUNDS = 10
# gunicorn's own time for each request (path?query microseconds): the same
# instrument on our server and on bakerydemo's, which sends no Server-Timing.
ACCESS_LOG_FORMAT = "%(U)s?%(q)s %(D)s"


def gunicorn_times(log: Path, offset: int, url: str, warmup: int) -> list[float] | None:
    """Milliseconds gunicorn logged for `url` after `offset`, warm-up left out."""
    wanted = url if "?" in url else url + "?"
    times = []
    with log.open(encoding="utf-8", errors="replace") as file:
        file.seek(offset)
        for line in file:
            path, _, micros = line.rstrip().rpartition(" ")
            if path == wanted and micros.isdigit():
                times.append(int(micros) / 1000)
    return times[warmup:] or None


HISTORY = "benchmark_pages"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


class Command(BaseCommand):
    help = "Benchmark of the public pages and the API under gunicorn (not a test)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=1000)
        parser.add_argument("--requests", type=int, default=200, help="Measured requests per URL.")
        parser.add_argument("--warmup", type=int, default=20)
        parser.add_argument("--keep", action="store_true", help="Reuse an existing benchmark DB.")

    def handle(self, *args, stories, requests: int, warmup: int, keep: bool, **options):
        if os.environ.get("DJANGO_SETTINGS_MODULE") != "benchmarks.settings":
            raise CommandError("Run with --settings=benchmarks.settings (its own database).")
        requests_count = max(1, min(requests, 5000))
        # This benchmark measures the portal building pages, not the page cache
        # (benchmark_load measures both).
        settings.PAGE_CACHE_SECONDS = 0
        settings.FEED_CACHE_SECONDS = 0
        db_path = Path(settings.DATABASES["default"]["NAME"])
        if not keep:
            connection.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        call_command("migrate", verbosity=0)
        from benchmarks.data import ensure_stories

        started = time.perf_counter()
        created = ensure_stories(stories)
        self.stdout.write(
            f"{stories} historier klar ({created} nye, {time.perf_counter() - started:.1f} s)."
        )
        urls = self.urls()
        query_counts = {label: self.count_queries(url) for label, url in urls.items()}
        api_counts = {size: self.count_queries(API_LIST.format(limit=size)) for size in (5, 20, 50)}
        api_all_counts = {
            size: self.count_queries(API_LIST.format(limit=size) + "&fields=*")
            for size in (5, 20, 50)
        }
        yardstick = machine_yardstick_ms()
        connection.close()
        bakerydemo = self.bakerydemo_urls()

        port = free_port()
        our_log = Path(tempfile.mkdtemp(prefix="voresishoj-bench-log-")) / "access.log"
        their_log = os.environ.get("BAKERYDEMO_ACCESS_LOG", "") if bakerydemo else ""
        their_offset = Path(their_log).stat().st_size if their_log else 0
        server = subprocess.Popen(
            gunicorn_command(
                port, "--access-logfile", str(our_log), "--access-logformat", ACCESS_LOG_FORMAT
            ),
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
                "PAGE_CACHE_SECONDS": "0",
                "FEED_CACHE_SECONDS": "0",
            },
            cwd=settings.BASE_DIR,
        )
        targets = [(label, None, url) for label, url in urls.items()]
        targets.append((STATIC_LABEL, None, STATIC_URL))
        targets += [(label, base, url) for label, (base, url) in bakerydemo.items()]
        try:
            ours = f"http://127.0.0.1:{port}"
            wait_until_serving(ours)
            session = requests_session()
            measured = self.measure_interleaved(
                session,
                [(label, base or ours, url) for label, base, url in targets],
                warmup,
                requests_count,
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
        logged = {label: None for label, _b, _u in targets}
        for label, base, url in targets:
            if base is None:
                logged[label] = gunicorn_times(our_log, 0, url, warmup)
            elif their_log:
                logged[label] = gunicorn_times(Path(their_log), their_offset, url, warmup)
        shutil.rmtree(our_log.parent, ignore_errors=True)
        rows = [
            (label, url, *measured[label], logged[label], query_counts.get(label))
            for label, _b, url in targets
        ]
        previous = history.runs(HISTORY)
        figures = self.figures(rows, stories, api_counts)
        figures["api_all_fields_queries"] = api_all_counts
        figures["yardstick_ms"] = round(yardstick, 2)
        run = history.record(HISTORY, figures)
        self.report(rows, stories, requests_count, yardstick)
        for label, counts in (("", api_counts), (", fields=*", api_all_counts)):
            same = "ens: OK" if len(set(counts.values())) == 1 else "VOKSER MED SIDEN"
            self.stdout.write(
                f"API-liste{label}, queries ved 5/20/50 historier pr. side: "
                + " / ".join(str(counts[size]) for size in (5, 20, 50))
                + f" ({same})"
            )
        self.compare_all_fields(run)
        self.compare_bakerydemo(run, previous)
        self.compare_previous(run, previous)
        self.stdout.write(
            "Maskinens belastning under kørslen (load average 1/5/15 min): "
            + " / ".join(f"{n:.2f}" for n in run["load"])
        )
        self.stdout.write(yardstick_line(yardstick))

    def bakerydemo_urls(self) -> dict[str, tuple[str, str]]:
        """bakerydemo's blog post and API list, if BAKERYDEMO_URL names a running
        one (set-up: README); BAKERYDEMO_POST is the path of one of its posts."""
        base = os.environ.get("BAKERYDEMO_URL", "").rstrip("/")
        if not base:
            return {}
        post = os.environ.get("BAKERYDEMO_POST", "")
        if not post:
            raise CommandError(
                "BAKERYDEMO_URL er sat, men BAKERYDEMO_POST mangler: stien til et blogindlæg "
                "i bakerydemo, fx /blog/wild-yeast-999/."
            )
        api = os.environ.get("BAKERYDEMO_API", BAKERYDEMO_API)
        try:
            requests.get(base + post, timeout=10).raise_for_status()
        except requests.RequestException as error:
            raise CommandError(f"bakerydemo svarer ikke på {base + post}: {error}") from None
        return {
            "bakerydemo: forside": (base, "/"),
            "bakerydemo: blogindlæg": (base, post),
            "bakerydemo: API-liste (20)": (base, api),
            "bakerydemo: API-liste (20, fields=*)": (base, api + "&fields=*"),
        }

    def urls(self) -> dict[str, str]:
        from benchmarks.data import benchmark_story

        story = benchmark_story()
        return {
            "Forside": "/",
            "Historieoversigt": "/historier/",
            "Historie": story.url,
            API_LABEL: API_LIST.format(limit=20),
            API_ALL_LABEL: API_LIST.format(limit=20) + "&fields=*",
            API_LOCALE_LABEL: API_LIST.format(limit=20) + "&locale=da",
        }

    def count_queries(self, url: str) -> int:
        client = Client()
        client.get(url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} svarede {response.status_code}")
        return len(ctx.captured_queries)

    def measure_interleaved(self, session, targets, warmup: int, count: int) -> dict:
        """Median and p95 of every URL, measured in ROUNDS rounds that take
        each URL in turn: label -> (server ms or None, round trip ms)."""
        for _label, base, url in targets:
            for _ in range(warmup):
                session.get(base + url, timeout=10)
        found = {label: ([], []) for label, _base, _url in targets}
        per_round = max(1, count // ROUNDS)
        for _ in range(ROUNDS):
            for label, base, url in targets:
                server, total = found[label]
                for _ in range(per_round):
                    t0 = time.perf_counter()
                    response = session.get(base + url, timeout=10)
                    total.append((time.perf_counter() - t0) * 1000)
                    response.raise_for_status()
                    timing = response.headers.get("Server-Timing", "")
                    if "dur=" in timing:
                        server.append(float(timing.split("dur=")[1]))
        return {label: (server or None, total) for label, (server, total) in found.items()}

    def figures(self, rows, stories: int, api_counts: dict) -> dict:
        """What history keeps of this run: per URL, medians, p95s and queries."""
        pages = {}
        for label, url, server, total, logged, queries in rows:
            pages[label] = {
                "gunicorn_median_ms": round(statistics.median(logged), 2) if logged else None,
                "gunicorn_p95_ms": round(percentile(logged, 95), 2) if logged else None,
                "url": url,
                "server_median_ms": round(statistics.median(server), 2) if server else None,
                "server_p95_ms": round(percentile(server, 95), 2) if server else None,
                "roundtrip_median_ms": round(statistics.median(total), 2),
                "roundtrip_p95_ms": round(percentile(total, 95), 2),
                "queries": queries,
            }
        return {"stories": stories, "pages": pages, "api_queries": api_counts}

    def report(self, rows, stories: int, count: int, yardstick: float) -> None:
        self.stdout.write(
            f"\nSQLite, gunicorn (1 sync worker) på 127.0.0.1, {stories} historier, "
            f"{count} målte forespørgsler pr. URL i {ROUNDS} runder, hvor URL'erne skiftes, "
            "uden side-cache. Server: tiden i Django (Server-Timing); rundtur: klientens "
            "tid for hele svaret; queries: databaseforespørgsler pr. visning; målestokke: "
            "gunicorn median / maskinens målestok; × statisk: rundtur median / den statiske "
            f"fils rundtur median fra samme gunicorn. Målene i ms gælder {REFERENCE_MACHINE} "
            "og er regnet om med denne maskines målestok.\n"
        )
        static_rows = [total for label, _u, _s, total, _l, _q in rows if label == STATIC_LABEL]
        static_ms = statistics.median(static_rows[0]) if static_rows else None
        header = (
            f"{'Side':<36}{'server median':>14}{'p95':>10}{'gunicorn median':>17}{'p95':>10}"
            f"{'rundtur median':>16}{'p95':>10}{'målestokke':>11}{'× statisk':>10}"
            f"{'queries':>9}  mål"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, _url, server, total, logged, queries in rows:
            goals = []
            target_ms, target_queries = TARGETS.get(label, (None, None))
            if server and target_ms is not None:
                here = target_here(target_ms, yardstick)
                ok = statistics.median(server) < here
                goals.append(
                    f"median < {target_ms} ms (her {here:.1f} ms) {'OK' if ok else 'IKKE NÅET'}"
                )
            if queries is not None and target_queries is not None:
                ok = queries <= target_queries
                goals.append(f"<= {target_queries} queries {'OK' if ok else 'IKKE NÅET'}")
            own = logged or total
            sticks = in_yardsticks(statistics.median(own), yardstick)
            static = f"{statistics.median(total) / static_ms:.1f}" if static_ms else "–"
            self.stdout.write(
                f"{label:<36}{_cells(server, 14)}{_cells(logged, 17)}{_cells(total, 16)}"
                f"{sticks:>11}{static:>10}"
                f"{queries if queries is not None else '–':>9}  {'; '.join(goals)}"
            )
        self.stdout.write(
            "(gunicorn: tiden gunicorn selv logger for forespørgslen, samme måleinstrument hos os "
            "og hos bakerydemo. – : ikke målt; bakerydemo sender ingen Server-Timing, dens "
            "queries tælles ikke udefra, og dens gunicorn-tid kræver BAKERYDEMO_ACCESS_LOG.)"
        )

    def compare_all_fields(self, run: dict) -> None:
        plain, every = run["pages"].get(API_LABEL), run["pages"].get(API_ALL_LABEL)
        if not (plain and every):
            return
        key = "gunicorn_median_ms" if plain.get("gunicorn_median_ms") else "roundtrip_median_ms"
        times = every[key] / plain[key]
        verdict = "OK" if times <= ALL_FIELDS_GOAL else "IKKE NÅET"
        self.stdout.write(
            f"API-liste med fields=* koster {times:.2f} × den almindelige liste "
            f"({every[key]:.2f} mod {plain[key]:.2f} ms, samme kørsel; mål ≤ {ALL_FIELDS_GOAL}) "
            f"{verdict}"
        )

    def compare_bakerydemo(self, run: dict, previous: list[dict]) -> None:
        pages = run["pages"]
        if BAKERYDEMO_GOALS[0][1] in pages:
            self.stdout.write("\nMod bakerydemo i samme kørsel (skiftevis målt):")
            source = run
        else:
            source = next(
                (r for r in reversed(previous) if BAKERYDEMO_GOALS[0][1] in r.get("pages", {})),
                None,
            )
            self.stdout.write(
                "\nbakerydemo er IKKE målt i denne kørsel (sæt BAKERYDEMO_URL og BAKERYDEMO_POST, "
                "se README)."
            )
            if source is None:
                self.stdout.write("Ingen tidligere kørsel har målt bakerydemo.")
                return
            self.stdout.write(
                f"Sidst målt {history.when(source)} (en tidligere kørsel, ikke denne; "
                "tallene nedenfor er fra dengang, begge sider):"
            )
        for ours, theirs, goal in BAKERYDEMO_GOALS:
            mine, other = source["pages"].get(ours), source["pages"].get(theirs)
            if not (mine and other):
                self.stdout.write(f"  {ours}: ikke målt mod {theirs} i den kørsel.")
                continue
            key = "gunicorn_median_ms"
            if not (mine.get(key) and other.get(key)):
                key = "roundtrip_median_ms"
            what = "gunicorn-tid" if key == "gunicorn_median_ms" else "rundtur"
            times = other[key] / mine[key]
            verdict = "OK" if times >= goal else "IKKE NÅET"
            self.stdout.write(
                f"  {ours}: {mine[key]:.2f} ms mod {theirs} {other[key]:.2f} ms ({what}, median) "
                f"= {times:.2f} gange hurtigere (mål ≥ {goal}) {verdict}; rundtur "
                f"{mine['roundtrip_median_ms']:.2f} mod {other['roundtrip_median_ms']:.2f} ms"
            )

    def compare_previous(self, run: dict, previous: list[dict]) -> None:
        if not previous:
            self.stdout.write(
                "\nIngen forrige kørsel at sammenligne med (første kørsel med "
                f"var/benchmarks/{HISTORY}.jsonl)."
            )
            return
        last = previous[-1]
        load = " / ".join(f"{n:.2f}" for n in last.get("load", []))
        self.stdout.write(
            f"\nForrige kørsel {history.when(last)} (load average dengang {load}) mod nu, "
            "server median (rundtur median for bakerydemo og den statiske fil); "
            "forhold = nu / forrige, under 1 er hurtigere:"
        )
        for label, now in run["pages"].items():
            before = last.get("pages", {}).get(label)
            if before is None:
                self.stdout.write(f"  {label:<36} ikke målt i forrige kørsel")
                continue
            key = "server_median_ms" if now["server_median_ms"] else "roundtrip_median_ms"
            if not before.get(key):
                self.stdout.write(f"  {label:<36} ikke sammenlignelig")
                continue
            queries = ""
            if now["queries"] is not None and before.get("queries") is not None:
                queries = f", queries {before['queries']} → {now['queries']}"
            self.stdout.write(
                f"  {label:<36} {before[key]:7.2f} ms → {now[key]:7.2f} ms  "
                f"forhold {now[key] / before[key]:.2f}{queries}"
            )


def _cells(values: list[float] | None, width: int) -> str:
    if not values:
        return f"{'–':>{width}}{'–':>10}"
    median, p95 = statistics.median(values), percentile(values, 95)
    return f"{median:>{width - 3}.2f} ms{p95:>7.1f} ms"  # bakerydemo's p95 passes 1 s


def requests_session():
    session = requests.Session()
    session.headers["User-Agent"] = "vores-ishoej-benchmark"
    return session
