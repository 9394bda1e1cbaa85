"""Task: the channel layer's one background job and the only place it is enqueued.

`planning` and `reconciling` decide what must happen and hand the jobs here;
`perform_publication` runs one attempt (`performing`), whose outcome
`recording` stores. When the recorded outcome says "again later", the task
enqueues that next attempt itself, so no module below calls back up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from home.outages import REDIS_ERRORS

from . import performing
from .governor import governor
from .models import Publication
from .models import PublicationStatus as S

logger = logging.getLogger("voresishoj.channels")

EARLY_WAKE_SECONDS = 5.0
"""A task this much early for its post waits; earlier still, it defers itself again."""

Job = tuple[int, datetime | None]
"""A publication to attempt, and when (None: now)."""


@task()
def perform_publication(publication_id: int) -> str:
    """One attempt at one story on one channel (claimed, so safe to run twice).

    A deferred task may wake a little before its post is due (RQ keeps the due
    time in whole seconds): it waits the moment out, or, due later, defers
    itself again, so the post is never left marked as queued with no task.
    """
    status = performing.perform(publication_id)
    if status == performing.SKIPPED:
        wait = performing.seconds_until_due(publication_id)
        if wait is not None and wait <= EARLY_WAKE_SECONDS:
            time.sleep(max(0.0, wait))
            status = performing.perform(publication_id)
        elif wait is not None:
            due = governor.now() + timedelta(seconds=wait)
            enqueue([(publication_id, due)])
            return status
    if status in (S.QUEUED, S.UNCONFIRMED):
        # A retry, a rate limit or a quota pause recorded when to try again.
        again = (
            Publication.objects.filter(pk=publication_id)
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        if again is not None:
            enqueue([(publication_id, again)])
    return status


def enqueue(jobs: Iterable[Job]) -> None:
    """Hand jobs to the task backend; deferred ones only where the backend can defer,
    else the clock's `channels_retry_due` picks them up when due.

    Each post handed over is marked (`enqueued_for`) *before* the hand-over, so
    the clock does not enqueue it again while its task waits in the queue, and
    an immediate backend that runs the task at once finds the mark already
    cleared by the claim. A queue that cannot be reached (Redis down) loses
    nothing: the mark is cleared and the clock enqueues the post when it can.
    """
    backend = perform_publication.get_backend()
    now = timezone.now()
    marked_at = governor.now()  # the clock retry_due compares against
    for publication_id, run_after in jobs:
        deferred = run_after is not None and run_after > now
        if deferred and not backend.supports_defer:
            Publication.objects.filter(pk=publication_id).update(enqueued_for=None)
            continue
        Publication.objects.filter(pk=publication_id).update(
            enqueued_for=run_after if deferred else marked_at
        )
        try:
            if deferred:
                perform_publication.using(run_after=run_after).enqueue(publication_id)
            else:
                perform_publication.enqueue(publication_id)
        except REDIS_ERRORS as error:  # Redis is away: one line, the clock enqueues it later
            logger.warning(
                "channels: publication %s stays queued for the clock (%s: %s)",
                publication_id,
                type(error).__name__,
                str(error)[:200],
            )
            Publication.objects.filter(pk=publication_id).update(enqueued_for=None)
        except Exception:  # the queue failed otherwise; the clock's sweep enqueues it later
            logger.exception("channels: publication %s could not be enqueued", publication_id)
            Publication.objects.filter(pk=publication_id).update(enqueued_for=None)
