"""Where cached responses live and how they are found again.

Pages are keyed by path and by the query parameters the page actually reads:
the portal is one Wagtail site, and nothing in an anonymous page depends on the
host or scheme it was asked on. Which parameters a page reads is learnt while
it renders (`WatchedQueryDict` records every parameter the view and templates
look at) and kept per path with a generation (`Variants`). So `?utm_source=…`,
`?fbclid=…` or 2,000 junk query strings on a story hit the one cached copy,
while `?side=2` on the story index, which the page reads, gets its own. A new
parameter in a view needs no list to be kept: it is read, so it is recorded.

A purge drops the path's variants record, which retires every cached variant
of the page at once. Feeds and the API also carry a "generation" in their key:
one bump on any publish, unpublish or move retires every cached feed and API
answer at once, whatever its query.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict

from home.cache import cache_available

logger = logging.getLogger("voresishoej.cache")

# Lists built from many pages: cached briefly and dropped on every content change.
FEED_PREFIXES = ("/feeds/", "/api/places.geojson", "/api/v2/")
GENERATION_KEY = "feed-generation"
ALL = "*"
"""The page read its query string as a whole (iterated it, copied it): key by all of it."""


class _WithLocalCopy:
    """The shared page cache (Redis) with a short-lived copy in this process.

    Everything stored goes to both; reads come from Redis while it answers and
    from the local copy while it does not, so an outage of Redis does not make
    every page a database render at once. The local copy cannot be purged by
    other processes, so it lives only PAGE_CACHE_FALLBACK_SECONDS (the same
    bound as the other per-process caches, e.g. home.sites).
    """

    def __init__(self, shared, local, local_timeout: int):
        self.shared, self.local, self.local_timeout = shared, local, local_timeout

    def get(self, key, default=None):
        if cache_available(self.shared):
            value = self.shared.get(key, default)
            if cache_available(self.shared):  # the read itself may find Redis gone
                return value
        return self.local.get(key, default)

    def set(self, key, value, timeout=None):
        self.shared.set(key, value, timeout)
        local_timeout = self.local_timeout if timeout is None else min(timeout, self.local_timeout)
        self.local.set(key, value, local_timeout)

    def delete(self, key):
        self.shared.delete(key)
        self.local.delete(key)


def page_cache():
    shared = caches[settings.PAGE_CACHE_ALIAS]
    fallback = getattr(settings, "PAGE_CACHE_FALLBACK_ALIAS", "")
    if not fallback:
        return shared
    return _WithLocalCopy(shared, caches[fallback], settings.PAGE_CACHE_FALLBACK_SECONDS)


def is_feed(path: str) -> bool:
    return path.startswith(FEED_PREFIXES)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()


def feed_generation() -> str:
    generation = page_cache().get(GENERATION_KEY)
    return generation or "0"


def bump_feed_generation() -> None:
    """Retire every cached feed and API answer (their keys carry the generation)."""
    page_cache().set(GENERATION_KEY, str(time.time_ns()), timeout=None)


class WatchedQueryDict(QueryDict):
    """request.GET that remembers which parameters were read.

    Reading one parameter (`get`, `getlist`, `[]`, `in`) records its name;
    anything that looks at all of them (iterating, `items`, `urlencode`,
    `copy`, `len`) records ALL, and the page is then keyed by its whole query
    string as before.
    """

    def __init__(self, *args, **kwargs):
        self.consulted: set[str] = set()
        self.read_all = False
        super().__init__(*args, **kwargs)  # fills itself through __contains__
        self.consulted.clear()

    def _saw(self, key) -> None:
        self.consulted.add(str(key))

    def __getitem__(self, key):
        self._saw(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._saw(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._saw(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self._saw(key)
        return super().__contains__(key)

    def _everything(self):
        self.read_all = True

    def __iter__(self):
        self._everything()
        return super().__iter__()

    def __len__(self):
        self._everything()
        return super().__len__()

    def keys(self):
        self._everything()
        return super().keys()

    def items(self):
        self._everything()
        return super().items()

    def lists(self):
        self._everything()
        return super().lists()

    def values(self):
        self._everything()
        return super().values()

    def dict(self):
        self._everything()
        return super().dict()

    def urlencode(self, safe=None):
        self._everything()
        return super().urlencode(safe)

    def copy(self):
        self._everything()
        return super().copy()

    def __copy__(self):
        self._everything()
        return super().__copy__()

    def __deepcopy__(self, memo):
        self._everything()
        return super().__deepcopy__(memo)


@dataclass(frozen=True)
class Variants:
    """What the cache knows about one path: the parameters its page reads
    (sorted names, or ALL) and a generation that a purge replaces."""

    generation: str
    names: tuple[str, ...] | str


def _variants_key(path: str) -> str:
    return f"variants:{_digest(path)}"


def variants(path: str) -> Variants | None:
    return page_cache().get(_variants_key(path))


def key_for(path: str, query: QueryDict, known: Variants, raw_query: str) -> str:
    """The cache key of this request's variant of the page."""
    if known.names == ALL:
        variant = raw_query
    else:
        variant = repr([(name, query.getlist(name)) for name in known.names])
    digest = _digest(path, known.generation, repr(known.names), variant)
    if is_feed(path):
        return f"feed:{feed_generation()}:{digest}"
    return f"page:{digest}"


def remember(path: str, before: Variants | None, query: QueryDict, timeout: int) -> Variants | None:
    """Record the parameters this render read; the Variants to store it under.

    None when the path was purged while the page rendered (the generation
    changed): the rendered copy may predate the change and is not stored.
    """
    if getattr(query, "read_all", True):
        consulted: tuple[str, ...] | str = ALL
    else:
        consulted = tuple(sorted(query.consulted))
    current = variants(path)
    if before is not None and (current is None or current.generation != before.generation):
        return None
    if current is None:
        merged = Variants(uuid.uuid4().hex, consulted)
    elif current.names == ALL or consulted == ALL:
        merged = Variants(current.generation, ALL)
    else:
        merged = Variants(current.generation, tuple(sorted({*current.names, *consulted})))
    if merged != current:
        # Outlives the pages stored under it; without it they cannot be found.
        page_cache().set(_variants_key(path), merged, timeout * 2)
    return merged


def purge_url(url: str) -> None:
    """Forget every cached variant of the page at `url` (a full URL, as
    Wagtail's purge sends it): `?side=2` goes with the page itself."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if is_feed(path):
        bump_feed_generation()
    else:
        page_cache().delete(_variants_key(path))
