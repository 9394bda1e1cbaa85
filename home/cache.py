"""The shared cache on Redis, answering "nothing cached" while Redis is away.

Everything the portal keeps in the cache can be rebuilt from the database: the
site per host (home.sites), the page chrome, the newest stories, the rendered
pages (cms.caching), the per-client request counts (home.spam). So an outage of
Redis must cost speed, never the site: reads miss, writes are dropped, request
limits are not counted (fail open), and pages are built from the database.

Django's own RedisCache raises on every call when Redis is gone, and with
redis-py's default retries each call waits seconds first. This backend gives
each call short socket timeouts and no retries, and after one failure skips
Redis for RETRY_AFTER seconds (a circuit breaker), so an outage costs one
failed connection per process every few seconds, not one per cache call. One
log line when Redis goes away and one when it answers again.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("voresishoj.cache")

# Per Redis address, shared by the aliases on it ("default" and "pages"): since
# when it has been failing. When one alias finds Redis gone, the other does not
# try again either.
_down_since: dict[str, float] = {}
_lock = threading.Lock()


def _redis_errors() -> tuple[type[BaseException], ...]:
    from redis.exceptions import ConnectionError, TimeoutError

    return (ConnectionError, TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache with short timeouts, no retries and a circuit breaker.

    OPTIONS may set `RETRY_AFTER` (seconds to skip Redis after a failure,
    default 5); `socket_connect_timeout` and `socket_timeout` default to 0.5 s
    and 1 s (Django's backend waits as long as the operating system does).
    """

    def __init__(self, server, params):
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, {**params, "OPTIONS": options})
        self.address = ",".join(self._servers)
        self._errors = _redis_errors()

    # -- the breaker -------------------------------------------------------------

    def is_available(self) -> bool:
        """False from a failed call until a call succeeds again."""
        return self.address not in _down_since

    def _skipping(self) -> bool:
        since = _down_since.get(self.address)
        return since is not None and time.monotonic() < since + self.retry_after

    def _failed(self, exc: BaseException) -> None:
        with _lock:
            was_up = self.address not in _down_since
            _down_since[self.address] = time.monotonic()
        if was_up:
            logger.error(
                "Redis svarer ikke (%s: %s). Cachen springes over: sider bygges fra "
                "databasen, og grænser for forespørgsler tælles ikke, til Redis svarer igen.",
                type(exc).__name__,
                exc,
            )

    def _answered(self) -> None:
        if self.address in _down_since:
            with _lock:
                if _down_since.pop(self.address, None) is not None:
                    logger.warning("Redis svarer igen; cachen bruges igen.")

    def _call(self, default, method, *args, **kwargs):
        if self._skipping():
            return default
        try:
            result = method(*args, **kwargs)
        except self._errors as exc:
            self._failed(exc)
            return default
        self._answered()
        return result

    # -- Django's cache API ------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key raises ValueError as in Django; an outage answers None.
        return self._call(None, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)


def cache_available(cache) -> bool:
    """False when `cache` is a Redis cache that is currently away."""
    check = getattr(cache, "is_available", None)
    return check() if check is not None else True


NOT_A_VARIANT = "page_cache_not_a_variant"


def not_a_variant(request) -> None:
    """This answer is the page's "no such" case (an unknown topic, a page number
    past the end, a place nobody uses): rendered, but not stored as a cached
    variant of its own, so junk values cannot fill the page cache with copies.
    The page cache (cms/caching) reads the mark."""
    setattr(request, NOT_A_VARIANT, True)
