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

from benchmarks import history, page_report, scratch
from benchmarks.page_report import (
    API_ALL_LABEL,
    API_LABEL,
    API_LIST,
    API_LOCALE_AR_LABEL,
    API_LOCALE_LABEL,
    BAKERYDEMO_API,
    HISTORY,
    HOME_AR_LABEL,
    LANGUAGE_PAIRS,
    PAGE_CACHE_SECONDS,
    STATIC_LABEL,
    STATIC_URL,
    STORY_AR_LABEL,
    percentile,
)
from benchmarks.server import (
    REFERENCE_MACHINE,
    free_port,
    gunicorn_command,
    machine_yardstick_ms,
    wait_until_serving,
    yardstick_line,
)

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
        from benchmarks.data import TRANSLATED_STORIES, ensure_stories, ensure_translations

        started = time.perf_counter()
        created = ensure_stories(stories)
        translated = ensure_translations()
        self.stdout.write(
            f"{stories} historier klar ({created} nye), de {TRANSLATED_STORIES} nyeste og "
            f"forsiden også på arabisk ({translated} sider nye eller ændret), "
            f"{time.perf_counter() - started:.1f} s."
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

        their_log = os.environ.get("BAKERYDEMO_ACCESS_LOG", "") if bakerydemo else ""
        their_offset = Path(their_log).stat().st_size if their_log else 0
        targets = [(label, None, url) for label, url in urls.items()]
        targets.append((STATIC_LABEL, None, STATIC_URL))
        targets += [(label, base, url) for label, (base, url) in bakerydemo.items()]
        with scratch.cache_dir() as page_cache:
            measured, logged = self.serve_and_measure(targets, warmup, requests_count, "0")
            # The same pages again from the page cache, as a repeat visitor gets
            # them: does the cache serve every language alike (issue 26)?
            in_languages = {label for pair in LANGUAGE_PAIRS for label in pair}
            scratch.empty(page_cache)
            cached, cached_logged = self.serve_and_measure(
                [t for t in targets if t[0] in in_languages] + [(STATIC_LABEL, None, STATIC_URL)],
                max(1, warmup),  # the first view of each page fills the cache
                requests_count,
                str(PAGE_CACHE_SECONDS),
            )
        for label, base, url in targets:
            if base is not None and their_log:
                logged[label] = gunicorn_times(Path(their_log), their_offset, url, warmup)
        rows = [
            (label, url, *measured[label], logged.get(label), query_counts.get(label))
            for label, _b, url in targets
        ]
        cached_rows = [
            (label, url, *cached[label], cached_logged.get(label), None)
            for label, _b, url in targets
            if label in cached
        ]
        previous = history.runs(HISTORY)
        figures = self.figures(rows, stories, api_counts)
        figures["api_all_fields_queries"] = api_all_counts
        figures["yardstick_ms"] = round(yardstick, 2)
        figures["cached_pages"] = self.figures(cached_rows, stories, api_counts)["pages"]
        run = history.record(HISTORY, figures)
        self.report(rows, stories, requests_count, yardstick)
        for label, counts in (("", api_counts), (", fields=*", api_all_counts)):
            same = "ens: OK" if len(set(counts.values())) == 1 else "VOKSER MED SIDEN"
            self.stdout.write(
                f"API-liste{label}, queries ved 5/20/50 historier pr. side: "
                + " / ".join(str(counts[size]) for size in (5, 20, 50))
                + f" ({same})"
            )
        write = self.stdout.write
        page_report.compare_all_fields(write, run)
        page_report.compare_languages(write, run, cached_rows, yardstick)
        page_report.compare_bakerydemo(write, run, previous)
        page_report.compare_previous(write, run, previous)
        self.stdout.write(
            "Maskinens belastning under kørslen (load average 1/5/15 min): "
            + " / ".join(f"{n:.2f}" for n in run["load"])
        )
        self.stdout.write(yardstick_line(yardstick))

    def serve_and_measure(self, targets, warmup: int, count: int, page_cache_seconds: str):
        """Serve the portal under gunicorn (with the page cache on for
        `page_cache_seconds` > 0) and measure `targets` interleaved: label ->
        (server ms, round trip ms), and label -> gunicorn's own ms for ours."""
        port = free_port()
        our_log = Path(tempfile.mkdtemp(prefix="voresishoj-bench-log-")) / "access.log"
        server = subprocess.Popen(
            gunicorn_command(
                port, "--access-logfile", str(our_log), "--access-logformat", ACCESS_LOG_FORMAT
            ),
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
                "PAGE_CACHE_SECONDS": page_cache_seconds,
                "FEED_CACHE_SECONDS": page_cache_seconds,
            },
            cwd=settings.BASE_DIR,
        )
        try:
            ours = f"http://127.0.0.1:{port}"
            wait_until_serving(ours)
            measured = self.measure_interleaved(
                requests_session(),
                [(label, base or ours, url) for label, base, url in targets],
                warmup,
                count,
                expect_cached=page_cache_seconds != "0",
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
        logged = {
            label: gunicorn_times(our_log, 0, url, warmup)
            for label, base, url in targets
            if base is None
        }
        shutil.rmtree(our_log.parent, ignore_errors=True)
        return measured, logged

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
        from benchmarks.data import benchmark_story, translated_story

        story = benchmark_story()
        return {
            "Forside": "/",
            HOME_AR_LABEL: "/ar/",
            "Historieoversigt": "/historier/",
            "Historie": story.url,
            STORY_AR_LABEL: translated_story(story).url,
            API_LABEL: API_LIST.format(limit=20),
            API_ALL_LABEL: API_LIST.format(limit=20) + "&fields=*",
            API_LOCALE_LABEL: API_LIST.format(limit=20) + "&locale=da",
            API_LOCALE_AR_LABEL: API_LIST.format(limit=20) + "&locale=ar",
        }

    def count_queries(self, url: str) -> int:
        client = Client()
        client.get(url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} svarede {response.status_code}")
        return len(ctx.captured_queries)

    def measure_interleaved(
        self, session, targets, warmup: int, count: int, expect_cached: bool = False
    ) -> dict:
        """Median and p95 of every URL, measured in ROUNDS rounds that take
        each URL in turn: label -> (server ms or None, round trip ms). With
        `expect_cached`, a page the cache missed after the warm-up stops the
        run: its figures would not be what they say. (The API list is never
        in the page cache, it varies with Accept; it says no X-Page-Cache.)"""
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
                    if expect_cached and response.headers.get("X-Page-Cache") == "miss":
                        raise CommandError(f"{url} kom ikke fra side-cachen (X-Page-Cache).")
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
        page_report.table(self.stdout.write, rows, yardstick)
        self.stdout.write(
            "(gunicorn: tiden gunicorn selv logger for forespørgslen, samme måleinstrument hos os "
            "og hos bakerydemo. – : ikke målt; bakerydemo sender ingen Server-Timing, dens "
            "queries tælles ikke udefra, og dens gunicorn-tid kræver BAKERYDEMO_ACCESS_LOG.)"
        )


def requests_session():
    session = requests.Session()
    session.headers["User-Agent"] = "vores-ishoej-benchmark"
    return session
