"""Reconciling: the editor's "Prøv igen" and the clock's sweep of due and stuck posts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from . import lease
from .alerts import login_works
from .governor import governor
from .models import Publication
from .models import PublicationStatus as S
from .tasks import Job, enqueue


def retry(publication_ids: Iterable[int]) -> int:
    """The editor's "Prøv igen": make failed or stuck posts due now and enqueue them."""
    pubs = list(Publication.objects.hurriable().filter(pk__in=list(publication_ids)))
    for channel in {p.channel for p in pubs if p.status == S.NEEDS_LOGIN}:
        login_works(channel)
    jobs: list[Job] = []
    for pub in pubs:
        # A lost answer stays unconfirmed: the retry looks the post up before sending.
        status = S.UNCONFIRMED if pub.status == S.UNCONFIRMED else S.QUEUED
        if Publication.objects.filter(pk=pub.pk).move_to(
            status, sources=[pub.status], attempts=0, next_attempt_at=None
        ):
            jobs.append((pub.pk, None))
    transaction.on_commit(lambda: enqueue(jobs))
    return len(jobs)


def retry_due(now: datetime | None = None) -> int:
    """The clock's sweep: expired claims become unconfirmed, due posts are enqueued."""
    now = now or governor.now()
    orphaned = _release_expired_claims(now)
    # A post whose task waits in the queue is not enqueued again (a slow platform
    # would otherwise get one more task per post every minute); only a task that
    # should long have run is presumed lost (a flushed Redis, a deleted queue).
    lost = now - timedelta(seconds=settings.CHANNELS_REQUEUE_AFTER_SECONDS)
    due = (
        Publication.objects.due(now, stale_before=now - timedelta(minutes=2))
        .filter(Q(enqueued_for__isnull=True) | Q(enqueued_for__lt=lost))
        .values_list("pk", flat=True)
    )
    ids = orphaned + [pk for pk in due if pk not in orphaned]
    enqueue((pk, None) for pk in ids)
    return len(ids)


ORPHANED = "Svaret fra platformen blev aldrig gemt; opslaget tjekkes, før det sendes igen."


def _release_expired_claims(now: datetime) -> list[int]:
    """Posts whose worker stopped renewing its lease (killed mid-send) become
    unconfirmed and due at once; the ids returned are enqueued right away.

    Each row is released only if its claim is still the expired one, so a
    beat that lands meanwhile keeps the post with its living worker.
    """
    expired = lease.expired_before(now)
    released = []
    claims = Publication.objects.expired_claims(expired)
    for pk, token in claims.values_list("pk", "claim_token"):
        if (
            Publication.objects.expired_claims(expired)
            .filter(pk=pk, claim_token=token)
            .move_to(
                S.UNCONFIRMED,
                sources=[S.PUBLISHING],
                next_attempt_at=None,
                enqueued_for=None,
                last_error=ORPHANED,
                fix_field="",
            )
        ):
            released.append(pk)
    return released
