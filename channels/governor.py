"""The quota governor: slow down before a platform makes us stop.

Reads the usage headers Meta sends with every answer and pauses a channel
above CHANNELS_USAGE_PAUSE_PERCENT; keeps Instagram inside its rolling
24-hour publishing limit and YouTube inside its daily unit quota. State lives
in `ChannelState`, so every worker sees the same pause. The clock is
injectable, so the benchmark can move a simulated day forward.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .http import parse_usage_percent

PACIFIC = ZoneInfo("America/Los_Angeles")  # YouTube's quota day resets at Pacific midnight
USAGE_PAUSE = timedelta(minutes=10)
INSTAGRAM_WINDOW = timedelta(hours=24)


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

    def record_usage(self, channel: str, headers: Mapping[str, str]) -> None:
        from .models import ChannelState

        percent = parse_usage_percent(headers)
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

    def youtube_reserve(self, units: int) -> datetime | None:
        """Book quota units for today; the time the quota resets if they do not fit."""
        from .models import ChannelState

        now_pacific = self.now().astimezone(PACIFIC)
        today = now_pacific.date()
        limit = settings.CHANNELS_YOUTUBE_DAILY_QUOTA
        with transaction.atomic():
            state, _ = ChannelState.objects.get_or_create(channel="youtube")
            if state.quota_day != today:
                ChannelState.objects.filter(channel="youtube").update(
                    quota_day=today, quota_units=0
                )
            booked = ChannelState.objects.filter(
                channel="youtube", quota_units__lte=limit - units
            ).update(quota_units=F("quota_units") + units)
        if booked:
            return None
        tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time(), PACIFIC)
        return tomorrow.astimezone(UTC)

    def instagram_window_opens(self) -> datetime:
        """When the oldest of our Instagram posts in the last 24 hours drops out."""
        from .models import Publication

        since = self.now() - INSTAGRAM_WINDOW
        oldest = (
            Publication.objects.filter(channel="instagram", published_at__gt=since)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        return (oldest + INSTAGRAM_WINDOW) if oldest else self.now() + timedelta(hours=1)


governor = QuotaGovernor()


def usage_listener(channel: str) -> Callable[[Mapping[str, str]], None]:
    return lambda headers: governor.record_usage(channel, headers)
