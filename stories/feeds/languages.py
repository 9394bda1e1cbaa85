"""Which language a feed is in: `?sprog=` (or `?locale=`, the API's name).

A feed is in one language at a time, the site's own (Danish) unless asked
otherwise, so a municipal site that lists "Det sker" never shows the same event
once per translation; `?sprog=alle` gives every language, each item marked
with its own. Format: docs/det-sker-feed.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Locale

ALL = "alle"
PARAMETERS = ("sprog", "locale")


def default_language() -> str:
    return settings.LANGUAGE_CODE


def known_languages() -> list[str]:
    """The languages the portal has pages in (Wagtail's locales), oldest first."""
    return list(Locale.objects.order_by("pk").values_list("language_code", flat=True))


def in_language(pages: QuerySet, language: str) -> QuerySet:
    if language in (ALL, ""):
        return pages
    return pages.filter(locale__language_code=language)
