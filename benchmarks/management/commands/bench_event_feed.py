"""Time /feeds/det-sker.json with 500 events (100 weekly) over 90 days.

Runs in its own throwaway SQLite file under var/ (a child process with the
benchmark settings), never in the dev database. Timings depend on the machine,
so they are printed next to their targets, never asserted.
"""

import os
import statistics
import subprocess
import sys
import time
from datetime import time as clock
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.yardstick import (
    in_yardsticks,
    machine_yardstick_ms,
    target_here,
    target_text,
    yardstick_line,
)

DB_NAME = "bench-event-feed.sqlite3"
# Targets on benchmarks.yardstick.REFERENCE_MACHINE, scaled by this machine's yardstick.
TARGET_UNCACHED_MS = 30
TARGET_304_MS = 10
STATIC_URL = "/static/css/site.css"


class Command(BaseCommand):
    help = "Måler JSON-feedet for Det sker med 500 begivenheder (median, ukachet og 304)."

    def add_arguments(self, parser):
        parser.add_argument("--repetitions", type=int, default=30)
        parser.add_argument("--child", action="store_true", help="Intern: kører målingen.")

    def handle(self, *args, **options):
        repetitions = max(1, min(options["repetitions"], 200))
        if options["child"]:
            self._measure(repetitions)
            return
        var_dir = Path(settings.VAR_DIR)
        var_dir.mkdir(parents=True, exist_ok=True)
        db = var_dir / DB_NAME
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        env = {
            **os.environ,
            "BENCHMARK_DB": str(db),
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        }
        env.pop("DATABASE_URL", None)
        # Measure the feed itself, not the page cache in front of it (which would
        # also write into var/page-cache, shared with the dev server).
        env["PAGE_CACHE_SECONDS"] = "0"
        try:
            result = subprocess.run(
                [
                    sys.executable,
                    sys.argv[0],
                    "bench_event_feed",
                    "--child",
                    f"--repetitions={repetitions}",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            self.stdout.write(result.stdout)
            if result.returncode:
                raise CommandError(result.stderr[-3000:])
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)

    def _measure(self, repetitions: int) -> None:
        name = str(settings.DATABASES["default"]["NAME"])
        if not name.endswith(DB_NAME):
            raise CommandError(f"Nægter at køre mod {name}: kun mod den midlertidige {DB_NAME}.")
        call_command("migrate", verbosity=0, interactive=False)
        occurrences = self._seed()
        client = Client(SERVER_NAME="localhost")
        url = "/feeds/det-sker.json"
        today = timezone.localdate()
        params = {
            "from": today.isoformat(),
            "to": (today + timedelta(days=90)).isoformat(),
            "page_size": "200",
        }

        first = client.get(url, params)
        if first.status_code != 200:
            raise CommandError(f"Feedet svarede {first.status_code}: {first.content[:300]!r}")
        count = first.json()["count"]
        etag = first["ETag"]

        uncached, uncached_cpu, queries = [], [], 0
        for _ in range(repetitions):
            with CaptureQueriesContext(connection) as ctx:
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(url, params)
                uncached_cpu.append((time.process_time() - started_cpu) * 1000)
                uncached.append((time.perf_counter() - started) * 1000)
            queries = len(ctx.captured_queries)
        conditional, conditional_cpu, queries_304 = [], [], 0
        for _ in range(repetitions):
            with CaptureQueriesContext(connection) as ctx:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(url, params, headers={"If-None-Match": etag})
                conditional_cpu.append((time.process_time() - started_cpu) * 1000)
                conditional.append((time.perf_counter() - started) * 1000)
            queries_304 = len(ctx.captured_queries)
            if response.status_code != 304:
                raise CommandError(f"Forventede 304, fik {response.status_code}.")

        static = []
        for _ in range(repetitions):
            started = time.perf_counter()
            response = client.get(STATIC_URL)
            static.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{STATIC_URL} svarede {response.status_code}.")
        self.static_ms = statistics.median(static)
        self.yardstick_ms = machine_yardstick_ms()
        self.stdout.write(
            f"Det sker-feedet: {occurrences} begivenheder, {count} forekomster "
            f"på 90 dage (første side: 200), {repetitions} gentagelser."
        )
        self._line("Ukachet (200)", uncached, uncached_cpu, TARGET_UNCACHED_MS, queries)
        self._line("Betinget (304)", conditional, conditional_cpu, TARGET_304_MS, queries_304)
        self.stdout.write(
            f"  Statisk fil ({STATIC_URL}) i samme proces: median {self.static_ms:.2f} ms. "
            "Målestokke: svartid / maskinens målestok; × statisk: svartid / den statiske fils. "
            "Målene er sat på referencemaskinen og regnet om med denne maskines målestok."
        )
        load = " / ".join(f"{n:.2f}" for n in os.getloadavg())
        self.stdout.write(
            f"  Maskinens belastning (load average 1/5/15 min): {load}. Svartid er vægurstid "
            "i processen; CPU-tid er processens egen tid og påvirkes mindre af andres arbejde "
            "på en delt maskine."
        )
        self.stdout.write(yardstick_line(self.yardstick_ms))

    def _line(
        self, label: str, wall: list[float], cpu: list[float], target_ms: int, queries: int
    ) -> None:
        median_ms = statistics.median(wall)
        verdict = "OK" if median_ms < target_here(target_ms, self.yardstick_ms) else "OVER MÅL"
        self.stdout.write(
            f"  {label:<16} svartid median {median_ms:7.1f} ms "
            f"({in_yardsticks(median_ms, self.yardstick_ms)} målestokke, "
            f"{median_ms / self.static_ms:.1f} × statisk), CPU-tid median "
            f"{statistics.median(cpu):6.1f} ms, {queries} forespørgsler; "
            f"mål {target_text(target_ms, self.yardstick_ms)}: {verdict}"
        )

    def _seed(self) -> int:
        from home.models import HomePage
        from stories.models import EventCategory, EventIndexPage, EventPage

        home = HomePage.objects.first()
        if home is None:
            raise CommandError("Ingen forside i databasen – migrationerne skulle have lavet den.")
        index = EventIndexPage(title="Det sker", slug="det-sker")
        home.add_child(instance=index)
        category = EventCategory.objects.create(name="Fællesskab")
        today = timezone.localdate()
        now = timezone.now()
        audiences = (["aeldre"], ["boern", "familier"], ["alle"], ["unge"])
        for n in range(500):
            is_weekly = n < 100
            event = EventPage(
                title=f"Begivenhed {n}",
                slug=f"begivenhed-{n}",
                intro="En begivenhed i Ishøj til målingen.",
                start_date=today - timedelta(days=30)
                if is_weekly
                else today + timedelta(days=n % 90),
                start_time=clock(9 + n % 10, 0),
                end_time=clock(11 + n % 10, 0),
                frequency="ugentlig" if is_weekly else "ingen",
                weekdays=[n % 7] if is_weekly else [],
                place_name="Kulturhuset AAB",
                address="Vejleåparken, 2635 Ishøj",
                latitude=55.6178,
                longitude=12.3428,
                organiser="Vores Ishøj",
                audience=audiences[n % 4],
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            index.add_child(instance=event)
        through = EventPage.categories.through
        through.objects.bulk_create(
            through(eventpage=event, eventcategory=category) for event in EventPage.objects.all()
        )
        return 500
