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
from benchmarks.server import free_port, gunicorn_command, wait_until_serving, yardstick_line

# (label, target median ms, target max queries)
TARGETS = {
    "Forside": (20, None),
    "Historieoversigt": (None, None),
    "Historie": (13, 12),
    "API-liste (20 historier)": (15, None),
}
STATIC_LABEL = "Statisk fil (site.css)"
STATIC_URL = "/static/css/site.css"
# Ours against bakerydemo's: (our label, bakerydemo's label, how many times faster).
BAKERYDEMO_GOALS = [
    ("Historie", "bakerydemo: blogindlæg", 3),
    ("API-liste (20 historier)", "bakerydemo: API-liste (20)", 2),
]
BAKERYDEMO_API = "/api/v2/pages/?type=blog.BlogPage&limit=20"
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
        api_counts = {
            size: self.count_queries(f"/api/v2/pages/?type=stories.StoryPage&limit={size}")
            for size in (5, 20, 50)
        }
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
        run = history.record(HISTORY, self.figures(rows, stories, api_counts))
        self.report(rows, stories, requests_count)
        self.stdout.write(
            "API-liste, queries ved 5/20/50 historier pr. side: "
            + " / ".join(str(api_counts[size]) for size in (5, 20, 50))
        )
        self.compare_bakerydemo(run, previous)
        self.compare_previous(run, previous)
        self.stdout.write(
            "Maskinens belastning under kørslen (load average 1/5/15 min): "
            + " / ".join(f"{n:.2f}" for n in run["load"])
        )
        self.stdout.write(yardstick_line())

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
            BAKERYDEMO_GOALS[0][1]: (base, post),
            BAKERYDEMO_GOALS[1][1]: (base, api),
        }

    def urls(self) -> dict[str, str]:
        from benchmarks.data import benchmark_story

        story = benchmark_story()
        return {
            "Forside": "/",
            "Historieoversigt": "/historier/",
            "Historie": story.url,
            "API-liste (20 historier)": "/api/v2/pages/?type=stories.StoryPage&limit=20",
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

    def report(self, rows, stories: int, count: int) -> None:
        self.stdout.write(
            f"\nSQLite, gunicorn (1 sync worker) på 127.0.0.1, {stories} historier, "
            f"{count} målte forespørgsler pr. URL i {ROUNDS} runder, hvor URL'erne skiftes, "
            "uden side-cache. Server: tiden i Django (Server-Timing); rundtur: klientens "
            "tid for hele svaret; queries: databaseforespørgsler pr. visning.\n"
        )
        header = (
            f"{'Side':<30}{'server median':>14}{'p95':>9}{'gunicorn median':>17}{'p95':>9}"
            f"{'rundtur median':>16}{'p95':>9}{'queries':>9}  mål"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, _url, server, total, logged, queries in rows:
            goals = []
            target_ms, target_queries = TARGETS.get(label, (None, None))
            if server and target_ms is not None:
                ok = statistics.median(server) < target_ms
                goals.append(f"median < {target_ms} ms {'OK' if ok else 'IKKE NÅET'}")
            if queries is not None and target_queries is not None:
                ok = queries <= target_queries
                goals.append(f"<= {target_queries} queries {'OK' if ok else 'IKKE NÅET'}")
            self.stdout.write(
                f"{label:<30}{_cells(server, 14)}{_cells(logged, 17)}{_cells(total, 16)}"
                f"{queries if queries is not None else '–':>9}  {'; '.join(goals)}"
            )
        self.stdout.write(
            "(gunicorn: tiden gunicorn selv logger for forespørgslen, samme måleinstrument hos os "
            "og hos bakerydemo. – : ikke målt; bakerydemo sender ingen Server-Timing, dens "
            "queries tælles ikke udefra, og dens gunicorn-tid kræver BAKERYDEMO_ACCESS_LOG.)"
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
            mine, other = source["pages"][ours], source["pages"][theirs]
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
                self.stdout.write(f"  {label:<30} ikke målt i forrige kørsel")
                continue
            key = "server_median_ms" if now["server_median_ms"] else "roundtrip_median_ms"
            if not before.get(key):
                self.stdout.write(f"  {label:<30} ikke sammenlignelig")
                continue
            queries = ""
            if now["queries"] is not None and before.get("queries") is not None:
                queries = f", queries {before['queries']} → {now['queries']}"
            self.stdout.write(
                f"  {label:<30} {before[key]:7.2f} ms → {now[key]:7.2f} ms  "
                f"forhold {now[key] / before[key]:.2f}{queries}"
            )


def _cells(values: list[float] | None, width: int) -> str:
    if not values:
        return f"{'–':>{width}}{'–':>9}"
    median, p95 = statistics.median(values), percentile(values, 95)
    return f"{median:>{width - 3}.2f} ms{p95:>6.1f} ms"


def requests_session():
    session = requests.Session()
    session.headers["User-Agent"] = "vores-ishoej-benchmark"
    return session
