"""Load on the portal as residents make it: pages, feeds and a static file, with
and without the page cache, at 1 and 16 concurrent clients, under gunicorn.

Every figure comes from the same client, wrk (Debian's `wrk` package), so the
static file served by the same gunicorn through WhiteNoise is a fair yardstick
for the cached pages. Not part of the test suite: figures depend on the
machine, so they are printed next to their targets, never asserted.

    manage.py benchmark_load --settings=benchmarks.settings
    manage.py benchmark_load --settings=benchmarks.settings \
        --database-url postgres://postgres@127.0.0.1:5432/bench_load
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection

from benchmarks import scratch
from benchmarks.server import free_port, gunicorn_command, wait_until_serving, yardstick_line

WRK_MISSING = (
    "wrk findes ikke. Installer Debians pakke: sudo apt-get install -y wrk "
    "(se docs/deploy.md, afsnittet om benchmark)."
)
# wrk prints p50/75/90/99 with --latency; p95 and error counts come from this script.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format(
    "BENCH p50_us=%d p95_us=%d requests=%d duration_us=%d non2xx=%d errors=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests, summary.duration,
    summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""
RESULT_RE = re.compile(
    r"BENCH p50_us=(\d+) p95_us=(\d+) requests=(\d+) duration_us=(\d+) non2xx=(\d+) errors=(\d+)"
)
MAX_DURATION = 30
STORY_TARGET_MS = 13


class Command(BaseCommand):
    help = "Load benchmark under gunicorn with wrk, page cache on and off (not a test)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=1000)
        parser.add_argument("--events", type=int, default=500)
        parser.add_argument("--places", type=int, default=200)
        parser.add_argument("--duration", type=int, default=5, help="Seconds per cell (max 30).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers.")
        parser.add_argument(
            "--database-url",
            default="",
            help="PostgreSQL database of its own, e.g. postgres://postgres@127.0.0.1:5432/bench_load",
        )

    def handle(self, *args, **options):
        if os.environ.get("DJANGO_SETTINGS_MODULE") != "benchmarks.settings":
            raise CommandError("Run with --settings=benchmarks.settings (its own database).")
        if not shutil.which("wrk"):
            raise CommandError(WRK_MISSING)
        url = options["database_url"]
        if url and os.environ.get("BENCHMARK_DATABASE_URL") != url:
            # Settings are read once per process: run again with the database chosen.
            env = {**os.environ, "BENCHMARK_DATABASE_URL": url}
            argv = [sys.executable, "manage.py", *sys.argv[1:]]
            raise SystemExit(subprocess.call(argv, env=env, cwd=settings.BASE_DIR))
        duration = max(1, min(options["duration"], MAX_DURATION))

        call_command("migrate", verbosity=0)
        from benchmarks.data import ensure_events, ensure_places, ensure_stories

        started = time.perf_counter()
        made = (
            ensure_stories(options["stories"]),
            ensure_events(options["events"]),
            ensure_places(options["places"]),
        )
        self.stdout.write(
            f"{options['stories']} historier, {options['events']} begivenheder, "
            f"{options['places']} steder klar ({sum(made)} nye, "
            f"{time.perf_counter() - started:.1f} s)."
        )
        if connection.vendor == "postgresql":
            # Fresh rows have no planner statistics until autovacuum's next round (up
            # to a minute); without them PostgreSQL picks nested loops a live site,
            # analysed long ago, never would. Measure the steady state.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        urls = self.urls()
        database = connection.vendor
        connection.close()

        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        results = {}
        try:
            with scratch.cache_dir() as page_cache:
                for mode, seconds in (("uden cache", "0"), ("med cache", "300")):
                    scratch.empty(page_cache)
                    with self.gunicorn(options["workers"], seconds) as base:
                        for label, path in urls.items():
                            for clients in (1, 16):
                                results[(mode, label, clients)] = self.wrk(
                                    base + path, clients, duration, script.name
                                )
        finally:
            Path(script.name).unlink(missing_ok=True)
        self.report(results, urls, database, options, duration)

    def urls(self) -> dict[str, str]:
        from benchmarks.data import benchmark_story

        story = benchmark_story()
        return {
            "Statisk fil (site.css)": "/static/css/site.css",
            "Forside": "/",
            "Historie": story.url,
            "Historieoversigt": "/historier/",
            "Det sker-feed (JSON)": "/feeds/det-sker.json",
            "Steder (GeoJSON)": "/api/places.geojson",
        }

    @contextmanager
    def gunicorn(self, workers: int, page_cache_seconds: str):
        """gunicorn on a free port of 127.0.0.1, stopped again whatever happens."""
        port = free_port()
        process = subprocess.Popen(
            gunicorn_command(port, workers=max(1, min(workers, 16))),
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
                "PAGE_CACHE_SECONDS": page_cache_seconds,
                "PYTHONWARNINGS": "ignore::UserWarning",
            },
            cwd=settings.BASE_DIR,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(base)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)

    def wrk(self, url: str, clients: int, duration: int, script: str) -> dict:
        for _ in range(3):  # warm up: renditions, the cache, the connection pool
            requests.get(url, timeout=10).raise_for_status()
        threads = min(clients, 2)
        completed = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{clients}",
                f"-d{duration}s",
                "--latency",
                "--timeout",
                "10s",
                "-s",
                script,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=duration + 30,
            check=False,
        )
        match = RESULT_RE.search(completed.stdout)
        rps = re.search(r"Requests/sec:\s+([\d.]+)", completed.stdout)
        if completed.returncode != 0 or not match or not rps:
            raise CommandError(f"wrk fejlede mod {url}:\n{completed.stdout}{completed.stderr}")
        p50, p95, count, _duration_us, non2xx, errors = (int(g) for g in match.groups())
        return {
            "median_ms": p50 / 1000,
            "p95_ms": p95 / 1000,
            "rps": float(rps.group(1)),
            "requests": count,
            "bad": non2xx + errors,
        }

    def report(self, results, urls, database, options, duration) -> None:
        self.stdout.write(
            f"\n{database}, gunicorn ({options['workers']} sync workers) på 127.0.0.1, "
            f"wrk {duration} s pr. celle, {os.cpu_count()} CPU'er deles af wrk og gunicorn.\n"
            f"{yardstick_line()}\n"
        )
        header = f"{'URL':<24}{'cache':<12}" + "".join(
            f"{f'{c} klient(er): median':>22}{'p95':>9}{'req/s':>9}" for c in (1, 16)
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label in urls:
            for mode in ("uden cache", "med cache"):
                row = f"{label:<24}{mode:<12}"
                for clients in (1, 16):
                    r = results[(mode, label, clients)]
                    bad = f" ({r['bad']} fejl)" if r["bad"] else ""
                    row += f"{r['median_ms']:>19.2f} ms{r['p95_ms']:>6.1f} ms{r['rps']:>9.0f}{bad}"
                self.stdout.write(row)
        static = results[("med cache", "Statisk fil (site.css)", 16)]["rps"]
        cached = results[("med cache", "Historie", 16)]["rps"]
        uncached_ms = results[("uden cache", "Historie", 1)]["median_ms"]
        self.stdout.write("\nMål:")
        self.stdout.write(
            f"  Historie med cache, 16 klienter: {cached:.0f} req/s mod statisk fil "
            f"{static:.0f} req/s = {cached / static:.0%} (mål >= 50 %) "
            f"{'OK' if cached >= static / 2 else 'IKKE NÅET'}"
        )
        self.stdout.write(
            f"  Historie uden cache, 1 klient: median {uncached_ms:.2f} ms "
            f"(mål < {STORY_TARGET_MS} ms) {'OK' if uncached_ms < STORY_TARGET_MS else 'IKKE NÅET'}"
        )
