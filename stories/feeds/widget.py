"""GET /feeds/det-sker/widget/: 'Det sker' as a small page to put in an iframe.

Meant for municipal and association sites, so it is frameable anywhere, has no
JavaScript and takes its accent colour only from a fixed list (never raw CSS).
Its response carries its own Content-Security-Policy: any site may frame it
(`frame-ancestors *`), and it loads nothing but its own stylesheet; every other
page keeps `frame-ancestors 'self'` (home/security.py).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from home.text import whole_number
from stories.feeds.json_feed import _filtered, error_response
from stories.feeds.params import ParameterError, parse_feed_query
from stories.occurrences import feed_queryset, occurrences_between

# Each has a class in static/css/widget.css.
ACCENTS = {
    "blaa": "#0b5c8a",
    "groen": "#1e6b3a",
    "roed": "#a3262a",
    "lilla": "#5b3a8c",
    "sort": "#222222",
}
DEFAULT_ACCENT = "blaa"
WIDGET_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors *",
    ]
)
DEFAULT_LIMIT = 5
MAX_LIMIT = 20


@require_safe
@xframe_options_exempt
def det_sker_widget(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_feed_query(request.GET)
        accent = request.GET.get("accent", DEFAULT_ACCENT)
        if accent not in ACCENTS:
            raise ParameterError("accent", f"'accent' skal være en af: {', '.join(ACCENTS)}.")
        limit = whole_number(request.GET.get("antal", str(DEFAULT_LIMIT)))
        if limit is None or not 1 <= limit <= MAX_LIMIT:
            raise ParameterError("antal", f"'antal' skal være et tal fra 1 til {MAX_LIMIT}.")
    except ParameterError as error:
        return error_response(error)
    now = timezone.now()
    upcoming = [
        o
        for o in occurrences_between(
            query.first_day, query.last_day, _filtered(feed_queryset(), query)
        )
        if o.end > now and not o.is_cancelled
    ][:limit]
    response = TemplateResponse(
        request,
        "stories/widget.html",
        {
            "occurrences": upcoming,
            "accent": accent,
            "title": request.GET.get("titel", "")[:60],
        },
    )
    response["Content-Security-Policy"] = WIDGET_POLICY
    return response
