"""The Redis task backend (TASK_BACKEND=rq), surviving a Redis outage when enqueueing.

Wagtail enqueues a task on every save (the reference index, file clean-up,
cache purges); with Redis away each of those raised, and saving a page in the
admin answered 500. Here a task that cannot reach the queue runs at once in
the request instead, with one log line: Wagtail's tasks are small, and a
page saved late is worse than a page saved slowly.

Not every task may run inline: a channel post would make the editor wait for
a platform. Tasks listed in OPTIONS["KEEP_QUEUED"] (and any task deferred to
later) still raise, and their caller keeps the work in the database for the
clock to enqueue when Redis is back (channels.tasks.enqueue does).
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils.functional import cached_property
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task, TaskResult
from django_tasks_rq.backend import RQBackend

from home.outages import REDIS_ERRORS

logger = logging.getLogger("voresishoj.tasks")


class ResilientRQBackend(RQBackend):
    @cached_property
    def keep_queued(self) -> frozenset[str]:
        """Tasks that must never run inside the request that enqueues them."""
        return frozenset(self.options.get("KEEP_QUEUED", ()))

    @cached_property
    def _inline(self) -> ImmediateBackend:
        return ImmediateBackend(self.alias, {"QUEUES": list(self.queues)})

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        try:
            return super().enqueue(task, args, kwargs)
        except REDIS_ERRORS as error:
            if task.run_after is not None or task.module_path in self.keep_queued:
                raise
            logger.warning(
                "Redis svarer ikke (%s); opgaven %s køres med det samme i stedet for i køen.",
                type(error).__name__,
                task.module_path,
            )
            return self._inline.enqueue(task, args, kwargs)
