"""When a post's figures are pulled: often while it is young, rarely when old, then never.

A post gathers most of its reach in its first days; a pull every hour for
ever (the old way) stored about 8.7 million rows a year at 1,000 posts and
made every report read them back. The schedule below bounds both: at most
one stored snapshot per post, metric and day, and no pulls after a year.
`bench_reach_schedule` prints what it stores per year.
"""

from __future__ import annotations

from datetime import datetime, timedelta

SCHEDULE: tuple[tuple[timedelta, timedelta], ...] = (
    (timedelta(days=2), timedelta(hours=1)),
    (timedelta(days=90), timedelta(days=1)),
    (timedelta(days=365), timedelta(weeks=1)),
)
"""(up to this age, pull this often); older posts are never pulled again."""

SLACK = timedelta(minutes=5)
"""The hourly clock runs a little early or late; a pull due within this is due now."""

LAST_AGE = SCHEDULE[-1][0]


def pull_interval(age: timedelta) -> timedelta | None:
    """How often a post this old is pulled; None once it is past the schedule."""
    for until, every in SCHEDULE:
        if age < until:
            return every
    return None


def is_due(published_at: datetime, last_pulled_at: datetime | None, now: datetime) -> bool:
    every = pull_interval(now - published_at)
    if every is None:
        return False
    return last_pulled_at is None or now - last_pulled_at >= every - SLACK


def pulls_in_first_year() -> int:
    """Pulls of one post over its whole life (the clock pulls hourly)."""
    count, age = 0, timedelta(0)
    previous: timedelta | None = None
    while True:
        every = pull_interval(age)
        if every is None:
            return count
        if previous is None or age - previous >= every:
            count += 1
            previous = age
        age += timedelta(hours=1)


def snapshot_days_in_first_year() -> int:
    """Days on which one post has a stored snapshot: one row per metric each."""
    days: set[int] = set()
    age, previous = timedelta(0), None
    while (every := pull_interval(age)) is not None:
        if previous is None or age - previous >= every:
            days.add(age.days)
            previous = age
        age += timedelta(hours=1)
    return len(days)
