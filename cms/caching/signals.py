"""What else to purge when a page changes, on top of Wagtail's own purge.

Wagtail's frontend cache purges a page's own URLs on publish and unpublish, and
nothing on move. Residents also see a page through the listings above it (the
story index, the front page's newest stories) and through the feeds, and after
a move the old address must stop answering with the old copy. So:

- publish / unpublish: the page, its ancestors (the listings) and the feeds;
- move: the old URLs of the page and everything below it, the listings above
  both the old and the new place, and the feeds;
- a new slug (published with the edit): the old URLs of the page and everything
  below it, which would otherwise keep answering with the old copy.

Every language counts: a page is also read under /ar/, /tr/, ... (its
translation, or the Danish original in that language's chrome where it has
none), its translations' language menus list it, and the listings of every
language show the untranslated Danish pages. So each URL above is purged with
its language prefixes too, and the translations of the page and of its
listings with it.

Purges are sent after the transaction commits, so a worker never purges before
the change is visible and a request in between cannot cache the old version
again.
"""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from home.languages import default_language, language_codes, with_language_prefix

# The feeds whose URLs a CDN should forget when any page changes. The API
# (/api/v2/) answers any query, so it cannot be listed; its CDN copies expire
# after PUBLIC_CACHE_MAX_AGE and our own copies go with the feed generation.
FEED_PATHS = (
    "/feeds/det-sker.json",
    "/feeds/begivenheder.ics",
    "/feeds/historier.rss",
    "/feeds/det-sker/widget/",
    "/api/places.geojson",
)


def _listing_pages(page: Page):
    """The live ancestors below the tree root: the pages that list this one."""
    return Page.objects.ancestor_of(page).filter(depth__gt=1).live()


def _feed_urls(page: Page) -> list[str]:
    url_parts = page.get_url_parts()
    if url_parts is None:
        return []
    root_url = url_parts[1] or ""
    return [root_url.rstrip("/") + path for path in FEED_PATHS]


def _old_urls(page: Page, url_path_before: str, url_path_after: str) -> list[str]:
    """Full URLs the page and its descendants had before the move."""
    for root in Site.get_site_root_paths():
        if url_path_before.startswith(root.root_path):
            prefix = root.root_url.rstrip("/") + "/"
            site_root_path = root.root_path
            break
    else:
        return []
    url_paths = [url_path_before] + [
        url_path_before + p[len(url_path_after) :]
        for p in Page.objects.descendant_of(page)
        .live()
        .values_list("url_path", flat=True)
        .iterator()
    ]
    return [prefix + p[len(site_root_path) :] for p in url_paths]


def _in_every_language(urls: list[str]) -> list[str]:
    """The Danish URLs as read under every other language's prefix."""
    others = [code for code in language_codes() if code != default_language()]
    return [with_language_prefix(url, code) for url in urls for code in others]


def _language_versions(batch: PurgeBatch, page: Page) -> None:
    """The page and its listings in every language (see the module docstring)."""
    pages = [page, *_listing_pages(page)]
    keys = [p.translation_key for p in pages]
    versions = list(Page.objects.filter(translation_key__in=keys).live().exclude(pk=page.pk))
    batch.add_pages(versions)
    danish = [p for p in [page, *versions] if p.locale.language_code == default_language()]
    urls = [url for p in danish if (url := p.get_full_url())]
    batch.add_urls(_in_every_language(urls))


def _purge_later(batch: PurgeBatch) -> None:
    transaction.on_commit(batch.purge)


def purge_listings_and_feeds(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_page(instance)
    batch.add_pages(_listing_pages(instance))
    batch.add_urls(_feed_urls(instance))
    _language_versions(batch, instance)
    _purge_later(batch)


def purge_after_move(instance, parent_page_before, parent_page_after, **kwargs):
    url_path_before = kwargs.get("url_path_before") or ""
    url_path_after = kwargs.get("url_path_after") or ""
    batch = PurgeBatch()
    if instance.live:
        old_urls = _old_urls(instance, url_path_before, url_path_after)
        batch.add_urls(old_urls + _in_every_language(old_urls))
        batch.add_page(instance)
    for parent in (parent_page_before, parent_page_after):
        if parent is not None and parent.depth > 1:
            batch.add_pages(_listing_pages(parent))
            if parent.live:
                batch.add_page(parent)
    batch.add_urls(_feed_urls(instance))
    _purge_later(batch)


def purge_after_rename(instance, instance_before, **kwargs):
    """The publish purges the new address (above); the old ones go here."""
    if instance.live and instance_before.url_path != instance.url_path:
        batch = PurgeBatch()
        old_urls = _old_urls(instance, instance_before.url_path, instance.url_path)
        batch.add_urls(old_urls + _in_every_language(old_urls))
        _purge_later(batch)


def connect() -> None:
    page_published.connect(purge_listings_and_feeds, dispatch_uid="cms-caching-published")
    page_unpublished.connect(purge_listings_and_feeds, dispatch_uid="cms-caching-unpublished")
    post_page_move.connect(purge_after_move, dispatch_uid="cms-caching-moved")
    page_slug_changed.connect(purge_after_rename, dispatch_uid="cms-caching-renamed")
