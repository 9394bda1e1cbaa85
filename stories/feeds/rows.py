"""Events for the JSON feed as plain rows instead of page instances.

The feed counts and sorts every occurrence of hundreds of events but shows a
page of them. Building an `EventPage` (a clusterable Wagtail page) per event
and prefetching its categories through modelcluster cost more than everything
else in the feed together, so the feed reads the columns it expands with in
one query, and the columns it shows only for the events on the page it
returns. A `FeedEvent` answers the same attributes `occurrences` and
`serialize` read from an `EventPage`; the derived ones (duration, place,
price) are the page's own properties, so there is one definition of each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from wagtail.images import get_image_model

from home.page_urls import PageUrls, wagtail_rule_holds
from stories.models.event import (
    EVENT_RENDITION_SPECS,
    EventCancellation,
    EventMove,
    EventPage,
)
from stories.occurrences import load_exceptions
from stories.recurrence import Exceptions

# What expanding an event and sorting its occurrences read.
SERIES_FIELDS = (
    *("id", "title", "url_path", "start_date", "end_date", "all_day", "start_time"),
    *("end_time", "frequency", "interval", "weekdays", "monthly_ordinal"),
    *("monthly_weekday", "repeat_until", "repeat_count"),
)
# What a feed item shows besides (serialize.py).
DETAIL_FIELDS = (
    *("id", "intro", "image_id", "image_alt", "organiser", "audience", "is_free"),
    *("price_dkk", "signup_url", "last_published_at", "place_name", "address"),
    *("latitude", "longitude", "place_id", "place__slug", "place__title", "place__live"),
    *("place__address", "place__latitude", "place__longitude", "locale__language_code"),
)


class _Categories(list):
    """Stands in for the page's `categories` manager: `.all()` is the list."""

    def all(self):
        return self


class FeedEvent:
    """The parts of an EventPage the feed reads, from `values_list` rows."""

    duration = EventPage.duration
    linked_place = EventPage.linked_place
    location_name = EventPage.location_name
    location_address = EventPage.location_address
    coordinates = EventPage.coordinates
    price_label = EventPage.price_label

    def __init__(self, row: tuple):
        for name, value in zip(SERIES_FIELDS, row, strict=True):
            setattr(self, name, value)
        self.pk = self.id
        self.full_url: str | None = None

    def add_details(self, row: tuple, categories: list, image, renditions: dict) -> None:
        values = dict(zip(DETAIL_FIELDS, row, strict=True))
        for name in ("intro", "image_alt", "organiser", "audience", "is_free", "price_dkk"):
            setattr(self, name, values[name])
        for name in ("signup_url", "last_published_at", "place_name", "address"):
            setattr(self, name, values[name])
        self.latitude, self.longitude = values["latitude"], values["longitude"]
        self.language = values["locale__language_code"]
        self.place = (
            SimpleNamespace(
                slug=values["place__slug"],
                title=values["place__title"],
                live=values["place__live"],
                address=values["place__address"],
                latitude=values["place__latitude"],
                longitude=values["place__longitude"],
            )
            if values["place_id"] is not None
            else None
        )
        self.categories = _Categories(categories)
        self.image = image
        self.renditions = renditions

    def get_full_url(self, request: HttpRequest | None = None) -> str | None:
        return self.full_url


def series_rows(events: QuerySet[EventPage]) -> tuple[list[FeedEvent], dict[int, Exceptions]]:
    """The events of a filtered feed query, with what expanding them needs, and
    the cancelled and moved dates of those that have any (most have none, so
    those two queries are usually skipped)."""
    rows = events.annotate(
        has_exceptions=Exists(EventCancellation.objects.filter(page=OuterRef("pk")))
        | Exists(EventMove.objects.filter(page=OuterRef("pk")))
    ).values_list(*SERIES_FIELDS, "has_exceptions")
    found, with_exceptions = [], []
    for row in rows:
        event = FeedEvent(row[:-1])
        found.append(event)
        if row[-1]:
            with_exceptions.append(event)
    exceptions = defaultdict(Exceptions)
    if with_exceptions:
        exceptions.update(load_exceptions(with_exceptions))
    return found, exceptions


def add_details(events: Iterable[FeedEvent], request: HttpRequest | None) -> None:
    """Everything a feed item shows, for these events: three queries at most
    (the rows, their categories, their images with renditions)."""
    by_id = {event.pk: event for event in events}
    if not by_id:
        return
    categories: dict[int, list] = {pk: [] for pk in by_id}
    through = EventPage.categories.through
    for page_id, slug, name in (
        through.objects.filter(eventpage_id__in=by_id)
        .order_by("eventcategory__name", "eventcategory_id")
        .values_list("eventpage_id", "eventcategory__slug", "eventcategory__name")
    ):
        categories[page_id].append(SimpleNamespace(slug=slug, name=name))
    rows = list(EventPage.objects.filter(pk__in=by_id).values_list(*DETAIL_FIELDS))
    image_ids = {row[2] for row in rows if row[2] is not None}
    images = (
        get_image_model()
        .objects.filter(pk__in=image_ids)
        .prefetch_renditions(*EVENT_RENDITION_SPECS)
        .in_bulk()
        if image_ids
        else {}
    )
    urls = _full_urls(by_id.values(), request)
    for row in rows:
        event = by_id[row[0]]
        image = images.get(row[2])
        renditions = image.get_renditions(*EVENT_RENDITION_SPECS) if image else {}
        event.add_details(row, categories[event.pk], image, renditions)
        event.full_url = urls[event.pk]


def _full_urls(events: Iterable[FeedEvent], request: HttpRequest | None) -> dict:
    """Page.get_full_url() for many pages, what they share read once."""
    if not wagtail_rule_holds():
        pages = EventPage.objects.in_bulk([event.pk for event in events])
        return {pk: page.get_full_url(request) for pk, page in pages.items()}
    urls = PageUrls(request)
    return {event.pk: urls.full_url(event.url_path) for event in events}
