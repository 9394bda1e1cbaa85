"""Pages in other languages than Danish, each in its own locale's page tree, as
Wagtail's translations make them (copy_for_translation of the Danish tree)."""

import pytest
from wagtail.models import Locale

from tests.factories import home_page, make_story, story_index
from tests.stories.event_factories import event_index, make_event

LANGUAGES = [
    ("da", "Dansk"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("ur", "اردو"),
    ("en", "English"),
]


@pytest.fixture
def languages(settings):
    """The site's languages with Wagtail's translations on, as cms.settings has
    them once issue 26's locales are enabled: a site's pages are then its root
    page's tree and each translation's tree."""
    settings.LANGUAGES = LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.WAGTAIL_I18N_ENABLED = True


def locale(language: str) -> Locale:
    return Locale.objects.get_or_create(language_code=language)[0]


def translated(page, language: str):
    """`page`'s translation into `language`, with its ancestors, made and published
    on first use."""
    target = locale(language)
    existing = page.get_translation_or_none(target)
    if existing is not None:
        return existing
    parent = page.get_parent()
    if parent.depth > 1 and not parent.specific.has_translation(target):
        translated(parent.specific, language)
    copy = page.copy_for_translation(target)
    copy.save_revision().publish()
    return copy.specific


def story_in(language: str, **fields):
    """A story in `language`'s tree (home page and story index translated first)."""
    home_page()
    index = story_index()
    if language == "da":
        return make_story(index=index, **fields)
    return make_story(index=translated(index, language), locale=locale(language), **fields)


def event_in(language: str, **fields):
    """An event in `language`'s tree."""
    index = event_index()
    if language == "da":
        return make_event(index=index, **fields)
    return make_event(index=translated(index, language), locale=locale(language), **fields)
