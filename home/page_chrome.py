"""The parts every public page repeats: the main menu and the footer's site
settings.

They change a few times a year but would otherwise cost two queries on every
page view, so they are cached briefly and dropped whenever a page is published,
unpublished, moved or deleted, or the settings are saved. The short timeout
bounds staleness when the change happens in another process (the clock's
scheduled publishing) than the one serving pages.
"""

from django.core.cache import cache
from wagtail.models import Page, Site

from home.models import SiteSettings

CHROME_TIMEOUT = 60
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


def forget(**kwargs) -> None:
    """Drop the cached chrome of every site (there are one or two)."""
    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many(
        [f"page-chrome:{kind}:{pk}" for pk in site_ids for kind in ("menu", "footer")]
    )
