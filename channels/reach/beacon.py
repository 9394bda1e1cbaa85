"""The one entry point for page-view beacons, and whether a beacon is counted.

Both ways in, the WSGI fast path (wsgi.py, what gunicorn serves) and the
Django view (api.py, what the test client and `runserver` without the
wrapper reach), call `answer_request`, so every check runs here once: the
host, the body size, the per-client limit, the beacon's content.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.request import split_domain_port

from home.security import TOO_LARGE, TOO_MANY, public_rate_limit
from home.spam import client_ip_from_meta

from .attribution import attribute
from .counting import is_bot, is_prefetch, record_hit

MAX_BEACON_BYTES = 2048
# A beacon is one flat object; a little nesting is tolerated, deep nesting is
# refused before the parser recurses (1,500 "[" used to exhaust Python's stack).
MAX_BEACON_DEPTH = 4
INVALID = "Ugyldigt indhold."
JSON = "application/json"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Answer:
    """What the beacon is answered; an empty body means 204 without a Content-Type."""

    status: int
    body: bytes = b""
    content_type: str = JSON
    headers: tuple[tuple[str, str], ...] = ()


COUNTED_OR_IGNORED = Answer(204)


def _nesting(body: bytes) -> int:
    """The deepest bracket nesting in a JSON body, counted without parsing, so
    a hostile body is refused before the parser recurses. Brackets inside
    strings (a referrer with "a[]=1") do not count."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # closing quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


def _refused(status: int, reason: str, *headers: tuple[str, str]) -> Answer:
    return Answer(status, reason.encode(), TEXT, headers)


def answer_request(request: HttpRequest) -> Answer:
    """Check and count one beacon request, before or inside Django's cycle alike."""
    try:
        domain, _port = split_domain_port(request.get_host())
    except DisallowedHost:
        return _refused(400, "Ugyldigt værtsnavn.")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _refused(400, "Ugyldig Content-Length.")
    if length > settings.PUBLIC_MAX_REQUEST_BYTES:
        return _refused(413, TOO_LARGE)
    limit = public_rate_limit("beacon")
    if limit is not None:
        if limit.exceeded(request):
            return _refused(429, TOO_MANY, ("Retry-After", "60"))
        limit.count(request)
    body = request.read(min(length, MAX_BEACON_BYTES)) if length > 0 else b""
    return receive(request.META, body, domain)


def receive(meta: Mapping, body: bytes, own_host: str) -> Answer:
    """Count one page view from static/js/reach.js (navigator.sendBeacon).

    Bots and prefetches get the same 204 as a counted view: nothing tells a
    script it was not counted.
    """
    user_agent = meta.get("HTTP_USER_AGENT", "")
    if is_bot(user_agent) or is_prefetch(meta):
        return COUNTED_OR_IGNORED
    if len(body) > MAX_BEACON_BYTES or _nesting(body) > MAX_BEACON_DEPTH:
        return Answer(400, json.dumps({"fejl": INVALID}).encode())
    try:
        data = json.loads(body or b"{}")
        if not isinstance(data, dict):
            raise ValueError
    except (ValueError, RecursionError):
        return Answer(400, json.dumps({"fejl": INVALID}).encode())
    page_id = data.get("p")
    if not isinstance(page_id, int) or isinstance(page_id, bool) or page_id <= 0:
        page_id = None
    attribution = attribute(str(data.get("q", ""))[:500], str(data.get("r", ""))[:500], own_host)
    record_hit(
        address=client_ip_from_meta(meta),
        user_agent=user_agent[:500],
        page_id=page_id,
        source=attribution.source,
        utm_source=attribution.utm_source,
        utm_campaign=attribution.utm_campaign,
        utm_content=attribution.utm_content,
    )
    return COUNTED_OR_IGNORED
