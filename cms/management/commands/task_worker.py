"""The database task worker, surviving database outages by itself.

django-tasks-db's `db_worker` stops at the first database error it does not
expect: when PostgreSQL went away for 30 seconds it died inside `set_failed`
(recording a task that had failed because the database was gone) and nothing
went out until someone restarted it. This command runs the library's own
worker loop unchanged and wraps it: on a lost database it waits with capped,
doubling pauses until the database answers (at most --max-outage seconds, then
it exits with an error for the process manager), records the task that was cut
off as failed instead of leaving it "running" for ever, and carries on.
Tasks of the channel layer record their own outcome (channels/performing.py).
"""

from __future__ import annotations

import logging
import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from home.outages import DATABASE_ERRORS, drop_broken_connections, wait_for_database

logger = logging.getLogger("voresishoj.worker")

DEFAULT_MAX_OUTAGE_SECONDS = 3600


class ResilientWorker(Worker):
    def __init__(self, *, max_outage_seconds: float, backoff_cap: float = 30.0, **kwargs):
        super().__init__(**kwargs)
        self.max_outage_seconds = max_outage_seconds
        self.backoff_cap = backoff_cap
        self.outages = 0
        self._current: DBTaskResult | None = None

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self._current = db_task_result
        super().run_task(db_task_result)  # raises only when recording the result failed
        self._current = None

    def run(self) -> None:
        while True:
            try:
                super().run()
                return
            except DATABASE_ERRORS as exc:
                self.outages += 1
                interrupted, self._current = self._current, None
                logger.error(
                    "Task-workeren mistede databasen (%s: %s); venter på, at den svarer igen.",
                    type(exc).__name__,
                    str(exc).strip()[:200],
                )
                drop_broken_connections()
                if not wait_for_database(
                    self.max_outage_seconds, cap=self.backoff_cap, what="task-worker"
                ):
                    logger.error(
                        "Databasen har ikke svaret i %s s; task-workeren stopper.",
                        self.max_outage_seconds,
                    )
                    raise
                self._record_interrupted(interrupted, exc)
                if not self.running:
                    return

    def _record_interrupted(self, task_result: DBTaskResult | None, exc: BaseException) -> None:
        """The task that was running when the database went away is recorded as
        failed (with the outage as its reason), not left "running" for ever.

        It is not run again: a task may have done part of its work (sent an
        e-mail) before the database went. Channel posts look after themselves.
        """
        if task_result is None:
            return
        try:
            task_result.refresh_from_db(fields=["status"])
            if task_result.status == TaskResultStatus.RUNNING:
                task_result.set_failed(exc)
                logger.warning(
                    "Opgave %s blev afbrudt af databasen og er markeret fejlet.", task_result.id
                )
        except DATABASE_ERRORS:
            logger.exception("Kunne ikke registrere den afbrudte opgave %s", task_result.id)
            drop_broken_connections()


class Command(DbWorkerCommand):
    help = (
        "Kører baggrundsopgaver fra databasekøen (django-tasks-db) og overlever, at "
        "databasen er væk et stykke tid."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--max-outage",
            type=float,
            default=float(
                os.environ.get("TASK_WORKER_MAX_OUTAGE_SECONDS", DEFAULT_MAX_OUTAGE_SECONDS)
            ),
            help="Seconds to wait for a lost database before exiting with an error.",
        )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay,
               reload, max_tasks, worker_id, exclude_queues, max_outage, **options):  # fmt: skip
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            max_outage_seconds=max_outage,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
