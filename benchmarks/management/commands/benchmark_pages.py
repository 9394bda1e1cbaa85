"""Measure what a resident waits for: the home page, the story index, a story
and the API list, with a realistic archive of stories, served by gunicorn.

Not part of the test suite: timings depend on the machine, so they are
printed next to their targets, never asserted.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.server import free_port, wait_until_serving, yardstick_line

# (label, target median ms, target max queries)
TARGETS = {
    "Forside": (20, None),
    "Historieoversigt": (None, None),
    "Historie": (13, 12),
    "API-liste (20 historier)": (15, None),
}


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

        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
                "PAGE_CACHE_SECONDS": "0",
                "FEED_CACHE_SECONDS": "0",
            },
            cwd=settings.BASE_DIR,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(base)
            session = requests_session()
            rows = []
            for label, url in urls.items():
                server_ms, total_ms = self.measure(session, base + url, warmup, requests_count)
                rows.append((label, url, server_ms, total_ms, query_counts[label]))
        finally:
            server.terminate()
            server.wait(timeout=10)
        self.report(rows, stories, requests_count)
        self.stdout.write(
            "API-liste, queries ved 5/20/50 historier pr. side: "
            + " / ".join(str(api_counts[size]) for size in (5, 20, 50))
        )

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

    def measure(self, session, url: str, warmup: int, count: int):
        for _ in range(warmup):
            session.get(url, timeout=10)
        server, total = [], []
        for _ in range(count):
            t0 = time.perf_counter()
            response = session.get(url, timeout=10)
            total.append((time.perf_counter() - t0) * 1000)
            response.raise_for_status()
            server.append(float(response.headers["Server-Timing"].split("dur=")[1]))
        return server, total

    def report(self, rows, stories: int, count: int) -> None:
        self.stdout.write(
            f"\nSQLite, gunicorn (1 sync worker) på 127.0.0.1, {stories} historier, "
            f"{count} målte forespørgsler pr. URL, uden side-cache.\n"
        )
        header = (
            f"{'Side':<26}{'server median':>14}{'p95':>8}{'rundtur median':>16}{'queries':>9}  mål"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, _url, server, total, queries in rows:
            median = statistics.median(server)
            target_ms, target_queries = TARGETS[label]
            goals = []
            if target_ms is not None:
                goals.append(
                    f"median < {target_ms} ms {'OK' if median < target_ms else 'IKKE NÅET'}"
                )
            if target_queries is not None:
                ok = queries <= target_queries
                goals.append(f"<= {target_queries} queries {'OK' if ok else 'IKKE NÅET'}")
            self.stdout.write(
                f"{label:<26}{median:>11.2f} ms{percentile(server, 95):>5.1f} ms"
                f"{statistics.median(total):>13.2f} ms{queries:>9}  {'; '.join(goals)}"
            )
        self.stdout.write(
            "\nTil sammenligning (Wagtails bakerydemo, 1.000 blogindlæg, målt én gang den "
            "2026-11-23 på en anden maskine, før målestokken fandtes, ikke i denne kørsel): "
            "indlæg 19 ms / 21 queries, API-liste 20 ms / 29 queries, forside 42 ms / 43 queries."
        )
        self.stdout.write(yardstick_line())


def requests_session():
    session = requests.Session()
    session.headers["User-Agent"] = "vores-ishoej-benchmark"
    return session
