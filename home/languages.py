"""The languages residents read the portal in, and how a page finds its own.

Danish is the language the secretariat works in and every page exists in it
first; Arabic, Turkish, Urdu and English (settings.LANGUAGES) are Wagtail
locales with a page tree each, made by translating Danish pages. The language
of a request is the prefix of its URL (`/ar/...`), Danish without one, so a
cached page is the same for every reader and a link carries the language on.

A page that is not translated yet is still offered in the reader's language:
`/ar/historier/en-historie/` shows the Danish story inside the Arabic chrome,
marked `lang="da"` and with a notice that it is the Danish original
(home.routing falls back to it). `reader_url` gives that address for any page,
so a reader who chose Arabic keeps it while moving around.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page


def default_language() -> str:
    return settings.LANGUAGE_CODE


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def native_name(code: str) -> str:
    """The language's name in itself ("العربية"), as the language menu shows it."""
    return dict(settings.LANGUAGES).get(code, code)


def is_rtl(code: str) -> bool:
    try:
        return bool(get_language_info(code)["bidi"])
    except KeyError:
        return False


def text_direction(code: str) -> str:
    return "rtl" if is_rtl(code) else "ltr"


def active_language() -> str:
    language = translation.get_language() or default_language()
    return language if language in language_codes() else default_language()


class LanguageFromPathMiddleware:
    """Activate the language named by the URL's prefix, Danish without one.

    Django's LocaleMiddleware would also consult a cookie and Accept-Language
    and add `Vary: Accept-Language`, which would keep every Danish page out of
    the page cache; the prefix alone decides here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or default_language()
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Language", language)
        return response


LOCALES_KEY = "languages:locale-codes"
LOCALES_TIMEOUT = 300


def _locale_codes() -> dict[int, str]:
    """Locale id -> language code: a handful of rows that never change once
    made, asked for on every page (its <html lang>, each card's lang)."""
    codes = cache.get(LOCALES_KEY)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALES_KEY, codes, LOCALES_TIMEOUT)
    return codes


def locale_ids() -> dict[str, int]:
    """Language code -> locale id, from the same cached rows: what an API
    filter by `?locale=` needs without a query of its own."""
    return {code: pk for pk, code in sorted(_locale_codes().items())}


def forget_locales(**kwargs) -> None:
    cache.delete(LOCALES_KEY)


def page_language(page) -> str:
    """The language a page is written in (its locale's)."""
    cached = getattr(page, "_language_code", None)
    if cached is None:
        cached = _locale_codes().get(page.locale_id)
        if cached is None:  # a locale made since (another process)
            forget_locales()
            cached = page.locale.language_code
        page._language_code = cached
    return cached


def with_language_prefix(url: str, language: str) -> str:
    """The URL as read in `language`: `/historier/x/` -> `/ar/historier/x/`."""
    if not url or language == default_language():
        return url
    parts = urlsplit(url)
    path = parts.path or "/"
    if translation.get_language_from_path(path):
        return url  # already carries a language
    return urlunsplit(parts._replace(path=f"/{language}{path}"))


def prefixed(url: str) -> str:
    """A URL of our own as the current reader follows it: a redirect or a mailed
    link from a form sent on /ar/... leads back to /ar/..., not to Danish."""
    return with_language_prefix(url, active_language())


def reader_url(page, language: str | None = None, request=None, full: bool = False) -> str:
    """Where a reader of `language` reads `page`: its live translation if there
    is one, otherwise the Danish original inside that language's chrome."""
    language = language or active_language()
    url_of = (lambda p: p.get_full_url(request)) if full else (lambda p: p.get_url(request))
    if page_language(page) == language:
        return url_of(page)
    known_untranslated = getattr(page, "_untranslated_in", None) == language
    translated = None if known_untranslated else live_translation(page, language)
    if translated is not None:
        return url_of(translated)
    original = page if page_language(page) == default_language() else danish_original(page)
    return with_language_prefix(url_of(original or page) or "", language)


def live_translation(page, language: str):
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=language)
        .live()
        .first()
    )


def danish_original(page):
    """The page's Danish version (live or not), or None."""
    if page_language(page) == default_language():
        return page
    return Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=default_language()
    ).first()


@dataclass(frozen=True)
class Alternate:
    """One language a page exists in, as the language menu and hreflang list it."""

    language: str
    name: str
    url: str
    """Absolute, for hreflang and the sitemap."""
    direction: str
    current: bool
    href: str = ""
    """As a link on the page shows it (relative on the same site)."""


def alternates(page, request=None) -> list[Alternate]:
    """The live versions of a page, in settings.LANGUAGES order (Danish first)."""
    if page is None or getattr(page, "pk", None) is None:
        return []
    versions = {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=page.translation_key)
        .live()
        .select_related("locale")
        .only(
            "id", "url_path", "path", "depth", "content_type_id", "locale", "locale__language_code"
        )
    }
    current = page_language(page)
    found = []
    for code in language_codes():
        version = versions.get(code)
        if version is None:
            continue
        url = version.get_full_url(request)
        if url is None:
            continue
        href = version.get_url(request) or url
        found.append(
            Alternate(
                code, native_name(code), url, text_direction(code), code == current, href=href
            )
        )
    return found


def in_reader_language(pages, language: str | None = None) -> list:
    """A Danish listing's pages, each swapped for its live translation in the
    reader's language where there is one (one query per page class).

    Untranslated pages stay Danish; templates mark them `lang="da"` (WCAG 3.1.2).
    """
    pages = list(pages)
    language = language or active_language()
    if language == default_language() or not pages:
        return pages
    by_class: dict[type, list] = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page.translation_key)
    translated = {}
    for model, keys in by_class.items():
        queryset = model.objects.filter(
            translation_key__in=keys, locale__language_code=language
        ).live()
        for version in queryset:
            version._language_code = language
            translated[version.translation_key] = version
    shown = []
    for page in pages:
        version = translated.get(page.translation_key)
        if version is None:
            page._untranslated_in = language  # reader_url need not ask again
        shown.append(version if version is not None else page)
    return shown


def reader_page(page, language: str | None = None):
    """The version of `page` a reader of `language` reads: its live translation,
    else the page itself (Danish, to be marked `lang="da"`)."""
    return in_reader_language([page], language)[0]


def danish_listing_page(page):
    """The Danish original of a listing page (the Arabic "Historier" lists what
    the Danish one lists), or the page itself."""
    if page_language(page) == default_language():
        return page
    original = danish_original(page)
    return original.specific if original is not None else page
