"""Counting page views without cookies or personal data.

A visitor key is an HMAC of the client address and user agent under a secret
salt that lives for one day (and a second one for the calendar month). Only
the key is stored; the salt is deleted when its period is over, after which
nobody can tell whose key it was. Bots and prefetches are not counted, and a
reload by the same visitor within the repeat window is not a new page view
(that rule is applied when the day's hits are aggregated, see aggregation.py).
"""

import datetime
import hashlib
import hmac
import re
import secrets
import threading

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from . import hit_buffer
from .models import SaltKind, VisitorSalt

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|fetch|monitor|scan|headless|phantom|"
    r"lighthouse|pingdom|curl|wget|python|java/|go-http|okhttp|axios|node-fetch|"
    r"facebookexternalhit|embedly|whatsapp|telegram|discord|skype",
    re.IGNORECASE,
)

_salt_cache: dict[tuple[str, datetime.date], bytes] = {}
_salt_lock = threading.Lock()


def is_bot(user_agent: str) -> bool:
    """Crawlers, link previews and scripts; a browser always names itself."""
    return (
        not user_agent
        or "mozilla/" not in user_agent.lower()
        or bool(BOT_PATTERN.search(user_agent))
    )


def is_prefetch(meta) -> bool:
    """Speculative loads the visitor never saw (headers as in a WSGI environ)."""
    purpose = (
        meta.get("HTTP_SEC_PURPOSE", "")
        or meta.get("HTTP_PURPOSE", "")
        or meta.get("HTTP_X_PURPOSE", "")
        or meta.get("HTTP_X_MOZ", "")
    ).lower()
    return "prefetch" in purpose or "prerender" in purpose or "preview" in purpose


def period_start(kind: str, day: datetime.date) -> datetime.date:
    return day.replace(day=1) if kind == SaltKind.MONTH else day


def salt_for(kind: str, day: datetime.date) -> bytes:
    """The period's salt, from process memory after the first hit of the period.

    Every web worker reads the same row, so all agree on the keys; a worker
    queries the table once per period, never per hit.
    """
    start = period_start(kind, day)
    cached = _salt_cache.get((kind, start))
    if cached is not None:
        return cached
    with _salt_lock:
        try:
            secret = _stored_salt(kind, start)
        except DatabaseError:
            # The beacon's fast path runs outside Django's request cycle, which
            # would otherwise drop a connection the database has closed: drop
            # it here, so that the next beacon connects afresh.
            if not connection.in_atomic_block:
                connection.close()
            raise
        # Forget earlier periods: their salts are about to be deleted anyway.
        for key in [k for k in _salt_cache if k[0] == kind and k[1] != start]:
            del _salt_cache[key]
        _salt_cache[(kind, start)] = bytes.fromhex(secret)
        return _salt_cache[(kind, start)]


def _stored_salt(kind: str, start: datetime.date) -> str:
    salt = VisitorSalt.objects.filter(kind=kind, period_start=start).first()
    if salt is None:
        try:
            with transaction.atomic():
                salt = VisitorSalt.objects.create(
                    kind=kind, period_start=start, secret=secrets.token_hex(32)
                )
        except IntegrityError:  # another worker created it first
            salt = VisitorSalt.objects.get(kind=kind, period_start=start)
    return salt.secret


def forget_cached_salts() -> None:
    _salt_cache.clear()


def visitor_key(salt: bytes, address: str, user_agent: str) -> int:
    """A signed 64-bit key: fits a BIGINT, and collisions are negligible here."""
    digest = hmac.new(salt, f"{address}\n{user_agent}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def record_hit(
    *,
    address: str,
    user_agent: str,
    page_id: int | None,
    source: str,
    utm_source: str = "",
    utm_campaign: str = "",
    utm_content: str = "",
    at: datetime.datetime | None = None,
) -> None:
    """Count one page view beacon: two keyed hashes and a row for the next batch."""
    at = at or timezone.now()
    day = timezone.localdate(at)
    try:
        day_salt, month_salt = salt_for(SaltKind.DAY, day), salt_for(SaltKind.MONTH, day)
    except DatabaseError:
        # The salt lives in the database, which is away (after a restart nothing
        # is cached yet). Without it no key can be made: the beacon is answered
        # all the same and the loss is logged and counted, never a 500.
        hit_buffer.lose(1, "dagens salt kunne ikke læses fra databasen")
        return
    hit_buffer.add(
        (
            at,
            day,
            visitor_key(day_salt, address, user_agent),
            visitor_key(month_salt, address, user_agent),
            page_id,
            source,
            utm_source,
            utm_campaign,
            utm_content,
        )
    )
