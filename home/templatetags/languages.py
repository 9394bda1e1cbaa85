"""The language menu, hreflang alternates and per-item language marks.

`{% load languages %}`; see home/languages.py for how a page finds its own.
"""

from django import template
from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html

from home import languages
from home.page_chrome import fragment_generation

register = template.Library()
# Bounds staleness in a process that missed a publish (local caches).
ALTERNATES_TIMEOUT = 300


@register.simple_tag(takes_context=True)
def reader_url(context, page):
    """The page's address for this reader: its translation, or the Danish
    original inside the reader's chrome (keeps the chosen language)."""
    return languages.reader_url(page, request=context.get("request"))


@register.simple_tag(takes_context=True)
def reader_routable_url(context, page, url_name, *args, **kwargs):
    """`routablepageurl` in the reader's language: a route of the page's
    translation, or of the Danish page inside the reader's chrome."""
    base = languages.reader_url(page, request=context.get("request")) or ""
    if not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage(url_name, args=args, kwargs=kwargs)


@register.simple_tag
def reader_page(page):
    """The version of `page` this reader reads (its translation, else itself):
    `{% reader_page story as shown %}` before showing its title and link."""
    return languages.reader_page(page) if _is_page(page) else page


@register.simple_tag
def hreflang(page):
    """` hreflang="da"` on a link to a page in another language than the reader's."""
    if not _is_page(page):
        return ""
    code = languages.page_language(page)
    if code == languages.active_language():
        return ""
    return format_html(' hreflang="{}"', code)


def _is_page(value) -> bool:
    return getattr(value, "locale_id", None) is not None and getattr(value, "pk", None)


@register.simple_tag
def lang_attrs(page):
    """` lang="da" dir="ltr"` on an item whose language is not the reader's."""
    if not _is_page(page):
        return ""
    code = languages.page_language(page)
    if code == languages.active_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, languages.text_direction(code))


@register.simple_tag
def page_language(page):
    return languages.page_language(page) if _is_page(page) else languages.active_language()


@register.simple_tag(takes_context=True)
def page_alternates(context, page):
    """The page's live versions: kept on the context (the menu and the <head>
    links use the same list) and in the cache until anything is published,
    unpublished, moved or deleted (the fragment generation, home.page_chrome)."""
    cache_key = "_page_alternates"
    if not _is_page(page):
        return []
    found = context.get(cache_key)
    if found is None:
        key = f"languages:alternates:{page.translation_key}:{fragment_generation()}"
        found = cache.get(key)
        if found is None:
            found = languages.alternates(page, context.get("request"))
            cache.set(key, found, ALTERNATES_TIMEOUT)
        context.dicts[0][cache_key] = found
    return found


def _view_alternates(request) -> list[languages.Alternate]:
    """A page that is not a Wagtail page (search, a form) exists in every language."""
    path = request.path
    current = translation.get_language_from_path(path)
    if current:
        path = path[len(current) + 1 :]
    reading = languages.active_language()
    return [
        languages.Alternate(
            code,
            languages.native_name(code),
            request.build_absolute_uri(languages.with_language_prefix(path, code)),
            languages.text_direction(code),
            code == reading,
            href=languages.with_language_prefix(path, code),
        )
        for code in languages.language_codes()
    ]


@register.inclusion_tag("includes/language_menu.html", takes_context=True)
def language_menu(context, page=None):
    """The languages this page exists in, each in its own name and script."""
    request = context.get("request")
    if _is_page(page):
        alternates = page_alternates(context, page)
    elif request is not None:
        alternates = _view_alternates(request)
    else:
        alternates = []
    return {"alternates": alternates if len(alternates) > 1 else []}
