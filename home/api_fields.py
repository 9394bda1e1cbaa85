"""Wagtail's per-item API fields, with the work that is the same for every item
of a list done once per request.

Wagtail reverses the detail URL and looks up the site root paths (from the
cache) for every page of a list: in a list of 20 stories about a tenth of
the request. The answer for one item is unchanged; what is shared between
items is kept in the serializer context, which lives for one request.
"""

from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.models import Page

from home.page_urls import PageUrls, wagtail_rule_holds


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
        if not wagtail_rule_holds() or type(page).get_url_parts is not Page.get_url_parts:
            return super().to_representation(page)
        return page_full_url(page, self.context)


def page_full_url(page, memo: dict) -> str | None:
    """Page.get_full_url() without a request; `memo` (the serializer context)
    keeps what every page of the list shares."""
    urls = memo.get("_page_urls")
    if urls is None:
        urls = memo["_page_urls"] = PageUrls()
    return urls.full_url(page.url_path)
