"""The Redis worker's job class: what `rqworker --job-class cms.rq_worker.TaskJob` runs.

django-tasks-rq puts Django tasks on the queue as jobs whose function is a
`Task`; only its own `Job` class knows to call one (RQ's plain `Job` fails
every task with "'Task' object is not callable"), so the Procfile names this
class, and the settings make it the default for every queue django-rq opens.

On top of the library's class, a job waits out a database outage as the
database worker does (cms/management/commands/task_worker.py): when a task
loses the database it waits, with capped doubling pauses, for it to answer,
then runs the task again if the task is safe to run twice (the backend's
OPTIONS["RERUN_AFTER_DATABASE_OUTAGE"]: Wagtail's search-index and reference
jobs, a channel post, which claims its row first). Any other task is failed
once the database is back, as the database worker does, because it may have
done part of its work. The wait stays inside the job's RQ timeout.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django_tasks_rq.backend import Job

from home.outages import DATABASE_ERRORS, drop_broken_connections, wait_for_database

logger = logging.getLogger("voresishoj.worker")

TIMEOUT_MARGIN_SECONDS = 10
"""Left of the job's RQ timeout when the wait for the database gives up."""


class TaskJob(Job):
    def _rerunnable(self) -> bool:
        from django_tasks import task_backends

        backend = task_backends[self.meta.get("backend_name", "default")]
        return self.func_name in backend.options.get("RERUN_AFTER_DATABASE_OUTAGE", ())

    def _execute(self) -> Any:
        started = time.monotonic()
        timeout = self.timeout if self.timeout and self.timeout > 0 else 180
        budget = min(
            float(getattr(settings, "RQ_WORKER_MAX_OUTAGE_SECONDS", 120)),
            timeout - TIMEOUT_MARGIN_SECONDS,
        )
        while True:
            try:
                return super()._execute()
            except DATABASE_ERRORS as exc:
                drop_broken_connections()
                logger.error(
                    "Opgave %s (%s) mistede databasen (%s: %s); venter på, at den svarer igen.",
                    self.id,
                    self.func_name,
                    type(exc).__name__,
                    str(exc).strip()[:200],
                )
                left = budget - (time.monotonic() - started)
                if left <= 0 or not wait_for_database(left, what="rq-worker"):
                    raise
                if not self._rerunnable():
                    logger.warning(
                        "Opgave %s køres ikke igen (den kan have gjort en del af sit arbejde).",
                        self.id,
                    )
                    raise
                logger.warning("Databasen er tilbage; opgave %s køres igen.", self.id)
