"""Wagtail frontend-cache backend for our two layers of cache.

Wagtail calls `purge_batch` with full URLs when a page is published, unpublished
or moved (cms.caching.signals adds the listings and feeds). We drop our own
copies first (the page cache in Django's cache, shared through Redis or var/
files by every process) and then, when CDN_PURGE_URL is set, ask the CDN to
forget them with one HTTP PURGE per URL, as Varnish, Fastly and most
nginx/Caddy purge modules accept. The original Host travels in the Host header,
so one purge endpoint can serve several host names.
"""

import logging
from urllib.parse import urlsplit, urlunsplit

import requests
from wagtail.contrib.frontend_cache.backends import BaseBackend

from cms.caching import store

logger = logging.getLogger("voresishoej.cache")


class PageCacheAndCDNBackend(BaseBackend):
    def __init__(self, params):
        params = dict(params)
        super().__init__(params)
        self.cdn_purge_url = params.get("CDN_PURGE_URL") or ""
        self.timeout = float(params.get("TIMEOUT", 5))

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        urls = list(dict.fromkeys(urls))
        feeds_done = False
        for url in urls:
            path = urlsplit(url).path
            if store.is_feed(path):
                if feeds_done:
                    continue
                feeds_done = True
            try:
                store.purge_url(url)
            except Exception:
                logger.exception("Kunne ikke fjerne %s fra side-cachen.", url)
        if self.cdn_purge_url:
            with requests.Session() as session:
                for url in urls:
                    self._purge_cdn(session, url)

    def _purge_cdn(self, session: requests.Session, url: str) -> None:
        target = urlsplit(self.cdn_purge_url)
        parts = urlsplit(url)
        purge_url = urlunsplit(
            (target.scheme, target.netloc, target.path.rstrip("/") + parts.path, parts.query, "")
        )
        try:
            response = session.request(
                "PURGE",
                purge_url,
                headers={"Host": parts.netloc, "User-Agent": "voresishoej-purge"},
                timeout=self.timeout,
            )
        except requests.RequestException as exc:
            logger.error("CDN-purge af %s mislykkedes: %s", url, exc)
            return
        if response.status_code >= 400 and response.status_code != 404:
            logger.error("CDN-purge af %s svarede %s", url, response.status_code)
