"""Task: the channel layer's one background job and the only place it is enqueued.

`planning` and `reconciling` decide what must happen and hand the jobs here;
`perform_publication` runs one attempt (`performing`), whose outcome
`recording` stores. When the recorded outcome says "again later", the task
enqueues that next attempt itself, so no module below calls back up.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from django_tasks import task

from . import performing
from .models import Publication
from .models import PublicationStatus as S

Job = tuple[int, datetime | None]
"""A publication to attempt, and when (None: now)."""


@task()
def perform_publication(publication_id: int) -> str:
    """One attempt at one story on one channel (claimed, so safe to run twice)."""
    status = performing.perform(publication_id)
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
    else the clock's `channels_retry_due` picks them up when due."""
    backend = perform_publication.get_backend()
    for publication_id, run_after in jobs:
        if run_after is not None and run_after > timezone.now():
            if backend.supports_defer:
                perform_publication.using(run_after=run_after).enqueue(publication_id)
            continue
        perform_publication.enqueue(publication_id)
