"""Finding the events of a period and their occurrences, in a fixed number of queries.

How one event repeats is `stories.recurrence`; this module picks the events
the site, the feeds, the widget and the channels list, loads their
cancellations and moves in bulk and expands each with the same rules.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model

from home.languages import active_language, default_language
from home.languages import in_reader_language as pages_in_reader_language
from stories.models.event import (
    EVENT_RENDITION_SPECS,
    EventCancellation,
    EventMove,
    EventPage,
)
from stories.models.event_taxonomy import Audience, EventCategory
from stories.recurrence import Exceptions, Frequency, Occurrence, expand_event

# A multi-day occurrence that started before a window can still overlap it.
_MAX_SPAN_MARGIN = timedelta(days=14)


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


def event_queryset(categories: str | Prefetch = "categories") -> QuerySet[EventPage]:
    """Live, public events with everything an occurrence list shows, prefetched,
    so a list of any length costs a fixed number of queries."""
    return (
        EventPage.objects.live()
        .public()
        .select_related("place", "locale")
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


def listed_events(categories: str | Prefetch = "categories") -> QuerySet[EventPage]:
    """event_queryset() for the site's own lists: each event once, its Danish
    page; translations are read in its place (in_reader_language below), never
    listed beside it. The feeds choose their language themselves
    (stories.feeds.languages)."""
    return event_queryset(categories).filter(locale__language_code=default_language())


def feed_queryset() -> QuerySet[EventPage]:
    """event_queryset() for the machine-read feeds, which list hundreds of events
    at a time: only the columns an item shows, categories by their slug and name."""
    categories = Prefetch("categories", queryset=EventCategory.objects.only("slug", "name"))
    return event_queryset(categories).only(*FEED_FIELDS)


def in_reader_language(occurrences: list[Occurrence]) -> list[Occurrence]:
    """The occurrences with each event's live translation in the reader's
    language where it has one (dates and places stay the Danish page's)."""
    if active_language() == default_language() or not occurrences:
        return occurrences
    events = {o.event.pk: o.event for o in occurrences}
    translated = dict(zip(events, pages_in_reader_language(events.values()), strict=True))
    return [replace(o, event=translated[o.event.pk]) for o in occurrences]


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
    """All occurrences of the given (default: all live, each once) events in the window, in
    time order. A fixed number of queries: the events, their prefetched image,
    categories and places, and two for cancellations and moves."""
    events = listed_events() if events is None else events
    candidates = list(in_range(events, first_day, last_day))
    exceptions = load_exceptions(candidates)
    found: list[Occurrence] = []
    for event in candidates:
        found.extend(expand_event(event, first_day, last_day, exceptions[event.pk]))
    found.sort(key=lambda o: (o.start, o.event.title, o.event.pk))
    return found


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


def next_of_each(events: QuerySet[EventPage], days: int = 366) -> list[Occurrence]:
    """The next time each event happens within `days`, soonest first: a
    fortnightly plant day is one line, not eight, and a seasonal group shows its
    next season in winter too. At most eight."""
    today, now = timezone.localdate(), timezone.now()
    found = occurrences_between(today, today + timedelta(days=days), events)
    first, seen = [], set()
    for occurrence in found:
        if occurrence.is_cancelled or occurrence.end <= now or occurrence.event.pk in seen:
            continue
        seen.add(occurrence.event.pk)
        first.append(occurrence)
    return first[:8]
