"""Page.get_full_url() for the many pages of one list, with what every page
shares (the site root paths, the serve prefix) read once.

Wagtail looks both up for every page; in a feed or an API list of pages that
is a large part of the request. The rule is Wagtail's own get_url_parts for a
site without i18n, so the URLs are the ones a page itself would give; callers
ask Wagtail instead where that rule does not hold (i18n, a page class with
its own get_url_parts).
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Site

# What Django's reverse() leaves unquoted in a path (RFC 3986 sub-delimiters
# and "/~:@"), so a page's URL is the one Wagtail's reverse() gives.
_PATH_SAFE = "!$&'()*+,;=/~:@"


def wagtail_rule_holds() -> bool:
    """False where only Wagtail knows the URL (multi-language sites)."""
    return not getattr(settings, "WAGTAIL_I18N_ENABLED", False)


class PageUrls:
    """Full URLs by url_path, for one request's worth of pages."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request
        self._roots: list | None = None
        self._prefix = ""
        self._current_site: Site | None | bool = False

    def full_url(self, url_path: str) -> str | None:
        if self._roots is None:
            self._roots = Site.get_site_root_paths()
            self._prefix = reverse("wagtail_serve", args=("",))
        matching = [root for root in self._roots if url_path.startswith(root.root_path)]
        if not matching:
            return None
        root = matching[0]
        if self.request is not None and len({r.site_id for r in matching}) > 1:
            # The page sits under more than one site: the one asked on wins.
            if self._current_site is False:
                self._current_site = Site.find_for_request(self.request)
            current = self._current_site
            root = next((r for r in matching if current and r.site_id == current.pk), root)
        path = self._prefix + quote(url_path[len(root.root_path) :], safe=_PATH_SAFE)
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return root.root_url + path
