"""The quota governor: slow down before a platform makes us stop.

Knows no platform by name: a platform module reports the usage percentage
its API announced (Meta's usage headers), books units against a daily quota
(YouTube) or asks when a rolling publishing window opens again (Instagram),
and the governor pauses the channel above CHANNELS_USAGE_PAUSE_PERCENT or
when the quota is spent. State lives in `ChannelState` (through the ledger
`ChannelsConfig.ready()` hands over), so every worker sees the same pause.
The clock is injectable, so the benchmark can move a simulated day forward.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from home.outages import DATABASE_ERRORS

logger = logging.getLogger("voresishoj.channels")

USAGE_PAUSE = timedelta(minutes=10)


@dataclass(frozen=True)
class QuotaPaused(Exception):
    """The channel must wait; not a failure and not an attempt."""

    until: datetime
    reason: str


class QuotaLedger(Protocol):
    """Where the governor's state is kept, so every worker sees the same pause.

    The platforms use the governor and the models take their channel choices
    from the platforms' registry, so the governor cannot import the models:
    `ChannelsConfig.ready()` hands it `channels.models.ledger.ChannelStateLedger`.
    """

    def pause_of(self, channel: str) -> tuple[datetime, str] | None:
        """The channel's last pause (until, reason), past or not; None if never."""

    def pause(self, channel: str, until: datetime, reason: str) -> None: ...

    def record_usage(self, channel: str, percent: int) -> None: ...

    def book_units(self, channel: str, units: int, daily_limit: int, day: date) -> bool:
        """Book the units on the day's count; False if they do not fit the limit."""

    def oldest_post_since(self, channel: str, since: datetime) -> datetime | None: ...


class QuotaGovernor:
    def __init__(self, clock: Callable[[], datetime] = timezone.now) -> None:
        self.clock = clock
        self._ledger: QuotaLedger | None = None

    def keep_state_in(self, ledger: QuotaLedger) -> None:
        self._ledger = ledger

    @property
    def ledger(self) -> QuotaLedger:
        if self._ledger is None:
            raise ImproperlyConfigured("The quota governor has no ledger (ChannelsConfig.ready)")
        return self._ledger

    def now(self) -> datetime:
        return self.clock()

    def paused_until(self, channel: str) -> tuple[datetime, str] | None:
        pause = self.ledger.pause_of(channel)
        if pause and pause[0] > self.now():
            return pause
        return None

    def pause(self, channel: str, until: datetime, reason: str) -> None:
        self.ledger.pause(channel, until, reason)

    def record_usage(self, channel: str, percent: int | None) -> None:
        """The share of its call budget the platform says is used; pause near the wall."""
        if percent is None:
            return
        try:
            self.ledger.record_usage(channel, percent)
            if percent >= settings.CHANNELS_USAGE_PAUSE_PERCENT:
                self.pause(
                    channel,
                    self.now() + USAGE_PAUSE,
                    f"Platformens forbrugsgrænse er {percent} % brugt; kanalen holder pause.",
                )
        except DATABASE_ERRORS:
            # Advisory: a database outage while the platform answers must not
            # cost the answer itself (channels.recording waits to store that).
            logger.warning("channels: usage of %s not recorded (database unavailable)", channel)

    def reserve_units(
        self, channel: str, units: int, daily_limit: int, day_zone: ZoneInfo
    ) -> datetime | None:
        """Book quota units for the platform's day; when it resets if they do not fit."""
        today = self.now().astimezone(day_zone).date()
        if self.ledger.book_units(channel, units, daily_limit, today):
            return None
        tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time(), day_zone)
        return tomorrow.astimezone(UTC)

    def window_opens(self, channel: str, window: timedelta) -> datetime:
        """When the oldest of the channel's posts within a rolling window drops out."""
        oldest = self.ledger.oldest_post_since(channel, self.now() - window)
        return (oldest + window) if oldest else self.now() + timedelta(hours=1)


governor = QuotaGovernor()
