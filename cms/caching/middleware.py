"""Serve anonymous visitors from the page cache.

Most visitors are residents who are not logged in and read the same pages, so a
rendered page can be reused until an editor changes something (the purge, see
cms/frontend_cache.py). The rules that keep a cached page from reaching the
wrong person:

- Only GET/HEAD requests without a session cookie, an Authorization header or a
  pending flash message are looked up or stored. A logged-in editor always has
  a session cookie, so they never see an anonymous copy, and their own pages
  (with the Wagtail userbar) are never stored.
- Only plain 200 responses are stored: no Set-Cookie, no CSRF token, no
  `Cache-Control: private/no-cache/no-store`, no Vary beyond Cookie and
  Accept-Encoding. Forms (/det-sker/foreslaa/, /kort/foreslaa/) carry a CSRF
  token and so are always rendered fresh.
- The admin, search, the reach beacon endpoint, /healthz and documents are
  never cached at all.

It sits after WhiteNoise and CORS (so CORS headers are still added per request)
and before sessions, CSRF and authentication, so a hit costs one cache lookup.
"""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language_from_path

from home.cache import NOT_A_VARIANT

from . import store

logger = logging.getLogger("voresishoej.cache")

NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/search/",
    "/api/reach/",
    "/healthz",
    "/documents/",
)
# Cookies whose presence means the answer may be personal.
PERSONAL_COOKIES = ("messages",)
ALLOWED_VARY = {"cookie", "accept-encoding", "origin"}
NOT_STORED_DIRECTIVES = ("private", "no-cache", "no-store")


def _without_language(path: str) -> str:
    """`/ar/search/` -> `/search/`: the rules hold in every language."""
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language else path


def _request_is_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    path = _without_language(request.path)
    if path.startswith(NEVER_CACHED_PREFIXES) or path.startswith(
        (settings.STATIC_URL, settings.MEDIA_URL)
    ):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in PERSONAL_COOKIES):
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _response_is_storable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in NOT_STORED_DIRECTIVES):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    if not vary <= ALLOWED_VARY:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return b"csrfmiddlewaretoken" not in response.content


def _from_entry(entry) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        if not _request_is_cacheable(request):
            return self._not_cached(self.get_response(request))
        request.get_host()  # refuse disallowed hosts exactly as an uncached request would
        path = request.path
        raw_query = request.META.get("QUERY_STRING", "")
        try:
            known = store.variants(path)
            entry = None
            if known is not None:
                entry = store.page_cache().get(store.key_for(path, request.GET, known, raw_query))
        except Exception:  # a cache outage must not take the site down
            logger.exception("Side-cachen kunne ikke læses; siden bygges uden cache.")
            return self.get_response(request)
        if entry is not None:
            response = _from_entry(entry)
            response["X-Page-Cache"] = "hit"
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified")),
                response=response,
            )
        # Learn which parameters the page reads (see store.py).
        watched = store.WatchedQueryDict(raw_query, encoding=request.encoding)
        request.GET = watched
        response = self.get_response(request)
        if getattr(request, NOT_A_VARIANT, False) or not _response_is_storable(request, response):
            return self._not_cached(response)
        is_feed = store.is_feed(path)
        if not is_feed and not response.has_header("Cache-Control"):
            # A CDN may keep the page as long as we do: it is purged on publish too.
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_BROWSER_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_SECONDS,
            )
        timeout = settings.FEED_CACHE_SECONDS if is_feed else settings.PAGE_CACHE_SECONDS
        entry = (response.status_code, list(response.items()), response.content)
        # A view that replaced request.GET (a new encoding) read it unwatched.
        consulted = request.GET if request.GET is watched else None
        try:
            stored_as = store.remember(path, known, consulted, timeout)
            if stored_as is not None:
                key = store.key_for(path, request.GET, stored_as, raw_query)
                store.page_cache().set(key, entry, timeout)
        except Exception:
            logger.exception("Side-cachen kunne ikke skrives.")
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _not_cached(response):
        """Keep CDNs and shared proxies from storing what we would not store ourselves."""
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            ctype = response.get("Content-Type", "")
            if ctype.startswith("text/html"):
                patch_cache_control(response, private=True, no_cache=True)
        return response
