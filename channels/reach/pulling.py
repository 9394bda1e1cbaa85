"""Pull each publication's figures from its platform into the reach time series.

Run hourly by the clock; each post is pulled on the schedule of its age
(schedule.py: hourly for two days, daily to 90 days, weekly to a year, then
never), and stored as that day's snapshot: one row per post, metric and day.

Every configured backend that pulls reach (channels.registry) is asked through
`fetch_reach`, with the publication's record as a value, which returns metrics
under the platform's own names and leaves out what the platform did not
report. A metric the platform refuses (Meta's #100) is recorded in
`RefusedMetric` and left out of later pulls; the others are stored all the
same. A pull that brings no figure at all is stored as failed, with the
reason: never as silently empty.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from channels.http import PlatformError
from channels.models import Publication
from channels.registry import channels

from .models import ChannelMetric, ReachPull, RefusedMetric
from .schedule import LAST_AGE, is_due

logger = logging.getLogger("voresishoj.reach")


@dataclass(frozen=True)
class PullSummary:
    pulled: int
    failed: int
    skipped: int


def pull_reach(now: datetime | None = None) -> PullSummary:
    """Pull every live post that is due by its age; `skipped` counts the posts
    no backend pulls for (manual, or a channel taken out of the setting)."""
    now = now or timezone.now()
    pulled = failed = skipped = 0
    refused = refused_by_channel()
    for publication in due_for_reach(now):
        channel = channels.get(publication.channel)
        if channel is None or not channel.pulls_reach:
            skipped += 1  # e.g. the Facebook group: its figures are entered by hand
            continue
        try:
            result = channel.fetch_reach(
                publication.record(), refused.get(channel.slug, frozenset())
            )
        except PlatformError as error:
            _store(publication, now, ok=False, error=str(error))
            failed += 1
            continue
        except Exception as error:  # noqa: BLE001 - one platform must not stop the others
            logger.exception("Rækkevidde kunne ikke hentes for %s", publication.pk)
            _store(publication, now, ok=False, error=f"Uventet fejl: {error}")
            failed += 1
            continue
        if result.refused:
            record_refused(channel.slug, result.refused, now)
            refused[channel.slug] = refused.get(channel.slug, frozenset()) | set(result.refused)
        if not result.metrics:
            _store(publication, now, ok=False, error=empty_reason(channel, result))
            failed += 1
            continue
        _store(publication, now, ok=True, error=result.partial_error_da, metrics=result.metrics)
        pulled += 1
    return PullSummary(pulled, failed, skipped)


def due_for_reach(now: datetime) -> list[Publication]:
    """Live posts whose age's schedule says it is time (schedule.py)."""
    candidates = (
        Publication.objects.live()
        .annotate(
            went_out=Coalesce("published_at", "created_at"),
            last_pulled_at=Max("reach_pulls__pulled_at"),
        )
        .filter(went_out__gt=now - LAST_AGE)
        .order_by("pk")
    )
    return [p for p in candidates if is_due(p.went_out, p.last_pulled_at, now)]


def refused_by_channel() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for channel, metric in RefusedMetric.objects.values_list("channel", "metric"):
        found.setdefault(channel, set()).add(metric)
    return {channel: frozenset(metrics) for channel, metrics in found.items()}


def record_refused(channel: str, refused: dict[str, str], now) -> None:
    for metric, reason in refused.items():
        row, created = RefusedMetric.objects.get_or_create(
            channel=channel,
            metric=metric[:60],
            defaults={"since": now, "last_refused_at": now, "reason": reason[:500]},
        )
        if not created:
            RefusedMetric.objects.filter(pk=row.pk).update(last_refused_at=now)


def empty_reason(channel, result) -> str:
    if result.refused:
        names = ", ".join(sorted(result.refused))
        return f"{channel.label} leverede ingen tal: platformen afviste {names}."
    return result.partial_error_da or (
        f"{channel.label} leverede ingen tal for opslaget (endnu ikke opgjort eller for få "
        "visninger)."
    )


def _store(publication, now, *, ok: bool, error: str = "", metrics=None) -> None:
    """The day's snapshot, created or brought up to date: a metric pulled again
    today replaces today's value; a failed pull never erases today's figures."""
    day = timezone.localtime(now).date()
    with transaction.atomic():
        pull, created = ReachPull.objects.select_for_update().get_or_create(
            publication=publication,
            day=day,
            defaults={
                "page_id": publication.page_id,
                "channel": publication.channel,
                "pulled_at": now,
                "ok": ok,
                "error": error[:500],
            },
        )
        if not created:
            if not ok and pull.ok:
                return  # today's figures stand; the next pull tries again
            ReachPull.objects.filter(pk=pull.pk).update(pulled_at=now, ok=ok, error=error[:500])
        for name, value in (metrics or {}).items():
            ChannelMetric.objects.update_or_create(
                pull=pull, metric=name[:60], defaults={"value": int(value)}
            )
