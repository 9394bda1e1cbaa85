"""Wagtail's per-item API fields, with the work that is the same for every item
of a list done once per request.

Wagtail reverses the detail URL and looks up the site root paths (from the
cache) for every page of a list: in a list of 20 stories about a tenth of
the request. The answer for one item is unchanged; what is shared between
items is kept in the serializer context, which lives for one request.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.models import Page, Site

# What Django's reverse() leaves unquoted in a path (RFC 3986 sub-delimiters
# and "/~:@"), so a page's URL is the one Wagtail's reverse() gives.
_PATH_SAFE = "!$&'()*+,;=/~:@"


class DetailUrlField(wagtail_serializers.DetailUrlField):
    """The detail URL, reversed once per model: only the id differs."""

    def get_attribute(self, instance):
        prefixes = self.context.setdefault("_detail_url_prefixes", {})
        model = type(instance)
        if model not in prefixes:
            url = super().get_attribute(instance)  # SkipField when there is no endpoint
            end = f"/{instance.pk}/"
            prefixes[model] = url[: 1 - len(end)] if url.endswith(end) else None
            return url
        prefix = prefixes[model]
        if prefix is None:
            return super().get_attribute(instance)
        return f"{prefix}{instance.pk}/"


class PageHtmlUrlField(wagtail_serializers.PageHtmlUrlField):
    """`page.full_url`, with the site root paths and the serve prefix read once."""

    def to_representation(self, page):
        if (
            getattr(settings, "WAGTAIL_I18N_ENABLED", False)
            or type(page).get_url_parts is not Page.get_url_parts
        ):
            return super().to_representation(page)
        return page_full_url(page, self.context)


def page_full_url(page, memo: dict) -> str | None:
    """Page.get_full_url() without a request, for a site without i18n and a
    page class that keeps Wagtail's get_url_parts; `memo` keeps the site root
    paths and the serve prefix between calls (one request's worth)."""
    if "_site_root_paths" not in memo:
        memo["_site_root_paths"] = Site.get_site_root_paths()
        memo["_serve_prefix"] = reverse("wagtail_serve", args=("",))
    url_path = page.url_path
    root = next((r for r in memo["_site_root_paths"] if url_path.startswith(r.root_path)), None)
    if root is None:
        return None
    path = memo["_serve_prefix"] + quote(url_path[len(root.root_path) :], safe=_PATH_SAFE)
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    return root.root_url + path
