"""A database outage answers a Danish 503, never a 500.

While PostgreSQL is away, pages in the page cache are still served (the cache
middleware answers them before anything asks the database); everything else
gets templates/503.html with Retry-After, so residents read that the site is
briefly unavailable rather than "an error", and CDNs do not keep the answer.
The log gets the reason once a minute and Django's one-line "Service
Unavailable" per request, not a traceback per request.

Two places catch it: the middleware's process_exception for errors in views
(most of them), and the 500 handler (cms.urls.handler500) for errors raised in
other middleware (sessions, authentication, redirects).
"""

from __future__ import annotations

import logging
import sys
import time

from django.http import HttpResponse
from django.template import loader
from django.views import defaults

from home.outages import drop_broken_connections, is_database_outage

logger = logging.getLogger("voresishoj.outages")

RETRY_AFTER_SECONDS = 30
LOG_EVERY_SECONDS = 60
_last_logged = 0.0


def database_unavailable(request, exc: BaseException) -> HttpResponse:
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= LOG_EVERY_SECONDS:
        _last_logged = now
        logger.error(
            "Databasen svarer ikke (%s: %s); svarer 503 (fx på %s).",
            type(exc).__name__,
            str(exc).strip()[:200],
            request.path,
        )
    drop_broken_connections()  # the next request opens a fresh connection
    body = loader.get_template("503.html").render()
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return database_unavailable(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: a database outage raised outside a view is still a 503."""
    exc = sys.exc_info()[1]
    if exc is not None and is_database_outage(exc):
        return database_unavailable(request, exc)
    return defaults.server_error(request, template_name)
