"""Exponential backoff with full jitter, bounded.

Jitter spreads the retries of many posts that failed together (a platform
outage) so they do not all hit the platform again in the same second.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

BASE_SECONDS = 30.0
CAP_SECONDS = 3600.0


def backoff_delay(attempt: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait after the `attempt`-th failed attempt (1-based)."""
    ceiling = min(CAP_SECONDS, BASE_SECONDS * (2 ** max(0, attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)


def next_attempt(now: datetime, attempt: int, retry_after: float | None = None) -> datetime:
    """When to try again: the platform's Retry-After if longer than our backoff."""
    delay = backoff_delay(attempt)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return now + timedelta(seconds=delay)
