"""What a page-view beacon says, and whether it is counted.

Works on the WSGI environ (Django's request.META is the same mapping), so
the Django view and the WSGI fast path (channels/reach/wsgi.py) give every
beacon the same answer.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass

from home.spam import client_ip_from_meta

from .attribution import attribute
from .counting import is_bot, is_prefetch, record_hit

MAX_BEACON_BYTES = 2048
# A beacon is one flat object; a little nesting is tolerated, deep nesting is
# refused before the parser recurses (1,500 "[" used to exhaust Python's stack).
MAX_BEACON_DEPTH = 4
INVALID = "Ugyldigt indhold."
ERROR_CONTENT_TYPE = "application/json"


@dataclass(frozen=True)
class Answer:
    status: int
    error: str = ""

    @property
    def body(self) -> bytes:
        return json.dumps({"fejl": self.error}).encode() if self.error else b""


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


def receive(meta: Mapping, body: bytes, own_host: str) -> Answer:
    """Count one page view from static/js/reach.js (navigator.sendBeacon).

    Bots and prefetches get the same 204 as a counted view: nothing tells a
    script it was not counted.
    """
    user_agent = meta.get("HTTP_USER_AGENT", "")
    if is_bot(user_agent) or is_prefetch(meta):
        return COUNTED_OR_IGNORED
    if len(body) > MAX_BEACON_BYTES or _nesting(body) > MAX_BEACON_DEPTH:
        return Answer(400, INVALID)
    try:
        data = json.loads(body or b"{}")
        if not isinstance(data, dict):
            raise ValueError
    except (ValueError, RecursionError):
        return Answer(400, INVALID)
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
    )
    return COUNTED_OR_IGNORED
