"""Remember which Wagtail site answers which host, instead of asking the
database on every request.

Wagtail finds the site for each request with a query; sites change perhaps
once a year. The answer is kept per process for a minute and dropped at once
when a site is saved or deleted in this process. Each request gets its own
copy with the root page unloaded, so page content is never reused between
requests.
"""

import copy
import time

from django.http.request import split_domain_port
from wagtail.models import Site

SITE_LOOKUP_SECONDS = 60
_known: dict[tuple[str, str], tuple[float, Site | None]] = {}


def forget_sites(**kwargs) -> None:
    _known.clear()


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
        now = time.monotonic()
        known = _known.get(key)
        if known is not None and now - known[0] < SITE_LOOKUP_SECONDS:
            site = known[1]
            if site is not None:
                site = copy.copy(site)
                site._state = copy.copy(site._state)
                site._state.fields_cache = {}
            request._wagtail_site = site
        else:
            site = Site.find_for_request(request)
            stored = None
            if site is not None:
                stored = copy.copy(site)
                stored._state = copy.copy(site._state)
                stored._state.fields_cache = {}
            _known[key] = (now, stored)
        return self.get_response(request)
