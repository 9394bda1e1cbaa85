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

from home.languages import (
    active_language,
    default_language,
    language_codes,
    with_language_prefix,
)
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
    """The home page's children marked "Vis i menuer", in tree order, each in
    the reader's language where it is translated and live, otherwise the Danish
    section inside the reader's chrome (its title marked as Danish)."""
    language = active_language()
    key = f"{_key('menu', site)}:{language}"
    items = cache.get(key)
    if items is None:
        pages = (
            Page.objects.filter(
                path__startswith=site.root_page.path,
                depth=site.root_page.depth + 1,
                show_in_menus=True,
            )
            .live()
            .only("id", "title", "url_path", "path", "depth", "translation_key")
            .order_by("path")
        )
        items = [
            {"title": p.title, "url": p.get_url(request), "lang": default_language()} for p in pages
        ]
        if language != default_language():
            items = _in_language(pages, items, language, request)
        cache.set(key, items, CHROME_TIMEOUT)
    return items


def _in_language(pages, items, language: str, request) -> list[dict[str, str]]:
    translated = {
        p.translation_key: p
        for p in Page.objects.filter(
            translation_key__in=[p.translation_key for p in pages],
            locale__language_code=language,
        )
        .live()
        .only("id", "title", "url_path", "path", "depth", "translation_key", "locale_id")
    }
    result = []
    for page, item in zip(pages, items, strict=True):
        version = translated.get(page.translation_key)
        if version is not None:
            result.append(
                {"title": version.title, "url": version.get_url(request), "lang": language}
            )
        else:
            result.append({**item, "url": with_language_prefix(item["url"], language)})
    return result


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
    keys = [f"page-chrome:footer:{pk}" for pk in site_ids]
    keys += [f"page-chrome:menu:{pk}:{code}" for pk in site_ids for code in language_codes()]
    cache.delete_many(keys)
    cache.set(GENERATION_KEY, uuid4().hex, None)
