"""The reach beacon answered before Django's request cycle.

Every page view sends one beacon, so POST /api/reach/hit is the busiest URL
on the site. Django's cycle around it (request signals, the middleware chain,
the response object) cost about as much as counting the hit
(bench_reach_hits), and the beacon needs none of it: no session, CSRF token,
user, page cache or template. So cms/wsgi.py wraps the Django application in
this, which answers only that URL and only its POSTs with a bare request
object. The checks (Django's host check, the size limit, the per-client rate
limit) are those of the beacon's one entry point, `beacon.answer_request`,
which the Django view calls too. Everything else goes to Django untouched.
"""

from http import HTTPStatus

from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse

from . import beacon


class BeaconFastPath:
    def __init__(self, application):
        self.application = application
        self.path = reverse("reach:hit")

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.path or environ.get("REQUEST_METHOD") != "POST":
            return self.application(environ, start_response)
        answer = beacon.answer_request(WSGIRequest(environ))
        headers = [
            ("Cache-Control", "no-store"),
            ("Content-Length", str(len(answer.body))),
            *answer.headers,
        ]
        if answer.body:
            headers.append(("Content-Type", answer.content_type))
        start_response(f"{answer.status} {HTTPStatus(answer.status).phrase}", headers)
        return [answer.body]
