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
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection

from benchmarks import scratch
from benchmarks.server import STATIC_URL, free_port, gunicorn_command, wait_until_serving
from benchmarks.wrk import SCRIPT, WRK_MISSING, run_wrk
from benchmarks.yardstick import (
    EXPLANATION,
    REFERENCE_MACHINE,
    machine_yardstick_ms,
    target_here,
    target_text,
    yardstick_line,
)

MAX_DURATION = 30
STORY_TARGET_MS = 13  # on benchmarks.yardstick.REFERENCE_MACHINE; scaled here
STATIC_LABEL = "Statisk fil (site.css)"


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
            script.write(SCRIPT)
        results = {}
        try:
            with scratch.cache_dir() as page_cache:
                for mode, seconds in (("uden cache", "0"), ("med cache", "300")):
                    scratch.empty(page_cache)
                    with self.gunicorn(options["workers"], seconds) as base:
                        for label, path in urls.items():
                            for clients in (1, 16):
                                results[(mode, label, clients)] = run_wrk(
                                    base + path, clients, duration, script.name
                                )
        finally:
            Path(script.name).unlink(missing_ok=True)
        self.report(results, urls, database, options, duration)

    def urls(self) -> dict[str, str]:
        from benchmarks.data import benchmark_story

        story = benchmark_story()
        return {
            STATIC_LABEL: STATIC_URL,
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

    def report(self, results, urls, database, options, duration) -> None:
        yardstick = machine_yardstick_ms()
        load = " / ".join(f"{n:.1f}" for n in os.getloadavg())
        self.stdout.write(
            f"\n{database}, gunicorn ({options['workers']} sync workers) på 127.0.0.1, "
            f"wrk {duration} s pr. celle, {os.cpu_count()} CPU'er deles af wrk og gunicorn; "
            f"belastning (load average 1/5/15 min) {load}.\n"
            f"{yardstick_line(yardstick)}\n"
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
        self.relative(results, urls, yardstick)
        static = results[("med cache", "Statisk fil (site.css)", 16)]["rps"]
        cached = results[("med cache", "Historie", 16)]["rps"]
        uncached_ms = results[("uden cache", "Historie", 1)]["median_ms"]
        self.stdout.write("\nMål:")
        self.stdout.write(
            f"  Historie med cache, 16 klienter: {cached:.0f} req/s mod statisk fil "
            f"{static:.0f} req/s = {cached / static:.0%} (mål >= 50 %) "
            f"{'OK' if cached >= static / 2 else 'IKKE NÅET'}"
        )
        here = target_here(STORY_TARGET_MS, yardstick)
        self.stdout.write(
            f"  Historie uden cache, 1 klient: median {uncached_ms:.2f} ms "
            f"(mål {target_text(STORY_TARGET_MS, yardstick)}) "
            f"{'OK' if uncached_ms < here else 'IKKE NÅET'}"
        )

    def relative(self, results, urls, yardstick: float) -> None:
        """The same cells beside what follows the machine: the median in yardsticks,
        median and p95 as multiples of the static file's (same gunicorn, same cache
        mode, same clients) and the rate as a share of its rate."""
        self.stdout.write(
            f"\nSamme tal i forhold til maskinen ({EXPLANATION} Den statiske fil er målt "
            f"med samme cache-indstilling og antal klienter; målene i ms gælder "
            f"{REFERENCE_MACHINE}.)"
        )
        header = f"{'URL':<24}{'cache':<12}" + "".join(
            f"{f'{c} kl.: målestokke':>20}{'× statisk':>11}{'p95 × st.':>11}{'% af st.':>10}"
            for c in (1, 16)
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label in urls:
            for mode in ("uden cache", "med cache"):
                row = f"{label:<24}{mode:<12}"
                for clients in (1, 16):
                    r = results[(mode, label, clients)]
                    static = results[(mode, STATIC_LABEL, clients)]
                    row += (
                        f"{r['median_ms'] / yardstick:>20.4f}"
                        f"{r['median_ms'] / static['median_ms']:>11.1f}"
                        f"{r['p95_ms'] / static['p95_ms']:>11.1f}"
                        f"{r['rps'] / static['rps']:>10.0%}"
                    )
                self.stdout.write(row)
