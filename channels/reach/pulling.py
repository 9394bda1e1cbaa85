"""Pull each publication's figures from its platform into the reach time series.

The only module of reach that imports the channel layer: the site counting
and the reports work without it. Every platform is asked through its own
adapter (`fetch_reach`), which returns metrics under the platform's own names
and leaves out what the platform did not report.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from channels.http import PlatformError
from channels.models import Publication
from channels.models.publication import PublicationStatus
from channels.platforms import CHANNELS

from .models import ChannelMetric, ReachPull

logger = logging.getLogger("voresishoj.reach")


@dataclass(frozen=True)
class PullSummary:
    pulled: int
    failed: int
    skipped: int


def pull_reach() -> PullSummary:
    now = timezone.now()
    pulled = failed = skipped = 0
    publications = Publication.objects.filter(status=PublicationStatus.PUBLISHED).exclude(
        external_id=""
    )
    for publication in publications.order_by("pk"):
        channel = CHANNELS.get(publication.channel)
        if channel is None or channel.is_manual:
            skipped += 1  # e.g. the Facebook group: its figures are entered by hand
            continue
        try:
            metrics = channel.fetch_reach(publication).metrics
        except PlatformError as error:
            _store(publication, now, ok=False, error=str(error))
            failed += 1
            continue
        except Exception as error:  # noqa: BLE001 - one platform must not stop the others
            logger.exception("Rækkevidde kunne ikke hentes for %s", publication.pk)
            _store(publication, now, ok=False, error=f"Uventet fejl: {error}")
            failed += 1
            continue
        _store(publication, now, ok=True, metrics=metrics)
        pulled += 1
    return PullSummary(pulled, failed, skipped)


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
