"""Turning events into occurrences: the one place that decides when things happen.

The site, the JSON feed, the ICS feed and the widget all call this module, so a
resident sees the same Tuesdays on voresishoj.dk, on ishoj.dk and in their
calendar app. Recurrence is expanded with dateutil in *naive local* time and
only then given the Europe/Copenhagen zone, so "13:00" stays 13:00 across the
daylight-saving changes while the UTC offset moves between +01:00 and +02:00.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model

from stories.models.event import (
    EVENT_RENDITION_SPECS,
    EventCancellation,
    EventMove,
    EventPage,
    Frequency,
)
from stories.models.event_taxonomy import Audience, EventCategory

TZ = ZoneInfo("Europe/Copenhagen")

# A multi-day occurrence that started before a window can still overlap it.
_MAX_SPAN_MARGIN = timedelta(days=14)

_RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


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


def load_exceptions(events: list[EventPage]) -> dict[int, Exceptions]:
    """Exceptions of many events in two queries, instead of a prefetch that
    builds a queryset per event (the slowest part of a long feed)."""
    ids = [e.pk for e in events]
    found: dict[int, Exceptions] = {pk: Exceptions() for pk in ids}
    for page_id, day, reason in EventCancellation.objects.filter(page_id__in=ids).values_list(
        "page_id", "date", "reason"
    ):
        found[page_id].cancelled[day] = reason
    for move in EventMove.objects.filter(page_id__in=ids):
        found[move.page_id].moved[move.original_date] = move
    return found


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


def event_queryset(categories: str | Prefetch = "categories") -> QuerySet[EventPage]:
    """Live, public events with everything an occurrence list shows, prefetched,
    so a list of any length costs a fixed number of queries."""
    return (
        EventPage.objects.live()
        .public()
        .select_related("place")
        .prefetch_related(
            Prefetch(
                "image",
                queryset=get_image_model().objects.prefetch_renditions(*EVENT_RENDITION_SPECS),
            ),
            categories,
        )
    )


# What a feed item shows (stories/feeds/serialize.py) and what finding its URL
# and expanding its rule read; nothing else of the page is loaded.
FEED_FIELDS = (
    *("id", "title", "slug", "url_path", "path", "depth", "locale_id", "content_type_id"),
    *("live", "last_published_at", "intro", "image", "image_alt", "organiser"),
    *("start_date", "end_date", "all_day", "start_time", "end_time", "frequency"),
    *("interval", "weekdays", "monthly_ordinal", "monthly_weekday"),
    *("repeat_until", "repeat_count", "audience", "is_free", "price_dkk", "signup_url"),
    *("place", "place_name", "address", "latitude", "longitude"),
    *("place__slug", "place__title", "place__live", "place__address"),
    *("place__latitude", "place__longitude", "place__last_published_at"),
)


def feed_queryset() -> QuerySet[EventPage]:
    """event_queryset() for the machine-read feeds, which list hundreds of events
    at a time: only the columns an item shows, categories by their slug and name."""
    categories = Prefetch("categories", queryset=EventCategory.objects.only("slug", "name"))
    return event_queryset(categories).only(*FEED_FIELDS)


def in_range(events: QuerySet[EventPage], first_day: date, last_day: date) -> QuerySet[EventPage]:
    """Narrow to events that can have an occurrence in the window, in SQL."""
    one_off = Q(frequency=Frequency.NONE, start_date__lte=last_day) & Q(last_day__gte=first_day)
    series = (
        ~Q(frequency=Frequency.NONE)
        & Q(start_date__lte=last_day)
        & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=first_day - _MAX_SPAN_MARGIN))
    )
    moved_in = Exists(
        EventMove.objects.filter(
            page=OuterRef("pk"),
            new_date__gte=first_day - _MAX_SPAN_MARGIN,
            new_date__lte=last_day,
        )
    )
    return events.annotate(last_day=Coalesce("end_date", "start_date")).filter(
        one_off | series | Q(moved_in)
    )


def filter_events(
    events: QuerySet[EventPage],
    *,
    category: str = "",
    audience: str = "",
    place: str = "",
    updated_since: datetime | None = None,
) -> QuerySet[EventPage]:
    """The filters residents and municipal sites use; empty means "all".

    An event for "alle" matches every audience filter.
    """
    if category:
        # A subquery rather than a join, so an event is never listed twice.
        events = events.filter(pk__in=EventCategory.objects.filter(slug=category).values("events"))
    if audience:
        events = events.filter(
            Q(audience__contains=f",{audience},") | Q(audience__contains=f",{Audience.EVERYONE},")
        )
    if place:
        events = events.filter(place__slug=place)
    if updated_since is not None:
        events = events.filter(last_published_at__gte=updated_since)
    return events


def occurrences_between(
    first_day: date, last_day: date, events: QuerySet[EventPage] | None = None
) -> list[Occurrence]:
    """All occurrences of the given (default: all live) events in the window, in
    time order. A fixed number of queries: the events, their prefetched image,
    categories and places, and two for cancellations and moves."""
    events = event_queryset() if events is None else events
    candidates = list(in_range(events, first_day, last_day))
    exceptions = load_exceptions(candidates)
    found: list[Occurrence] = []
    for event in candidates:
        found.extend(expand_event(event, first_day, last_day, exceptions[event.pk]))
    found.sort(key=lambda o: (o.start, o.event.title, o.event.pk))
    return found


def next_occurrences(
    event: EventPage, limit: int = 8, now: datetime | None = None
) -> list[Occurrence]:
    """The coming occurrences of one event (cancelled ones included, marked)."""
    now = now or timezone.now()
    today = now.astimezone(TZ).date()
    upcoming = [o for o in expand_event(event, today, today + timedelta(days=366)) if o.end > now]
    return upcoming[:limit]


def fingerprint(events: QuerySet[EventPage]) -> tuple[int, datetime | None, int]:
    """(count, newest publication, highest id) of an event set, in one cheap query.

    Enough to tell a feed has changed: publishing, unpublishing or deleting an
    event changes at least one of the three, and so does republishing a linked
    place (its name, address and point are part of every item).
    """
    data = events.order_by().aggregate(
        newest=Max("last_published_at"),
        place_newest=Max("place__last_published_at"),
        top=Max("pk"),
        n=Count("pk", distinct=True),
    )
    stamps = [d for d in (data["newest"], data["place_newest"]) if d is not None]
    return data["n"], max(stamps, default=None), data["top"] or 0
