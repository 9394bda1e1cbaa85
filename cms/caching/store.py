"""Where cached responses live and how they are found again.

Pages are keyed by path and query string only: the portal is one Wagtail site,
and nothing in an anonymous page depends on the host or scheme it was asked on.
A purge therefore finds the entry from the URL Wagtail hands it. Feeds and the
API also carry a "generation" in their key: one bump on any publish, unpublish
or move retires every cached feed and API answer at once, whatever its query.
"""

import hashlib
import logging
import time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger("voresishoej.cache")

# Lists built from many pages: cached briefly and dropped on every content change.
FEED_PREFIXES = ("/feeds/", "/api/places.geojson", "/api/v2/")
GENERATION_KEY = "feed-generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def is_feed(path: str) -> bool:
    return path.startswith(FEED_PREFIXES)


def _digest(path: str, query: str) -> str:
    return hashlib.sha1(f"{path}?{query}".encode()).hexdigest()


def feed_generation() -> str:
    generation = page_cache().get(GENERATION_KEY)
    return generation or "0"


def bump_feed_generation() -> None:
    """Retire every cached feed and API answer (their keys carry the generation)."""
    page_cache().set(GENERATION_KEY, str(time.time_ns()), timeout=None)


def key_for(path: str, query: str) -> str:
    if is_feed(path):
        return f"feed:{feed_generation()}:{_digest(path, query)}"
    return f"page:{_digest(path, query)}"


def purge_url(url: str) -> None:
    """Forget the cached page at `url` (a full URL, as Wagtail's purge sends it).

    Variants of a page with a query string (?side=2) are not found this way; they
    expire after PAGE_CACHE_SECONDS.
    """
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if is_feed(path):
        bump_feed_generation()
    else:
        page_cache().delete(key_for(path, parts.query))
