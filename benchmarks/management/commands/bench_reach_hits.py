"""Benchmark of the beacon endpoint under gunicorn (not a test).

wrk (Debian's package, the same client `benchmark_load` uses) drives
POST /api/reach/hit with a bounded load from simulated visitors, following the
plan in bench_hits.lua; then the hits are aggregated and checked: every hit
counted exactly once, given the 30-minute rule (all of a visitor's hits on one
page fall within seconds, so they are one page view). Prints hits per second
and p95 latency beside the machine's yardstick and the static file served by
the same gunicorn (wrk for a few seconds with as many connections), and exits
non-zero when the count differs from what was sent.

`--lose-connection N` puts benchmarks/lossy_proxy.py between wrk and gunicorn
and loses the N-th beacon's connection: the run shows that it finishes about
GRACE seconds after its last answer instead of waiting out its limit, and
that it fails.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError

from benchmarks import databases, scratch
from benchmarks.lossy_proxy import LossyProxy
from benchmarks.server import free_port, gunicorn_command, wait_until_serving
from benchmarks.wrk import SCRIPT as STATIC_SCRIPT
from benchmarks.wrk import WRK_MISSING, run_wrk
from benchmarks.yardstick import (
    EXPLANATION,
    machine_yardstick_ms,
    ms_figure,
    rate_figure,
    rate_target_here,
    rate_target_text,
    seconds_figure,
    yardstick_line,
)

SETTINGS = "benchmarks.reach_settings"
PAGES = (1, 2)  # Wagtail's root and welcome page exist after migrate
TARGET_PG = 1500  # hits/s on benchmarks.yardstick.REFERENCE_MACHINE; scaled here
# The file wrk's idle connections fetch (bench_hits.lua), measured alone first.
STATIC_PATH = "/static/js/reach.js"
STATIC_SECONDS = 3
WRK_TIMEOUT = 10  # seconds wrk waits for one answer before it counts a timeout
# Seconds a wrk thread waits, after its last answer, for hits still unanswered
# before it gives them up as lost (bench_hits.lua): past wrk's own timeout.
GRACE = WRK_TIMEOUT + 2
SCRIPT = Path(__file__).resolve().parents[2] / "bench_hits.lua"
LOST_RE = re.compile(r"THREAD DONE lost=(\d+)")
RESULT_RE = re.compile(
    r"BENCH answered=(\d+) failed=(\d+) requests=(\d+) duration_us=(\d+) "
    r"p50_us=(\d+) p95_us=(\d+) socket_errors=(\d+)"
)


def plan(visitors: int, hits: int) -> list[tuple[int, int]]:
    """(visitor, page) per hit, as bench_hits.lua sends them."""
    return [(i % visitors, PAGES[(i // visitors) % len(PAGES)]) for i in range(hits)]


class Command(BaseCommand):
    help = "Belastningstest af tælle-endpointet /api/reach/hit under gunicorn (ikke en test)."

    def add_arguments(self, parser):
        parser.add_argument("--hits", type=int, default=20000)
        parser.add_argument("--visitors", type=int, default=2000)
        parser.add_argument("--clients", type=int, default=16, help="wrk connections.")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn workers.")
        parser.add_argument(
            "--threads", type=int, default=4, help="Threads per worker (1: sync workers)."
        )
        parser.add_argument("--time-limit", type=int, default=120, help="Seconds (max 600).")
        parser.add_argument(
            "--lose-connection",
            type=int,
            default=0,
            metavar="N",
            help="Lose the connection of the N-th hit on purpose (0: none).",
        )
        parser.add_argument("--verify", action="store_true", help=argparse_hidden())

    def handle(
        self, *args, hits, visitors, clients, workers, threads, time_limit, verify, **options
    ):
        if verify:
            return self.verify()
        if not shutil.which("wrk"):
            raise CommandError(WRK_MISSING)
        self.lose = max(0, min(options["lose_connection"], hits))
        hits = max(1, min(hits, 200_000))
        visitors = max(1, min(visitors, hits))
        clients = max(1, min(clients, 256))
        time_limit = max(5, min(time_limit, 600))
        db_url = self.prepare_database()
        try:
            with scratch.cache_dir():
                self.run(db_url, hits, visitors, clients, workers, threads, time_limit)
        finally:
            self.drop_database(db_url)

    def run(self, db_url, hits, visitors, clients, workers, threads, time_limit) -> None:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "REACH_BENCH_DB_URL": db_url}
        env.pop("DATABASE_URL", None)
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        port = free_port()
        server = subprocess.Popen(
            gunicorn_command(
                port,
                "--preload",  # every worker ready before the first hit, not booting during the run
                *self.worker_options(workers, threads, clients),
                workers=workers,
            ),
            env=env,
            cwd=settings.BASE_DIR,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        proxy = None
        try:
            wait_until_serving(base)
            static = self.measure_static(base, clients)
            target = base
            if self.lose:
                proxy = LossyProxy(port, lose_post=self.lose).start()
                target = f"http://127.0.0.1:{proxy.port}"
            result = self.run_wrk(target, hits, visitors, clients, time_limit)
        finally:
            if proxy is not None:
                proxy.stop()
            server.terminate()
            server.wait(timeout=15)
        result["lost_on_purpose"] = proxy.lost if proxy else 0
        work = plan(visitors, hits)
        expected = {
            "raw_hits": hits,
            "views": len(set(work)),
            "visitors": len({v for v, _ in work}),
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
        self.report(
            db_url, hits, result, expected, counted, time_limit, workers, threads, clients, static
        )

    def measure_static(self, base: str, clients: int) -> dict:
        """The static file from the same gunicorn, as many connections, for a few seconds."""
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(STATIC_SCRIPT)
            script.flush()
            return run_wrk(base + STATIC_PATH, clients, STATIC_SECONDS, script.name)

    @staticmethod
    def worker_options(workers: int, threads: int, clients: int) -> list[str]:
        if threads <= 1:
            return ["--worker-class", "sync"]
        # gthread keeps wrk's connections open; capped per worker so that the
        # first worker to wake does not take them all while the others idle.
        per_worker = max(threads + 1, -(-clients // workers) + 1)
        return [
            "--worker-class", "gthread", "--threads", str(threads),
            "--worker-connections", str(per_worker),
        ]  # fmt: skip

    def run_wrk(self, base: str, hits: int, visitors: int, clients: int, limit: int) -> dict:
        threads = min(2, clients)
        header = (
            f"HITS = {hits}\nVISITORS = {visitors}\nTHREADS = {threads}\n"
            f"PAGES = {{{', '.join(map(str, PAGES))}}}\nGRACE = {GRACE}\n"
        )
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(header + SCRIPT.read_text())
            script.flush()
            started = time.monotonic()
            wrk = subprocess.Popen(
                ["wrk", f"-t{threads}", f"-c{clients}", f"-d{limit}s",
                 "--timeout", f"{WRK_TIMEOUT}s", "-s", script.name, base + "/api/reach/hit"],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )  # fmt: skip
            output, elapsed = [], None
            try:
                for line in wrk.stdout:
                    output.append(line)
                    done = sum(seen.startswith("THREAD DONE") for seen in output)
                    if elapsed is None and done == threads:
                        elapsed = time.monotonic() - started
                        # wrk sleeps out its -d unless interrupted; its threads
                        # have stopped, so SIGINT lets it print its summary.
                        wrk.send_signal(signal.SIGINT)
                wrk.wait(timeout=30)
            finally:
                if wrk.poll() is None:
                    wrk.kill()
                    wrk.wait()
            completed_stdout = "".join(output)
        match = RESULT_RE.search(completed_stdout)
        if not match:
            raise CommandError(f"wrk fejlede:\n{completed_stdout}")
        keys = ("answered", "failed", "requests", "duration_us", "p50_us", "p95_us", "errors")
        result = dict(zip(keys, (int(g) for g in match.groups()), strict=True))
        result["lost"] = sum(int(n) for n in LOST_RE.findall(completed_stdout))
        # How long wrk ran before every thread was done (lost hits' wait included).
        result["wall_s"] = elapsed if elapsed is not None else time.monotonic() - started
        if elapsed is not None:  # else wrk ran out its time limit, as it measured
            if result["lost"]:
                # A thread that lost hits waited GRACE seconds for them after
                # its last answer: not time the server spent answering.
                elapsed = max(elapsed - GRACE, 0.001)
            result["duration_us"] = int(elapsed * 1e6)
        return result

    def prepare_database(self) -> str:
        return databases.new_database("bench_reach")

    def drop_database(self, db_url: str) -> None:
        databases.drop_database(db_url)

    def verify(self) -> None:
        """Run inside the benchmark's settings: aggregate and print what was stored."""
        from django.db.models import Sum

        from channels.reach.aggregation import run_aggregation
        from channels.reach.models import RawHit, SiteDay

        raw = RawHit.objects.count()
        run_aggregation()
        # The database is the run's own: every day in it is the run's (two,
        # if it crossed midnight, and then the daily figures differ by design).
        today = SiteDay.objects.all()
        self.stdout.write(
            json.dumps(
                {
                    "raw_hits": raw,
                    "views": today.aggregate(n=Sum("views"))["n"] or 0,
                    "visitors": today.aggregate(n=Sum("visitors"))["n"] or 0,
                }
            )
        )

    def report(
        self,
        db_url,
        hits,
        result,
        expected,
        counted,
        limit,
        workers,
        threads,
        clients,
        static,
        yardstick=None,
    ) -> None:
        engine = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
        seconds = result["duration_us"] / 1e6
        rate = result["answered"] / seconds if seconds else 0
        ys = yardstick or machine_yardstick_ms()
        load = " / ".join(f"{n:.1f}" for n in os.getloadavg())
        self.stdout.write(
            f"Database: {engine}; gunicorn {workers} workers x {threads} tråde; "
            f"wrk {clients} forbindelser; belastning (load average 1/5/15 min) {load}"
        )
        self.stdout.write(yardstick_line(ys))
        self.stdout.write(f"({EXPLANATION})")
        self.stdout.write(
            f"Statisk fil ({STATIC_PATH}, samme gunicorn, {clients} forbindelser, "
            f"{STATIC_SECONDS} s): {rate_figure(static['rps'], 'svar/s', ys)}, median "
            f"{ms_figure(static['median_ms'], ys)}, p95 {ms_figure(static['p95_ms'], ys)}"
        )
        if result["lost_on_purpose"]:
            self.stdout.write(
                f"Med vilje: forbindelsen med hit nr. {self.lose} blev afbrudt (nulstillet) "
                "gennem en proxy foran gunicorn, og hittet nåede aldrig serveren."
            )
        self.stdout.write(
            f"Besvarede hits: {result['answered']} af {hits} på "
            f"{seconds_figure(seconds, ys)} (grænse {limit} s)"
        )
        waited = f", heraf {GRACE} s ventetid på tabte hits" if result["lost"] else ""
        self.stdout.write(
            f"wrk var færdig efter {seconds_figure(result['wall_s'], ys)} (grænse {limit} s"
            f"{waited})."
        )
        if engine == "PostgreSQL":
            verdict = "OK" if rate >= rate_target_here(TARGET_PG, ys) else "IKKE NÅET"
            goal = f"  (mål på PostgreSQL: {rate_target_text(TARGET_PG, 'hits/s', ys)}: {verdict})"
        else:
            goal = ""
        self.stdout.write(
            f"Hits pr. sekund: {rate_figure(rate, 'hits/s', ys, static['rps'])}{goal}"
        )
        self.stdout.write(
            f"Svartid: median {ms_figure(result['p50_us'] / 1000, ys, static['median_ms'])}, "
            f"p95 {ms_figure(result['p95_us'] / 1000, ys, static['p95_ms'])}"
            f"; fejlede svar: {result['failed']}; forbindelsesfejl: {result['errors']}"
            f"; tabte hits (intet svar inden for {GRACE} s): {result['lost']}"
        )
        complete = (
            result["answered"] == hits
            and not result["failed"]
            and not result["errors"]
            and not result["lost"]
        )
        if not complete:
            self.stdout.write(
                self.style.ERROR("Ikke alle hits blev besvaret: optællingen kan ikke efterprøves.")
            )
        for key, label in (
            ("raw_hits", "gemte hits"),
            ("views", "sidevisninger efter 30-minuttersreglen"),
            ("visitors", "unikke besøgende"),
        ):
            ok = "OK" if expected[key] == counted[key] else "AFVIGER"
            self.stdout.write(f"  {label}: forventet {expected[key]}, talt {counted[key]} – {ok}")
        exact = complete and expected == counted
        if not exact:
            # A failed check must fail the run (exit status 1), not only say so.
            raise CommandError("Tallene afviger fra det sendte (se ovenfor).")
        self.stdout.write(self.style.SUCCESS("Hvert hit er talt præcis én gang."))


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
