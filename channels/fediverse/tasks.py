"""Background work of the fediverse: Accepts and the fan-out, never in a request."""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

from home.outages import REDIS_ERRORS

from . import delivery
from .sending import Signer, post_activity

logger = logging.getLogger("voresishoj.fediverse")


@task()
def send_accept(actor_key: str, inbox: str, accept: dict, scheme: str) -> str:
    """Answer a Follow, in the signature scheme the follower used."""
    sent = post_activity(Signer.of(actor_key), inbox, accept, scheme)
    if sent.outcome != "delivered":
        logger.warning("fediverse: Accept to %s: %s %s", inbox, sent.status, sent.detail)
    return sent.outcome


@task()
def deliver_activity(activity_id: int) -> int:
    """Send an activity's due deliveries; a retry later is enqueued for itself (or left to
    the clock's `fediverse_deliver_due` where the backend cannot defer)."""
    sent = 0
    while True:
        attempted = delivery.deliver_due(activity_id)
        sent += attempted
        if attempted < delivery.BATCH:
            break
    enqueue(activity_id)
    return sent


def enqueue(activity_id: int) -> None:
    """Hand the activity's next due deliveries to the task backend."""
    when = delivery.next_due(activity_id)
    if when is None:
        return
    backend = deliver_activity.get_backend()
    try:
        if when <= timezone.now():
            deliver_activity.enqueue(activity_id)
        elif backend.supports_defer:
            deliver_activity.using(run_after=when).enqueue(activity_id)
    except REDIS_ERRORS as error:  # the clock's sweep picks it up
        logger.warning("fediverse: activity %s left for the clock (%s)", activity_id, error)
