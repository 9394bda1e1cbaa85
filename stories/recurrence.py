"""When one event happens: its recurrence fields turned into occurrences.

The site, the JSON and ICS feeds, the widget and the channels all expand events
here, so a resident sees the same Tuesdays on voresishoj.dk, on ishoj.dk and in
their calendar app. Recurrence is expanded with dateutil in *naive local* time
and only then given the Europe/Copenhagen zone, so "13:00" stays 13:00 across
the daylight-saving changes while the UTC offset moves between +01:00 and
+02:00.

Nothing here queries the database: it reads the fields (and the cancellations
and moves) of an event it is handed, so the event page itself can list its own
coming dates. Finding the events of a period is `stories.occurrences`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from stories.models.event import EventMove, EventPage

TZ = ZoneInfo("Europe/Copenhagen")

_RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


class Frequency(models.TextChoices):
    NONE = "ingen", "Gentages ikke"
    WEEKLY = "ugentlig", "Ugentligt"
    MONTHLY = "maanedlig", "Månedligt"
    YEARLY = "aarlig", "Årligt (samme dato)"


class Ordinal(models.IntegerChoices):
    FIRST = 1, "Første"
    SECOND = 2, "Anden"
    THIRD = 3, "Tredje"
    FOURTH = 4, "Fjerde"
    LAST = -1, "Sidste"


class OccurrenceStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


@dataclass(frozen=True)
class Occurrence:
    """One time an event happens (or was meant to happen)."""

    event: EventPage
    """The event page, with place, image renditions, categories and exceptions prefetched."""
    start: datetime
    """Aware, in Europe/Copenhagen; for all-day events local midnight of the first day."""
    end: datetime
    """Aware and exclusive; for all-day events local midnight after the last day."""
    all_day: bool
    status: OccurrenceStatus
    original_start: datetime
    """Where the series put it; differs from `start` only for a moved occurrence.
    Used for stable ids, so a moved occurrence keeps its id."""
    note: str = ""
    """The reason for a cancellation or the note on a move, shown to residents."""

    @property
    def uid(self) -> str:
        return f"{self.event.pk}-{self.original_start:%Y%m%dT%H%M%S}"

    @property
    def is_cancelled(self) -> bool:
        return self.status is OccurrenceStatus.CANCELLED

    @property
    def is_moved(self) -> bool:
        return self.original_start != self.start

    @property
    def last_day(self) -> date:
        """The last calendar day the occurrence touches (end is exclusive)."""
        return (self.end - timedelta(microseconds=1)).date()


@dataclass(frozen=True)
class Exceptions:
    """An event's cancelled and moved dates, keyed by the date the series had."""

    cancelled: dict[date, str] = field(default_factory=dict)
    """Original date → reason (may be empty)."""
    moved: dict[date, EventMove] = field(default_factory=dict)
    """Original date → the move."""

    @classmethod
    def of(cls, event: EventPage) -> Exceptions:
        """Read from the event itself (in memory for previews, else one query each)."""
        return cls(
            cancelled={c.date: c.reason for c in event.cancellations.all()},
            moved={m.original_date: m for m in event.moves.all()},
        )


def localize(naive: datetime) -> datetime:
    """Attach the Copenhagen zone to a wall-clock time (fold=0 in the autumn hour)."""
    return naive.replace(tzinfo=TZ)


def series_start(event: EventPage) -> datetime:
    """The naive local start the rule counts from."""
    clock = time(0) if event.all_day or event.start_time is None else event.start_time
    return datetime.combine(event.start_date, clock)


def rule_for(event: EventPage) -> rrule.rrule | None:
    """The event's structured recurrence fields as a dateutil rule, or None.

    Editors never type RRULE text; this is the only translation, and the ICS
    feed writes the same rule out, so calendars expand what the site expands.
    """
    if event.frequency == Frequency.NONE:
        return None
    dtstart = series_start(event)
    kwargs: dict = {
        "dtstart": dtstart,
        "interval": max(1, event.interval or 1),
        "wkst": rrule.MO,
    }
    if event.repeat_count:
        kwargs["count"] = event.repeat_count
    elif event.repeat_until:
        kwargs["until"] = datetime.combine(event.repeat_until, time.max).replace(microsecond=0)
    if event.frequency == Frequency.WEEKLY:
        days = event.weekdays or [event.start_date.weekday()]
        return rrule.rrule(rrule.WEEKLY, byweekday=[_RRULE_WEEKDAYS[d] for d in days], **kwargs)
    if event.frequency == Frequency.MONTHLY:
        if event.monthly_ordinal is not None and event.monthly_weekday is not None:
            nth = _RRULE_WEEKDAYS[event.monthly_weekday](event.monthly_ordinal)
            return rrule.rrule(rrule.MONTHLY, byweekday=nth, **kwargs)
        return rrule.rrule(rrule.MONTHLY, bymonthday=event.start_date.day, **kwargs)
    return rrule.rrule(
        rrule.YEARLY, bymonth=event.start_date.month, bymonthday=event.start_date.day, **kwargs
    )


def first_start(event: EventPage) -> datetime | None:
    """The first real occurrence: the rule may not include the start date itself
    (a "first Sunday" series entered on a Wednesday)."""
    rule = rule_for(event)
    if rule is None:
        return series_start(event)
    return next(iter(rule), None)


