"""What the quota governor remembers, in the database, so every worker sees it.

The governor (channels/governor.py) decides when a channel pauses; this ledger
reads and writes that state in `ChannelState` and reads the channel's posts.
The governor sits below the platforms and the platforms are the registry the
models take their channel choices from, so the governor does not import the
models: `ChannelsConfig.ready()` hands it this ledger.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import F

from .publication import Publication
from .settings import ChannelState


class ChannelStateLedger:
    def pause_of(self, channel: str) -> tuple[datetime, str] | None:
        state = ChannelState.objects.filter(channel=channel).first()
        if state and state.paused_until:
            return state.paused_until, state.pause_reason
        return None

    def pause(self, channel: str, until: datetime, reason: str) -> None:
        ChannelState.objects.update_or_create(
            channel=channel, defaults={"paused_until": until, "pause_reason": reason[:300]}
        )

    def record_usage(self, channel: str, percent: int) -> None:
        ChannelState.objects.update_or_create(
            channel=channel, defaults={"usage_percent": min(percent, 1000)}
        )

    def book_units(self, channel: str, units: int, daily_limit: int, day: date) -> bool:
        """Book `units` on `day`'s count, starting a new count on a new day; False
        if they do not fit under `daily_limit`."""
        with transaction.atomic():
            state, _ = ChannelState.objects.get_or_create(channel=channel)
            if state.quota_day != day:
                ChannelState.objects.filter(channel=channel).update(quota_day=day, quota_units=0)
            return bool(
                ChannelState.objects.filter(
                    channel=channel, quota_units__lte=daily_limit - units
                ).update(quota_units=F("quota_units") + units)
            )

    def oldest_post_since(self, channel: str, since: datetime) -> datetime | None:
        return (
            Publication.objects.filter(channel=channel, published_at__gt=since)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
