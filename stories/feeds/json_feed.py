"""GET /feeds/det-sker.json: every occurrence in a window, for municipal sites.

A repeated request is answered with 304 from one aggregate query: the ETag and
Last-Modified come from the matching event set, before any occurrence is
expanded. Format: docs/det-sker-feed.md.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from math import ceil
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import condition, require_safe
from wagtail.models import PageLogEntry

from stories.feeds.languages import in_language
from stories.feeds.params import FeedQuery, ParameterError, parse_feed_query
from stories.feeds.rows import FeedEvent, add_details, series_rows
from stories.feeds.serialize import occurrence_data
from stories.models.event import EventPage
from stories.occurrences import filter_events, fingerprint, in_range
from stories.recurrence import Occurrence, OccurrenceTimes, occurrence_from, occurrence_times

_STATE_ATTR = "_det_sker_feed_state"


def _filtered(events, query: FeedQuery):
    return filter_events(
        in_range(in_language(events, query.language), query.first_day, query.last_day),
        category=query.category,
        audience=query.audience,
        place=query.place,
        updated_since=query.updated_since,
    )


def removed_since(since: datetime) -> tuple[list[int], datetime | None]:
    """Ids of events unpublished or deleted since then and not public now, and
    when the last of them went.

    An `updated_since` poller never sees these events again, so without the
    list it would have to fetch the whole window to notice one is gone. Read
    from Wagtail's own log of page actions, which keeps a deleted page's id.
    """
    entries = PageLogEntry.objects.filter(
        Q(action__startswith="wagtail.unpublish") | Q(action="wagtail.delete"),
        content_type=ContentType.objects.get_for_model(EventPage),
        timestamp__gte=since,
    ).values_list("page_id", "timestamp")
    gone: dict[int, datetime] = {}
    for page_id, timestamp in entries:
        gone[page_id] = max(timestamp, gone.get(page_id, timestamp))
    if gone:
        public = EventPage.objects.live().public().filter(pk__in=gone)
        for page_id in public.values_list("pk", flat=True):
            del gone[page_id]
    return sorted(gone), max(gone.values(), default=None)


def _state(request: HttpRequest) -> tuple[FeedQuery, str, datetime | None, list[int]] | None:
    """(query, etag, last modified, removed event ids) computed once per
    request; None if the query string is invalid (the view then answers 400)."""
    if not hasattr(request, _STATE_ATTR):
        try:
            query = parse_feed_query(request.GET)
        except ParameterError:
            setattr(request, _STATE_ATTR, None)
            return None
        count, newest, top = fingerprint(_filtered(EventPage.objects.live().public(), query))
        removed: list[int] = []
        if query.updated_since is not None:
            removed, last_removal = removed_since(query.updated_since)
            newest = max(filter(None, (newest, last_removal)), default=None)
        key = "|".join(
            [
                "v1",
                request.GET.urlencode(),
                query.first_day.isoformat(),
                query.last_day.isoformat(),
                str(count),
                newest.isoformat() if newest else "-",
                str(top),
                ",".join(map(str, removed)),
            ]
        )
        etag = hashlib.sha256(key.encode()).hexdigest()[:32]
        setattr(request, _STATE_ATTR, (query, etag, newest, removed))
    return getattr(request, _STATE_ATTR)


def _etag(request: HttpRequest, *args, **kwargs) -> str | None:
    state = _state(request)
    return state[1] if state else None


def _last_modified(request: HttpRequest, *args, **kwargs) -> datetime | None:
    state = _state(request)
    return state[2] if state else None


def error_response(error: ParameterError) -> JsonResponse:
    return JsonResponse(
        {"error": error.message, "parameter": error.parameter},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def _page_link(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _timeline(query: FeedQuery) -> list[tuple[datetime, FeedEvent, OccurrenceTimes]]:
    """Every occurrence in the window as (start, event, times), in feed order
    (start, then title, then id): what counting and paging need, without
    building an item."""
    events, exceptions = series_rows(_filtered(EventPage.objects.live().public(), query))
    # Events in title order and a stable sort by start alone give the feed's
    # order; every start is wall-clock time in one zone, so naive order is
    # the order in time.
    events.sort(key=_title_and_id)
    timeline = []
    for event in events:
        for times in occurrence_times(event, query.first_day, query.last_day, exceptions[event.pk]):
            timeline.append((times[0], event, times))
    timeline.sort(key=itemgetter(0))
    return timeline


def _title_and_id(event: FeedEvent) -> tuple[str, int]:
    return event.title, event.pk


def _occurrences(page: list, request: HttpRequest) -> list[Occurrence]:
    """The page's occurrences, its events filled in with what an item shows."""
    add_details({event for _start, event, _times in page}, request)
    return [occurrence_from(event, times) for _start, event, times in page]


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def det_sker_json(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_feed_query(request.GET)
    except ParameterError as error:
        return error_response(error)
    timeline = _timeline(query)
    count = len(timeline)
    pages = max(1, ceil(count / query.page_size))
    if query.page > pages:
        return error_response(
            ParameterError("page", f"'page' må højst være {pages} for denne søgning.")
        )
    offset = (query.page - 1) * query.page_size
    items = _occurrences(timeline[offset : offset + query.page_size], request)
    changes = {}
    if query.updated_since is not None:
        changes["removed_event_ids"] = _state(request)[3]
    return JsonResponse(
        {
            "count": count,
            "page": query.page,
            "page_size": query.page_size,
            "next": _page_link(request, query.page + 1) if query.page < pages else None,
            "previous": _page_link(request, query.page - 1) if query.page > 1 else None,
            "from": query.first_day.isoformat(),
            "to": query.last_day.isoformat(),
            "timezone": "Europe/Copenhagen",
            "items": [occurrence_data(o, request) for o in items],
            **changes,
        },
        json_dumps_params={"ensure_ascii": False},
    )