def _moved_times(
    event: EventPage, move: EventMove, duration: timedelta
) -> tuple[datetime, datetime]:
    base = series_start(event)
    if event.all_day or event.start_time is None:
        start = datetime.combine(move.new_date, time(0))
        return start, start + duration
    start = datetime.combine(move.new_date, move.new_start_time or base.time())
    if move.new_end_time and move.new_end_time > start.time():
        return start, datetime.combine(move.new_date, move.new_end_time)
    return start, start + duration


def expand_event(
    event: EventPage, first_day: date, last_day: date, exceptions: Exceptions | None = None
) -> list[Occurrence]:
    """Occurrences of one event that overlap the local days first_day..last_day.

    Cancelled dates stay in the list with status "cancelled" so the site can
    mark them "Aflyst"; a moved date is replaced by its new time.
    """
    return [
        occurrence_from(event, times)
        for times in occurrence_times(event, first_day, last_day, exceptions)
    ]


OccurrenceTimes = tuple[datetime, datetime, OccurrenceStatus, datetime, str]
"""(start, end, status, original start, note), the times naive local wall-clock."""


def occurrence_from(event: EventPage, times: OccurrenceTimes) -> Occurrence:
    start, end, status, original, note = times
    return Occurrence(
        event=event,
        start=localize(start),
        end=localize(end),
        all_day=event.all_day or event.start_time is None,
        status=status,
        original_start=localize(original),
        note=note,
    )


def occurrence_times(
    event: EventPage, first_day: date, last_day: date, exceptions: Exceptions | None = None
) -> list[OccurrenceTimes]:
    """expand_event() as bare tuples in time order, for lists that count and sort
    hundreds of occurrences but show only a page of them (the JSON feed)."""
    window_start = datetime.combine(first_day, time(0))
    window_end = datetime.combine(last_day + timedelta(days=1), time(0))
    duration = event.duration
    exceptions = exceptions if exceptions is not None else Exceptions.of(event)
    cancelled, moves = exceptions.cancelled, exceptions.moved
    base = series_start(event)
    starts = series_starts_between(event, window_start - duration, window_end)

    found: list[OccurrenceTimes] = []
    for start in starts:
        end = start + duration
        if end <= window_start or start >= window_end or (moves and start.date() in moves):
            continue
        day = start.date()
        if cancelled and day in cancelled:
            found.append((start, end, OccurrenceStatus.CANCELLED, start, cancelled[day]))
        else:
            found.append((start, end, OccurrenceStatus.SCHEDULED, start, ""))

    if moves:
        rule = rule_for(event)
        for original_day, move in moves.items():
            original = datetime.combine(original_day, base.time())
            in_series = original == base if rule is None else original in rule
            if not in_series:
                continue  # a move of a date the series never had: nothing to move
            start, end = _moved_times(event, move, duration)
            if end <= window_start or start >= window_end:
                continue
            if original_day in cancelled:
                status, note = OccurrenceStatus.CANCELLED, cancelled[original_day]
            else:
                status, note = OccurrenceStatus.RESCHEDULED, move.note
            found.append((start, end, status, original, note))
        found.sort(key=_start_of)
    return found


def _start_of(times: OccurrenceTimes) -> datetime:
    return times[0]


def series_starts_between(event: EventPage, after: datetime, before: datetime) -> list[datetime]:
    """The naive starts of the series from `after` to `before`, both included.

    The common case, a weekly series without a count, is counted out directly:
    dateutil walks every week from the series' first date, which made it the
    largest cost of a feed of a hundred weekly events. Everything else, and
    the check of a moved date, is dateutil's (the ICS feed writes the same
    rule, so calendars and the site agree; tests compare the two).
    """
    if event.frequency == Frequency.NONE:
        base = series_start(event)
        return [base]
    if event.frequency == Frequency.WEEKLY and not event.repeat_count:
        return _weekly_between(event, after, before)
    rule = rule_for(event)
    return rule.between(after, before, inc=True)


def _weekly_between(event: EventPage, after: datetime, before: datetime) -> list[datetime]:
    """rrule(WEEKLY, wkst=MO, byweekday=..., interval=..., until=...).between(after,
    before, inc=True), without walking from the first week."""
    dtstart = series_start(event)
    interval = max(1, event.interval or 1)
    days = sorted(set(event.weekdays or [event.start_date.weekday()]))
    low = max(after, dtstart)
    high = before
    if event.repeat_until:
        high = min(high, datetime.combine(event.repeat_until, time.max).replace(microsecond=0))
    if low > high:
        return []
    first_monday = dtstart.date() - timedelta(days=dtstart.weekday())
    week = low.date() - timedelta(days=low.weekday())
    behind = ((week - first_monday).days // 7) % interval
    if behind:
        week += timedelta(weeks=interval - behind)
    clock = dtstart.time()
    step = timedelta(weeks=interval)
    found: list[datetime] = []
    while True:
        for day in days:
            start = datetime.combine(week + timedelta(days=day), clock)
            if start < low:
                continue
            if start > high:
                return found
            found.append(start)
        week += step


def next_occurrences(
    event: EventPage, limit: int = 8, now: datetime | None = None
) -> list[Occurrence]:
    """The coming occurrences of one event (cancelled ones included, marked)."""
    now = now or timezone.now()
    today = now.astimezone(TZ).date()
    upcoming = [o for o in expand_event(event, today, today + timedelta(days=366)) if o.end > now]
    return upcoming[:limit]
