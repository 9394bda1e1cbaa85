"""Cache headers for public, shareable resources.

Wagtail's API sends no caching headers by itself. Consumers (municipal sites)
and a CDN need `Cache-Control` to cache at all, and `ETag` (added by Django's
ConditionalGetMiddleware further down the stack) to revalidate cheaply with 304.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_PREFIXES = ("/api/v2/", "/feeds/")


class PublicCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and request.path.startswith(PUBLIC_PREFIXES)
            and response.status_code in (200, 304)
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Accept-Encoding"])
        return response
