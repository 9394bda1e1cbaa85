"""The quota governor: slow down before a platform makes us stop.

Knows no platform by name: a platform module reports the usage percentage
its API announced (Meta's usage headers), books units against a daily quota
(YouTube) or asks when a rolling publishing window opens again (Instagram),
and the governor pauses the channel above CHANNELS_USAGE_PAUSE_PERCENT or
when the quota is spent. State lives in `ChannelState`, so every worker sees
the same pause. The clock is injectable, so the benchmark can move a
simulated day forward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

USAGE_PAUSE = timedelta(minutes=10)


@dataclass(frozen=True)
class QuotaPaused(Exception):
    """The channel must wait; not a failure and not an attempt."""

    until: datetime
    reason: str


class QuotaGovernor:
    def __init__(self, clock: Callable[[], datetime] = timezone.now) -> None:
        self.clock = clock

    def now(self) -> datetime:
        return self.clock()

    def paused_until(self, channel: str) -> tuple[datetime, str] | None:
        from .models import ChannelState

        state = ChannelState.objects.filter(channel=channel).first()
        if state and state.paused_until and state.paused_until > self.now():
            return state.paused_until, state.pause_reason
        return None

    def pause(self, channel: str, until: datetime, reason: str) -> None:
        from .models import ChannelState

        ChannelState.objects.update_or_create(
            channel=channel, defaults={"paused_until": until, "pause_reason": reason[:300]}
        )

    def record_usage(self, channel: str, percent: int | None) -> None:
        """The share of its call budget the platform says is used; pause near the wall."""
        from .models import ChannelState

        if percent is None:
            return
        ChannelState.objects.update_or_create(
            channel=channel, defaults={"usage_percent": min(percent, 1000)}
        )
        if percent >= settings.CHANNELS_USAGE_PAUSE_PERCENT:
            self.pause(
                channel,
                self.now() + USAGE_PAUSE,
                f"Platformens forbrugsgrænse er {percent} % brugt; kanalen holder pause.",
            )

    def reserve_units(
        self, channel: str, units: int, daily_limit: int, day_zone: ZoneInfo
    ) -> datetime | None:
        """Book quota units for the platform's day; when it resets if they do not fit."""
        from .models import ChannelState

        today = self.now().astimezone(day_zone).date()
        with transaction.atomic():
            state, _ = ChannelState.objects.get_or_create(channel=channel)
            if state.quota_day != today:
                ChannelState.objects.filter(channel=channel).update(quota_day=today, quota_units=0)
            booked = ChannelState.objects.filter(
                channel=channel, quota_units__lte=daily_limit - units
            ).update(quota_units=F("quota_units") + units)
        if booked:
            return None
        tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time(), day_zone)
        return tomorrow.astimezone(UTC)

    def window_opens(self, channel: str, window: timedelta) -> datetime:
        """When the oldest of the channel's posts within a rolling window drops out."""
        from .models import Publication

        since = self.now() - window
        oldest = (
            Publication.objects.filter(channel=channel, published_at__gt=since)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        return (oldest + window) if oldest else self.now() + timedelta(hours=1)


governor = QuotaGovernor()
