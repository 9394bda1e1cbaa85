import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import close_old_connections

from cms.clock import JOBS, NIGHTLY_JOBS, PeriodicJob
from home.outages import OUTAGE_ERRORS, drop_broken_connections, is_database_outage

logger = logging.getLogger("voresishoj.clock")


def run_job(job: PeriodicJob) -> None:
    try:
        call_command(job.command, *job.args)
    except OUTAGE_ERRORS as exc:
        # The database or Redis is away: one line, fresh connections, and the
        # next tick tries again by itself.
        logger.warning(
            "Periodic job %s skipped: %s is unavailable (%s: %s)",
            job.command,
            "the database" if is_database_outage(exc) else "Redis",
            type(exc).__name__,
            str(exc).strip()[:200],
        )
        drop_broken_connections()
    except Exception:
        # One failing job must not stop the clock; the next tick tries again.
        logger.exception("Periodic job %s failed", job.command)


def run_scheduled_job(job: PeriodicJob) -> None:
    """A tick in the long-running clock: drop connections the database may
    have closed while the clock slept, as a request cycle would."""
    close_old_connections()
    try:
        run_job(job)
    finally:
        close_old_connections()


class Command(BaseCommand):
    help = "Runs the periodic jobs (scheduled publishing, later reach pulls) with APScheduler."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every periodic job once and exit."
        )
        parser.add_argument(
            "--nightly", action="store_true", help="Run the nightly jobs (backup) once and exit."
        )

    def handle(self, *args, once=False, nightly=False, **options):
        if once or nightly:
            for job in JOBS if once else ():
                run_job(job)
            for job in NIGHTLY_JOBS if nightly else ():
                run_job(job)
            return
        scheduler = BlockingScheduler(timezone="Europe/Copenhagen")
        for job in JOBS:
            scheduler.add_job(
                run_scheduled_job,
                "interval",
                seconds=job.interval_seconds,
                args=[job],
                id=job.command,
                max_instances=1,
                coalesce=True,
            )
            self.stdout.write(f"Clock: {job.command} every {job.interval_seconds} s")
        for job in NIGHTLY_JOBS:
            hour, minute = (int(part) for part in getattr(settings, job.time_setting).split(":"))
            scheduler.add_job(
                run_scheduled_job,
                "cron",
                hour=hour,
                minute=minute,
                args=[job],
                id=job.command,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
            self.stdout.write(f"Clock: {job.command} every night at {hour:02d}:{minute:02d}")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            pass
