"""Benchmark of the reach pull schedule (not a test): what it stores and what reports read.

Prints the rows the channel reach time series stores per year at 1,000 and
10,000 posts, before (every post pulled hourly for ever, one row per pull)
and after (channels/reach/schedule.py: by age, one snapshot per post, metric
and day), and how long the report's read of the latest figures takes over a
bounded sample of each shape. Runs in a child process on its own throwaway
SQLite file, like bench_channels.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from benchmarks.migrated import copy_migrated
from benchmarks.yardstick import limit_here, machine_yardstick_ms, ms_figure, yardstick_line

DB_NAME = "bench-reach-schedule.sqlite3"
HARD_LIMIT_SECONDS = 300  # on benchmarks.yardstick.REFERENCE_MACHINE; scaled here
HOURS_PER_YEAR = 24 * 365
READS = 5


def metrics_per_post() -> float:
    """The metrics an average post reports: the pulled channels' current metrics."""
    from channels.registry import all_channels

    counts = [len(c.requested_metrics()) for c in all_channels() if c.pulls_reach]
    return sum(counts) / len(counts) if counts else 1.0


def rows_per_year(posts: int, snapshots_per_post: int, metrics: float) -> int:
    """One pull row and one row per metric for every stored snapshot."""
    return round(posts * snapshots_per_post * (1 + metrics))


def danish(number: float) -> str:
    return f"{number:,.0f}".replace(",", ".")


class Command(BaseCommand):
    help = "Rækkevidde-tidsserien: rækker pr. år og rapportens læsetid før og efter (ikke en test)."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=50, help="Opslag i målingen (højst 500).")
        parser.add_argument("--days", type=int, default=20, help="Dage med tal (højst 90).")
        parser.add_argument("--child", action="store_true", help="Intern: kører målingen.")

    def handle(self, *args, posts, days, child, **options):
        posts, days = max(1, min(posts, 500)), max(2, min(days, 90))
        if child:
            self._child(posts, days)
            return
        db = Path(settings.VAR_DIR) / DB_NAME
        db.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        env = {
            **os.environ,
            "BENCHMARK_DB": str(db),
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        }
        env.pop("DATABASE_URL", None)
        argv = [sys.executable, sys.argv[0], "bench_reach_schedule", "--child"]
        limit = limit_here(HARD_LIMIT_SECONDS, machine_yardstick_ms())
        try:
            copy_migrated(db, env, timeout=limit)  # the child's migrate then has nothing to do
            done = subprocess.run(
                [*argv, f"--posts={posts}", f"--days={days}"],
                env=env,
                capture_output=True,
                text=True,
                timeout=limit,
            )
        except subprocess.TimeoutExpired:
            raise CommandError(
                f"Målingen ramte grænsen på {limit:.0f} s ({HARD_LIMIT_SECONDS} s på "
                "referencemaskinen, regnet om med denne maskines målestok)."
            ) from None
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        self.stdout.write(done.stdout.rstrip())
        if done.returncode:
            raise CommandError(done.stderr[-2000:])

    def _child(self, posts: int, days: int) -> None:
        from channels.reach.schedule import pulls_in_first_year, snapshot_days_in_first_year

        metrics = metrics_per_post()
        before, after = HOURS_PER_YEAR, snapshot_days_in_first_year()
        self.stdout.write(
            f"Rækkevidde-tidsserien ({metrics:.1f} tal pr. opslag i gennemsnit; en række pr. "
            "hentning plus en pr. tal):"
        )
        self.stdout.write(
            f"  Før: hvert opslag hentet hver time for altid: {danish(before)} gemte hentninger "
            "pr. opslag og år."
        )
        self.stdout.write(
            f"  Efter: {pulls_in_first_year()} hentninger i opslagets første år, derefter "
            f"ingen; {after} gemte dagsbilleder pr. opslag."
        )
        for count in (1_000, 10_000):
            old, new = rows_per_year(count, before, metrics), rows_per_year(count, after, metrics)
            self.stdout.write(
                f"  {danish(count)} opslag: {danish(count * before)} hentninger pr. år før, "
                f"{danish(count * after)} efter; med tallene {danish(old)} rækker før, "
                f"{danish(new)} efter ({old / new:.0f} gange færre)."
            )
        call_command("migrate", verbosity=0, interactive=False)
        old_time, old_rows = self._read_time(posts, days, hourly=True)
        new_time, new_rows = self._read_time(posts, days, hourly=False)
        yardstick = machine_yardstick_ms()
        self.stdout.write(
            f"Rapportens læsning af de seneste tal for {posts} opslag med {days} dages tal "
            f"(gennemsnit af {READS} læsninger; målestokke: tiden delt med maskinens målestok):"
        )
        self.stdout.write(
            f"  Før: {danish(old_rows)} rækker, {ms_figure(old_time * 1000, yardstick)}."
        )
        self.stdout.write(
            f"  Efter: {danish(new_rows)} rækker, {ms_figure(new_time * 1000, yardstick)}."
        )
        self.stdout.write(f"  Forhold før/efter: {old_time / new_time:.1f}.")
        load = " / ".join(f"{n:.1f}" for n in os.getloadavg())
        self.stdout.write(f"Belastning (load average 1/5/15 min): {load}.")
        self.stdout.write(yardstick_line(yardstick))

    def _read_time(self, posts: int, days: int, *, hourly: bool) -> tuple[float, int]:
        """Store `days` of figures for `posts` posts in the old shape (a row per hourly
        pull) or the new (a snapshot per day), then time the report's read. The old
        shape is rebuilt on today's table: each hourly row gets a day of its own, which
        the read does not look at."""
        from channels.models import Publication
        from channels.reach.channel_figures import deleted_page_figures
        from channels.reach.models import ChannelMetric, ReachPull
        from channels.reach.periods import Period

        ReachPull.objects.all().delete()
        Publication.objects.all().delete()
        end = datetime.datetime(2026, 6, 30, 23, tzinfo=datetime.UTC)
        start = end - datetime.timedelta(days=days)
        pubs = Publication.objects.bulk_create(
            Publication(
                page=None, channel="facebook", status="published", external_id=f"p{n}",
                page_title=f"Opslag {n}", published_at=start,
            )
            for n in range(posts)
        )  # fmt: skip
        step = datetime.timedelta(hours=1 if hourly else 24)
        synthetic = datetime.date(1900, 1, 1)
        pulls, moment, n = [], start, 0
        while moment <= end:
            for pub in pubs:
                day = synthetic + datetime.timedelta(days=n) if hourly else moment.date()
                pulls.append(
                    ReachPull(
                        publication=pub, channel="facebook", pulled_at=moment, day=day, ok=True
                    )
                )
            moment += step
            n += 1
        created = ReachPull.objects.bulk_create(pulls, batch_size=2000)
        ChannelMetric.objects.bulk_create(
            (
                ChannelMetric(pull=pull, metric=name, value=i)
                for i, pull in enumerate(created)
                for name in ("post_total_media_view_unique", "post_media_view")
            ),
            batch_size=5000,
        )
        rows = ReachPull.objects.count() + ChannelMetric.objects.count()
        period = Period(start.date(), end.date())
        started = time.perf_counter()
        for _ in range(READS):
            figures = deleted_page_figures(period)
        elapsed = (time.perf_counter() - started) / READS
        assert len(figures) == posts
        return elapsed, rows
