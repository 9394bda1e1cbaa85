"""Do the listings cost the same with 1,000 stories as with 10,000? (Not a test.)

Builds an archive of 1,000 stories in a database of the run's own, copies it
and grows the copy to 10,000, then serves both with gunicorn side by side and
asks them in turn for the story index, its topic filter, its last page and
the API list, so that whatever else the machine is doing falls on both sizes
alike. Prints the median server time and query count per size, the ratio
10.000/1.000 and whether it is within 20 %. `--plans` adds the database's
plans of the listing queries at the larger size (EXPLAIN ANALYZE on
PostgreSQL), as quoted in docs/deploy.md.

SQLite by default; PostgreSQL when DATABASE_URL names one, in two new
databases beside it that the run creates and drops (never the one named).
"""

import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.management import BaseCommand, CommandError

from benchmarks import databases, scratch
from benchmarks.server import STATIC_URL, free_port, gunicorn_command, wait_until_serving
from benchmarks.yardstick import EXPLANATION, machine_yardstick_ms, seconds_figure, yardstick_line

SETTINGS = "benchmarks.scale_settings"
TOLERANCE = 0.20
# (label, whether the 20 % goal applies): the middle page is shown, not promised.
ROWS = [
    ("Historieoversigt, side 1", True),
    ("Emnefilter (natur)", True),
    ("Sidste side", True),
    ("Emnefilter, sidste side", True),
    ("API-liste (20 historier)", True),
    ("Midterste side", False),
]
# Asked of both servers in the same rounds: what the machine serves in no time.
STATIC_LABEL = "Statisk fil (site.css)"


