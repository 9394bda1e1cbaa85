"""Which Wagtail site answers a request, remembered between requests.

Wagtail asks the database on every request (a query that ranks the sites by
host and port and joins their root pages), although the answer changes only
when someone edits the sites in the admin. The answer per host and port is kept
in the default cache (shared through Redis when configured) and dropped on any
change to a site. The short timeout bounds staleness in the processes that do
not share the cache, the same bound as the page chrome (home.page_chrome).

The root page is not kept with the site: it changes with every edit of the
front page, so it is loaded fresh when something asks for it.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

SITES_TIMEOUT = 60
CACHE_KEY = "home:site-by-host"
NO_SITE = 0  # cached "no site answers this host"; a site's pk is never 0
MAX_HOSTS = 50  # more names than a municipality has: start over rather than grow


def site_for_request(request) -> Site | None:
    """Site.find_for_request(), answered from the cache when it can be.

    The answer is also left where Wagtail looks first (`request._wagtail_site`,
    documented on Site.find_for_request), so Wagtail's own lookups in the same
    request (routing, settings, page URLs) cost nothing either.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # The host as Wagtail reads it (Site._find_for_request), so the answers match.
    host_key = f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"
    known = cache.get(CACHE_KEY) or {}
    if len(known) >= MAX_HOSTS:
        known = {}
    if host_key in known:
        site = known[host_key] or None
    else:
        site = Site.find_for_request(request)
        if site is not None:
            # Not the root page: see the module docstring.
            site._state.fields_cache.pop("root_page", None)
        cache.set(CACHE_KEY, {**known, host_key: site or NO_SITE}, SITES_TIMEOUT)
    request._wagtail_site = site
    return site


def forget(**kwargs) -> None:
    """Drop every remembered answer (a site was saved or deleted)."""
    cache.delete(CACHE_KEY)
