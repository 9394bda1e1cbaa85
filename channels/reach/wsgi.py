"""The reach beacon answered before Django's request cycle.

Every page view sends one beacon, so POST /api/reach/hit is the busiest URL
on the site. Django's cycle around it (request signals, the middleware chain,
the response object) cost about as much as counting the hit
(bench_reach_hits), and the beacon needs none of it: no session, CSRF token,
user, page cache or template. So cms/wsgi.py wraps the Django application in
this, which answers only that URL and only its POSTs, applying what the
middleware would to a bare request object: Django's host check, the size
limit, the per-client rate limit. Everything else goes to Django untouched.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http.request import split_domain_port
from django.urls import reverse

from home.security import TOO_LARGE, TOO_MANY, public_rate_limit

from . import beacon


class BeaconFastPath:
    def __init__(self, application):
        self.application = application
        self.path = reverse("reach:hit")

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.path or environ.get("REQUEST_METHOD") != "POST":
            return self.application(environ, start_response)
        status, body, content_type, extra = self.answer(environ)
        headers = [("Cache-Control", "no-store"), ("Content-Length", str(len(body))), *extra]
        if body:
            headers.append(("Content-Type", content_type))
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    def answer(self, environ) -> tuple[int, bytes, str, list]:
        text = "text/plain; charset=utf-8"
        # A bare request object (no middleware has run): Django's own host check.
        request = WSGIRequest(environ)
        try:
            domain, _port = split_domain_port(request.get_host())
        except DisallowedHost:
            return 400, "Ugyldigt værtsnavn.".encode(), text, []
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 400, b"Ugyldig Content-Length.", text, []
        if length > settings.PUBLIC_MAX_REQUEST_BYTES:
            return 413, TOO_LARGE.encode(), text, []
        limit = public_rate_limit("beacon")
        if limit is not None:
            if limit.exceeded(request):
                return 429, TOO_MANY.encode(), text, [("Retry-After", "60")]
            limit.count(request)
        body = environ["wsgi.input"].read(min(length, beacon.MAX_BEACON_BYTES)) if length else b""
        answer = beacon.receive(environ, body, domain)
        return answer.status, answer.body, beacon.ERROR_CONTENT_TYPE, []
