"""Pull each publication's figures from its platform into the reach time series.

The only module of reach that imports the channel layer: the site counting
and the reports work without it. Every platform is asked through its own
adapter (`fetch_reach`), which returns metrics under the platform's own names
and leaves out what the platform did not report. A metric the platform
refuses (Meta's #100) is recorded in `RefusedMetric` and left out of later
pulls; the others are stored all the same. A pull that brings no figure at
all is stored as failed, with the reason: never as silently empty.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from channels.http import PlatformError
from channels.models import Publication
from channels.registry import channels

from .models import ChannelMetric, ReachPull, RefusedMetric

logger = logging.getLogger("voresishoj.reach")


@dataclass(frozen=True)
class PullSummary:
    pulled: int
    failed: int
    skipped: int


def pull_reach() -> PullSummary:
    now = timezone.now()
    pulled = failed = skipped = 0
    publications = Publication.objects.live()
    refused = refused_by_channel()
    for publication in publications.order_by("pk"):
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
    with transaction.atomic():
        pull = ReachPull.objects.create(
            publication=publication,
            page_id=publication.page_id,
            channel=publication.channel,
            pulled_at=now,
            ok=ok,
            error=error[:500],
        )
        ChannelMetric.objects.bulk_create(
            ChannelMetric(pull=pull, metric=name[:60], value=int(value))
            for name, value in (metrics or {}).items()
        )
