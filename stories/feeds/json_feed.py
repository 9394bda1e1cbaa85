"""GET /feeds/det-sker.json: every occurrence in a window, for municipal sites.

A repeated request is answered with 304 from one aggregate query: the ETag and
Last-Modified come from the matching event set, before any occurrence is
expanded. Format: docs/det-sker-feed.md.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from math import ceil

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import condition, require_safe

from stories.feeds.params import FeedQuery, ParameterError, parse_feed_query
from stories.feeds.serialize import occurrence_data
from stories.models.event import EventPage
from stories.occurrences import (
    feed_queryset,
    filter_events,
    fingerprint,
    in_range,
    occurrences_between,
)

_STATE_ATTR = "_det_sker_feed_state"


def _filtered(events, query: FeedQuery):
    return filter_events(
        in_range(events, query.first_day, query.last_day),
        category=query.category,
        audience=query.audience,
        place=query.place,
        updated_since=query.updated_since,
    )


def _state(request: HttpRequest) -> tuple[FeedQuery, str, datetime | None] | None:
    """(query, etag, last modified) computed once per request; None if the query
    string is invalid (the view then answers 400)."""
    if not hasattr(request, _STATE_ATTR):
        try:
            query = parse_feed_query(request.GET)
        except ParameterError:
            setattr(request, _STATE_ATTR, None)
            return None
        count, newest, top = fingerprint(_filtered(EventPage.objects.live().public(), query))
        key = "|".join(
            [
                "v1",
                request.GET.urlencode(),
                query.first_day.isoformat(),
                query.last_day.isoformat(),
                str(count),
                newest.isoformat() if newest else "-",
                str(top),
            ]
        )
        etag = hashlib.sha256(key.encode()).hexdigest()[:32]
        setattr(request, _STATE_ATTR, (query, etag, newest))
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


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def det_sker_json(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_feed_query(request.GET)
    except ParameterError as error:
        return error_response(error)
    occurrences = occurrences_between(
        query.first_day, query.last_day, _filtered(feed_queryset(), query)
    )
    count = len(occurrences)
    pages = max(1, ceil(count / query.page_size))
    if query.page > pages:
        return error_response(
            ParameterError("page", f"'page' må højst være {pages} for denne søgning.")
        )
    offset = (query.page - 1) * query.page_size
    items = occurrences[offset : offset + query.page_size]
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
        },
        json_dumps_params={"ensure_ascii": False},
    )
