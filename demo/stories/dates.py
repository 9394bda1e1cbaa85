"""Dates for the demo, counted from the day it is loaded.

A demo started on any day must show things that happen in the coming weeks,
on the weekdays the texts promise, and the events tied to a season in their
own month (the swap market in March, the beach clean-up in April, the culture
festival in September) on their next occurrence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
WEEKDAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
NAMED_WEEKDAY = re.compile(r"(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)", re.I)
MARCH, APRIL, SEPTEMBER, OCTOBER = 3, 4, 9, 10


def on_or_after(day: date, weekday: int) -> date:
    """The first `weekday` (0 = Monday) on or after `day`."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month; n = -1 for the last one."""
    if n > 0:
        return on_or_after(date(year, month, 1), weekday) + timedelta(weeks=n - 1)
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    last = first_of_next - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def next_in_month(today: date, month: int, weekday: int, n: int) -> date:
    """The next n-th `weekday` of `month` that is today or later."""
    this_year = nth_weekday(today.year, month, weekday, n)
    return this_year if this_year >= today else nth_weekday(today.year + 1, month, weekday, n)


def series_start(today: date, weekday: int, weeks_back: int = 52) -> date:
    """A `weekday` about `weeks_back` weeks ago: a series that has run for a while."""
    return on_or_after(today - timedelta(weeks=weeks_back), weekday)


def weeks_ahead(today: date, weekday: int, weeks: int) -> date:
    """The `weekday` in the `weeks`-th coming week (never today)."""
    return on_or_after(today + timedelta(days=1), weekday) + timedelta(weeks=weeks - 1)


def named_weekdays(text: str) -> set[int]:
    """The weekdays a Danish text names ("hver tirsdag", "søndagsturen")."""
    return {WEEKDAY_NAMES.index(m.lower()) for m in NAMED_WEEKDAY.findall(text)}


def task_day(today: date, title: str, days: int) -> date:
    """A task `days` ahead, moved to the weekday its title names: the pilots
    for "søndagsturen" are asked for a Sunday."""
    day = today + timedelta(days=days)
    named = named_weekdays(title)
    return min(on_or_after(day, weekday) for weekday in named) if named else day
