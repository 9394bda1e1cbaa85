"""The fan-out: one activity to every follower's server, each server once.

Followers on one server share an inbox (Mastodon's sharedInbox), so an
activity becomes one Delivery per distinct inbox. A delivery is claimed with
a lease before it is sent; a worker killed mid-send leaves a lease that runs
out, and the delivery is sent again with the same activity id, which servers
deduplicate. 2xx is done, 410 drops the inbox and its followers, 5xx and
timeouts are retried with back-off, and an inbox failing for
FEDIVERSE_PRUNE_AFTER_DAYS is given up and its followers pruned.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone

from .actors import absolute, actors
from .models import Activity, Delivery, DeliveryStatus, Follower, SignatureScheme
from .objects import activity as wrap
from .sending import Sent, Signer, post_activity

LEASE = timedelta(minutes=5)
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=6)
BATCH = 200


def backoff(attempts: int) -> timedelta:
    """30 s, 2 min, 8 min, 32 min, ... capped at six hours."""
    return min(FIRST_RETRY * (4 ** max(attempts - 1, 0)), MAX_RETRY)


def _fingerprint(obj: dict | str) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def record(actor_key: str, kind: str, obj: dict | str, page_id: int | None) -> Activity:
    """The activity for this change, created once: a retried publish finds the one it
    made before (same kind, same object content) instead of announcing it twice."""
    object_id = obj if isinstance(obj, str) else obj["id"]
    fingerprint = _fingerprint(obj)
    latest = Activity.objects.filter(actor=actor_key, object_id=object_id).order_by("-pk").first()
    if latest is not None and latest.kind == kind and latest.payload.get("_fp") == fingerprint:
        return latest
    actor = actors()[actor_key]
    with transaction.atomic():
        entry = Activity.objects.create(
            actor=actor_key, kind=kind, object_id=object_id, page_id=page_id, payload={}
        )
        activity_id = absolute(reverse("fediverse:activity", args=[entry.uuid]))
        payload = wrap(kind, actor, obj, activity_id, entry.published.isoformat())
        entry.payload = {**payload, "_fp": fingerprint}
        entry.save(update_fields=["payload"])
        _plan_deliveries(entry)
    return entry


def public_payload(entry: Activity) -> dict:
    return {k: v for k, v in entry.payload.items() if not k.startswith("_")}


def _plan_deliveries(entry: Activity) -> None:
    per_inbox: dict[str, list[Follower]] = defaultdict(list)
    for follower in Follower.objects.of(entry.actor):
        per_inbox[follower.delivery_inbox].append(follower)
    Delivery.objects.bulk_create(
        [
            Delivery(
                activity=entry,
                inbox=inbox,
                followers=len(group),
                # RFC 9421 only where every follower behind the inbox signed with it.
                signature_scheme=SignatureScheme.RFC9421
                if all(f.signature_scheme == SignatureScheme.RFC9421 for f in group)
                else SignatureScheme.CAVAGE,
            )
            for inbox, group in per_inbox.items()
        ],
        ignore_conflicts=True,
    )


def _claim(activity_id: int | None, limit: int) -> list[Delivery]:
    now = timezone.now()
    due = Delivery.objects.due(now)
    if activity_id is not None:
        due = due.filter(activity_id=activity_id)
    claimed = []
    for delivery in due.select_related("activity").order_by("next_attempt_at", "pk")[:limit]:
        # Conditional update: of two workers, only one wins each row.
        won = (
            Delivery.objects.filter(
                pk=delivery.pk, status=delivery.status, attempts=delivery.attempts
            )
            .filter(Q(status=DeliveryStatus.PENDING) | Q(lease_until__lt=now))
            .update(
                status=DeliveryStatus.SENDING,
                lease_until=now + LEASE,
                attempts=delivery.attempts + 1,
            )
        )
        if won:
            delivery.attempts += 1
            claimed.append(delivery)
    return claimed


def _followers_behind(inbox: str):
    return Follower.objects.filter(Q(inbox=inbox) | Q(shared_inbox=inbox))


def _store(delivery: Delivery, sent: Sent) -> None:
    now = timezone.now()
    updates: dict = {
        "lease_until": None,
        "last_error": (sent.detail or str(sent.status or ""))[:300],
    }
    if sent.outcome == "delivered":
        updates.update(status=DeliveryStatus.DELIVERED, delivered_at=now, last_error="")
        _followers_behind(delivery.inbox).update(failing_since=None)
    elif sent.outcome == "gone":
        updates["status"] = DeliveryStatus.GONE
        _followers_behind(delivery.inbox).delete()
    elif sent.outcome == "retry":
        behind = _followers_behind(delivery.inbox)
        behind.filter(failing_since__isnull=True).update(failing_since=now)
        first_failure = (
            behind.order_by("failing_since").values_list("failing_since", flat=True).first()
        )
        prune_after = timedelta(days=settings.FEDIVERSE_PRUNE_AFTER_DAYS)
        if first_failure is None:  # nobody follows through this inbox any more
            updates["status"] = DeliveryStatus.FAILED
        elif now - first_failure >= prune_after:
            updates["status"] = DeliveryStatus.FAILED
            behind.delete()
        else:
            updates.update(
                status=DeliveryStatus.PENDING, next_attempt_at=now + backoff(delivery.attempts)
            )
    else:
        updates["status"] = DeliveryStatus.FAILED
    Delivery.objects.filter(pk=delivery.pk).update(**updates)


def deliver_due(activity_id: int | None = None, limit: int = BATCH) -> int:
    """Send what is due (of one activity, or all), at most FEDIVERSE_DELIVERY_CONCURRENCY
    at a time; returns how many were attempted."""
    claimed = _claim(activity_id, limit)
    if not claimed:
        return 0
    # Keys are read here, once, so the threads only talk HTTP.
    signers = {key: Signer.of(key) for key in {d.activity.actor for d in claimed}}

    def send(delivery: Delivery) -> Sent:
        return post_activity(
            signers[delivery.activity.actor],
            delivery.inbox,
            public_payload(delivery.activity),
            delivery.signature_scheme,
        )

    workers = max(1, min(settings.FEDIVERSE_DELIVERY_CONCURRENCY, len(claimed)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(send, claimed))
    for delivery, sent in zip(claimed, results, strict=True):
        _store(delivery, sent)
    return len(claimed)


def next_due(activity_id: int) -> timezone.datetime | None:
    return (
        Delivery.objects.filter(activity_id=activity_id, status=DeliveryStatus.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )


def followers_reached(object_id: str) -> int:
    """Followers whose server accepted the object's newest Create or Update (what reach counts)."""
    latest = (
        Activity.objects.filter(object_id=object_id, kind__in=("Create", "Update"))
        .order_by("-pk")
        .first()
    )
    if latest is None:
        return 0
    return latest.deliveries.delivered().aggregate(n=Sum("followers"))["n"] or 0
