"""Benchmark of the beacon endpoint under gunicorn (not a test).

Drives POST /api/reach/hit with a bounded load from simulated visitors, then
aggregates and checks that every hit was counted exactly once, given the
30-minute rule: all of a visitor's hits on one page fall within seconds, so
they are one page view. Prints hits per second and p95 latency.
"""

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.core.management import BaseCommand, CommandError

from cms.benchmark_server import free_port, wait_until_serving

SETTINGS = "channels.reach.bench_settings"
PAGES = (1, 2)  # Wagtail's root and welcome page exist after migrate
TARGET_PG = 1500


def plan(visitors: int, hits: int) -> list[tuple[int, int]]:
    """(visitor, page) per hit, spread evenly; deterministic."""
    return [(i % visitors, PAGES[(i // visitors) % len(PAGES)]) for i in range(hits)]


def drive(base: str, work: list[tuple[int, int]], deadline: float) -> tuple[list[float], int]:
    """One client process: its own keep-alive session, its share of the hits."""
    session = requests.Session()
    latencies, failures = [], 0
    for visitor, page in work:
        if time.monotonic() > deadline:
            break
        body = json.dumps({"p": page, "r": "https://www.facebook.com/", "q": ""})
        agent = f"Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0 benchvisitor/{visitor}"
        started = time.perf_counter()
        response = session.post(f"{base}/api/reach/hit", data=body, headers={"User-Agent": agent})
        latencies.append(time.perf_counter() - started)
        if response.status_code != 204:
            failures += 1
    return latencies, failures


class Command(BaseCommand):
    help = "Belastningstest af tælle-endpointet /api/reach/hit under gunicorn (ikke en test)."

    def add_arguments(self, parser):
        parser.add_argument("--hits", type=int, default=20000)
        parser.add_argument("--visitors", type=int, default=2000)
        parser.add_argument("--clients", type=int, default=8, help="Client processes.")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn workers.")
        parser.add_argument("--time-limit", type=float, default=120.0)
        parser.add_argument("--verify", action="store_true", help=argparse_hidden())

    def handle(self, *args, hits, visitors, clients, workers, time_limit, verify, **options):
        if verify:
            return self.verify()
        hits = max(1, min(hits, 200_000))
        visitors = max(1, min(visitors, hits))
        db_url = self.prepare_database()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "REACH_BENCH_DB_URL": db_url}
        env.pop("DATABASE_URL", None)
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "cms.wsgi",
                "--bind", f"127.0.0.1:{port}",
                "--workers", str(workers),
                "--worker-class", "gthread", "--threads", "4",
                "--log-level", "warning",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base)
            work = plan(visitors, hits)
            shares = [work[i::clients] for i in range(clients)]
            started = time.monotonic()
            deadline = started + time_limit
            with ProcessPoolExecutor(max_workers=clients) as pool:
                results = list(pool.map(drive, [base] * clients, shares, [deadline] * clients))
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=15)
        latencies = sorted(x for lat, _ in results for x in lat)
        failures = sum(f for _, f in results)
        sent = len(latencies)
        sent_work = [
            item
            for share, (lat, _) in zip(shares, results, strict=True)
            for item in share[: len(lat)]
        ]
        expected = {
            "raw_hits": sent - failures,
            "views": len(set(sent_work)),
            "visitors": len({v for v, _ in sent_work}),
        }
        counted = json.loads(
            subprocess.run(
                [*manage, "bench_reach_hits", "--verify"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        self.report(db_url, sent, failures, elapsed, latencies, expected, counted, time_limit)

    def prepare_database(self) -> str:
        """A fresh throwaway database: never the one the portal runs on."""
        url = os.environ.get("DATABASE_URL", "")
        if not url:
            path = Path(settings.VAR_DIR) / "bench_reach.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return f"sqlite:///{path}"
        parts = urlsplit(url)
        if not parts.scheme.startswith("postgres"):
            raise CommandError("DATABASE_URL skal være PostgreSQL eller tom (SQLite).")
        import psycopg

        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_reach")
            conn.execute("CREATE DATABASE bench_reach")
        return urlunsplit(parts._replace(path="/bench_reach"))

    def verify(self) -> None:
        """Run inside the benchmark's settings: aggregate and print what was stored."""
        from django.db.models import Sum
        from django.utils import timezone

        from channels.reach.aggregation import run_aggregation
        from channels.reach.models import RawHit, SiteDay

        raw = RawHit.objects.count()
        run_aggregation()
        today = SiteDay.objects.filter(day=timezone.localdate())
        self.stdout.write(
            json.dumps(
                {
                    "raw_hits": raw,
                    "views": today.aggregate(n=Sum("views"))["n"] or 0,
                    "visitors": today.aggregate(n=Sum("visitors"))["n"] or 0,
                }
            )
        )

    def report(self, db_url, sent, failures, elapsed, latencies, expected, counted, limit) -> None:
        engine = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
        rate = sent / elapsed if elapsed else 0
        p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 0
        self.stdout.write(f"Database: {engine}")
        self.stdout.write(f"Sendt: {sent} hits på {elapsed:.1f} s (grænse {limit:.0f} s)")
        self.stdout.write(f"Hits pr. sekund: {rate:,.0f}" + (
            f"  (mål på PostgreSQL: mindst {TARGET_PG:,})" if engine == "PostgreSQL" else ""
        ))  # fmt: skip
        self.stdout.write(f"p95-svartid: {p95 * 1000:.1f} ms; fejlede svar: {failures}")
        for key, label in (
            ("raw_hits", "gemte hits"),
            ("views", "sidevisninger efter 30-minuttersreglen"),
            ("visitors", "unikke besøgende"),
        ):
            ok = "OK" if expected[key] == counted[key] else "AFVIGER"
            self.stdout.write(f"  {label}: forventet {expected[key]}, talt {counted[key]} – {ok}")
        exact = expected == counted
        self.stdout.write(
            self.style.SUCCESS("Hvert hit er talt præcis én gang.")
            if exact
            else self.style.ERROR("Tallene afviger fra det sendte.")
        )


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
