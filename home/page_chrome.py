"""The parts every public page repeats: the main menu and the footer's site
settings; and the generation that retires every cached page fragment.

They change a few times a year but would otherwise cost two queries on every
page view, so they are cached briefly and dropped whenever a page is published,
unpublished, moved or deleted, or the settings are saved. The short timeout
bounds staleness when the change happens in another process (the clock's
scheduled publishing) than the one serving pages.
"""

from uuid import uuid4

from django.core.cache import cache
from wagtail.models import Page, Site

from home.models import SiteSettings

CHROME_TIMEOUT = 60
GENERATION_KEY = "page-chrome:fragment-generation"
FOOTER_FIELDS = (
    "footer_text",
    "accessibility_statement_url",
    "contact_email",
    "facebook_group_url",
)


def _key(kind: str, site: Site) -> str:
    return f"page-chrome:{kind}:{site.pk}"


def menu_items(site: Site, request=None) -> list[dict[str, str]]:
    """The home page's children marked "Vis i menuer", in tree order."""
    key = _key("menu", site)
    items = cache.get(key)
    if items is None:
        pages = (
            Page.objects.filter(
                path__startswith=site.root_page.path,
                depth=site.root_page.depth + 1,
                show_in_menus=True,
            )
            .live()
            .only("id", "title", "url_path", "path", "depth")
            .order_by("path")
        )
        items = [{"title": p.title, "url": p.get_url(request)} for p in pages]
        cache.set(key, items, CHROME_TIMEOUT)
    return items


def footer_settings(site: Site) -> dict[str, str]:
    key = _key("footer", site)
    values = cache.get(key)
    if values is None:
        site_settings = SiteSettings.for_site(site)
        values = {name: getattr(site_settings, name) for name in FOOTER_FIELDS}
        cache.set(key, values, CHROME_TIMEOUT)
    return values


def fragment_generation() -> str:
    """A token that changes whenever the chrome is forgotten. Cached fragments
    of a page carry it in their key, so a change elsewhere (a linked page moved,
    a story published) retires them all at once."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid4().hex, None)
        token = cache.get(GENERATION_KEY) or "-"
    return token


def forget(**kwargs) -> None:
    """Drop the cached chrome of every site (there are one or two) and retire
    every cached page fragment."""
    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many(
        [f"page-chrome:{kind}:{pk}" for pk in site_ids for kind in ("menu", "footer")]
    )
    cache.set(GENERATION_KEY, uuid4().hex, None)