class Command(BaseCommand):
    help = (
        "Skalering: historieoversigten, emnefilteret, sidste side og API-listen "
        "ved 1.000 og 10.000 historier (ikke en test)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--small", type=int, default=1000, help="Historier i det lille arkiv.")
        parser.add_argument("--large", type=int, default=10000, help="Historier i det store arkiv.")
        parser.add_argument("--requests", type=int, default=100, help="Målinger pr. side og str.")
        parser.add_argument("--warmup", type=int, default=10)
        parser.add_argument("--plans", action="store_true", help="Vis forespørgselsplanerne.")
        # What the command runs inside its own settings and database (a child process).
        parser.add_argument("--child", choices=["build", "urls", "plans"], help=hidden())
        parser.add_argument("--size", type=int, default=0, help=hidden())

    def handle(self, *args, small, large, requests, warmup, plans, child, size, **options):
        if child:
            return self.run_child(child, size)
        small = max(1, min(small, 50_000))
        large = max(small, min(large, 50_000))
        count = max(1, min(requests, 2000))
        # Stopped with kill as with Ctrl-C: the databases it made are dropped.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        load_before = os.getloadavg()
        started = time.monotonic()
        databases = []
        media = Path(tempfile.mkdtemp(prefix="voresishoj-bench-scale-media-"))
        try:
            with scratch.cache_dir():
                small_db = self.new_database("lille")
                databases.append(small_db)
                self.child(small_db, media, "migrate")
                self.child(small_db, media, "build", small)
                large_db = self.copy_database(small_db, "stor")
                databases.append(large_db)
                self.child(large_db, media, "build", large)
                built = time.monotonic() - started
                self.yardstick_ms = machine_yardstick_ms()
                self.stdout.write(
                    f"Arkiverne er bygget: {small} og {large} historier på "
                    f"{seconds_figure(built, self.yardstick_ms)}."
                )
                sizes = {small: small_db, large: large_db}
                urls = {n: json.loads(self.child(db, media, "urls")) for n, db in sizes.items()}
                for size in sizes:
                    urls[size][STATIC_LABEL] = {"url": STATIC_URL, "page": 0, "queries": "–"}
                figures = self.measure(sizes, urls, media, warmup, count)
                self.report(small, large, urls, figures, count, load_before, databases[0])
                if plans:
                    self.stdout.write(f"\nForespørgselsplaner ved {large} historier:\n")
                    self.stdout.write(self.child(large_db, media, "plans"))
        finally:
            for db_url in databases:
                self.drop_database(db_url)
            shutil.rmtree(media, ignore_errors=True)

    # -- the run's own databases ---------------------------------------------

    def new_database(self, label: str) -> str:
        return databases.new_database("bench_scale", label)

    def copy_database(self, db_url: str, label: str) -> str:
        """The same archive under a new name, to be grown while the original stays."""
        name = Path(urlsplit(db_url).path).stem.rsplit("_", 1)[0] + f"_{label}"
        return databases.copy_database(db_url, name)

    def drop_database(self, db_url: str) -> None:
        databases.drop_database(db_url)

    # -- child processes, in the benchmark's settings and database -----------

    def env(self, db_url: str, media: Path) -> dict:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "BENCH_SCALE_DB_URL": db_url,
            "BENCH_SCALE_MEDIA": str(media),
            # The portal building pages, not the page cache's copies.
            "PAGE_CACHE_SECONDS": "0",
            "FEED_CACHE_SECONDS": "0",
        }
        env.pop("DATABASE_URL", None)
        return env

    def child(self, db_url: str, media: Path, what: str, size: int = 0) -> str:
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        if what == "migrate":
            command = [*manage, "migrate", "--noinput", "-v", "0"]
        else:
            command = [*manage, "bench_scale", "--child", what, "--size", str(size)]
        done = subprocess.run(command, env=self.env(db_url, media), capture_output=True, text=True)
        if done.returncode:
            raise CommandError(f"{' '.join(command[2:])} fejlede:\n{done.stderr[-3000:]}")
        return done.stdout

    def run_child(self, what: str, size: int) -> None:
        if os.environ.get("DJANGO_SETTINGS_MODULE") != SETTINGS:
            raise CommandError("--child kører kun i benchmarkens egne indstillinger.")
        from benchmarks import scale_probe

        if what == "build":
            scale_probe.build(size)
        elif what == "urls":
            self.stdout.write(json.dumps(scale_probe.urls_and_queries()))
        else:
            self.stdout.write(scale_probe.plans())

    # -- measuring -----------------------------------------------------------

    def measure(self, sizes: dict, urls: dict, media: Path, warmup: int, count: int) -> dict:
        """Median server time per (size, label), asked in turn of both servers."""
        servers, bases = [], {}
        try:
            for size, db_url in sizes.items():
                port = free_port()
                servers.append(
                    subprocess.Popen(
                        gunicorn_command(port),
                        env=self.env(db_url, media),
                        cwd=settings.BASE_DIR,
                    )  # fmt: skip
                )
                bases[size] = f"http://127.0.0.1:{port}"
            for base in bases.values():
                wait_until_serving(base)
            session = requests.Session()
            session.headers["User-Agent"] = "vores-ishoej-benchmark"
            labels = [STATIC_LABEL, *(label for label, _ in ROWS)]
            times = {(size, label): [] for size in sizes for label in labels}
            for round_number in range(warmup + count):
                # Each size asked first in every other round: neither gains
                # from following the other.
                order = list(bases.items())[:: -1 if round_number % 2 else 1]
                for label in labels:
                    for size, base in order:
                        response = session.get(base + urls[size][label]["url"], timeout=30)
                        if response.status_code != 200:
                            raise CommandError(f"{label} svarede {response.status_code}")
                        if round_number >= warmup:
                            timing = response.headers["Server-Timing"]
                            times[size, label].append(float(timing.split("dur=")[1]))
            return {key: statistics.median(values) for key, values in times.items()}
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=15)

    def report(self, small, large, urls, figures, count, load_before, db_url) -> None:
        engine = "PostgreSQL" if db_url.startswith("postgres") else "SQLite"
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
        self.stdout.write(
            f"\n{engine}, gunicorn (1 sync worker pr. arkiv) på 127.0.0.1, uden side-cache; "
            f"{count} målinger pr. side og størrelse, skiftevis mod de to arkiver.\n"
            "Tiderne er serverens median i ms (Server-Timing, også for den statiske fil); "
            "queries er antal databaseforespørgsler for én visning; målestokke og × statisk "
            "for hver størrelse (lille / stor). " + EXPLANATION + "\n"
        )
        a, b = f"{small:,}".replace(",", "."), f"{large:,}".replace(",", ".")
        header = (
            f"{'Side':<27}{a + ' ms':>11}{b + ' ms':>11}{'forhold':>9}"
            f"{'målestokke':>17}{'× statisk':>15}{'queries':>11}  inden for 20 %"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        ys = self.yardstick_ms
        static = {size: figures[size, STATIC_LABEL] for size in (small, large)}
        for label, promised in [(STATIC_LABEL, None), *ROWS]:
            first, second = figures[small, label], figures[large, label]
            ratio = second / first if first else math.inf
            queries = f"{urls[small][label]['queries']} / {urls[large][label]['queries']}"
            sticks = f"{first / ys:.3f} / {second / ys:.3f}"
            times_static = f"{first / static[small]:.1f} / {second / static[large]:.1f}"
            if promised is None:
                verdict = "(den statiske fil, som siderne måles mod)"
            elif promised:
                verdict = "JA" if ratio <= 1 + TOLERANCE else "NEJ"
            else:
                verdict = "(intet mål: vises til sammenligning)"
            self.stdout.write(
                f"{label:<27}{first:>11.2f}{second:>11.2f}{ratio:>9.2f}"
                f"{sticks:>17}{times_static:>15}{queries:>11}  {verdict}"
            )
        self.stdout.write(
            f"\nSidste side: side {urls[small]['Sidste side']['page']} og "
            f"{urls[large]['Sidste side']['page']}; midterste side: "
            f"{urls[small]['Midterste side']['page']} og {urls[large]['Midterste side']['page']}."
        )
        before = " / ".join(f"{x:.1f}" for x in load_before)
        self.stdout.write(
            f"Maskinens belastning (load average 1/5/15 min): før {before}, efter {load}."
        )
        self.stdout.write(yardstick_line(self.yardstick_ms))


def hidden():
    import argparse

    return argparse.SUPPRESS
