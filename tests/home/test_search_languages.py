"""Search in the languages of Ishøj: each page is indexed in its own locale's
language (Snowball's Arabic, Turkish and English stemmers, plain words for
Urdu), a query finds a page in any of them, and no script breaks it. Runs on
SQLite and on PostgreSQL (.ci/run's second pass)."""

import pytest
from wagtail.models import Locale

from stories.models import StoryPage
from tests.factories import home_page, make_image, make_story, story_index
from tests.stories.language_factories import languages  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _story_in(language: str, title: str, intro: str, text: str, image) -> StoryPage:
    """A story in its own language's page tree (a translation of the Danish one)."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    home, index = home_page(), story_index()
    if not home.has_translation(locale):
        home.copy_for_translation(locale).save_revision().publish()
    translated_index = index.get_translation_or_none(locale)
    if translated_index is None:
        translated_index = index.copy_for_translation(locale)
        translated_index.save_revision().publish()
    return make_story(
        image=image,
        index=translated_index,
        title=title,
        intro=intro,
        body=[("paragraph", f"<p>{text}</p>")],
        locale=locale,
    )


@pytest.fixture
def stories(languages):  # noqa: F811 (the fixture imported above)
    image = make_image()
    make_story(
        image=image,
        title="Lektiecafé på biblioteket",
        intro="Frivillige hjælper med lektier.",
        body=[("paragraph", "<p>Hver tirsdag.</p>")],
    )
    return {
        "ar": _story_in(
            "ar",
            "افتتاح المكتبة الجديدة في إيشوي",
            "جيران يلتقون في المكتبة.",
            "يقرأ الأطفال القصص مع الجدات.",
            image,
        ),
        "tr": _story_in(
            "tr",
            "Kitapları paylaşıyoruz",
            "Komşular kütüphanede buluşuyor.",
            "Çocuklar büyükanneleriyle okuyor.",
            image,
        ),
        "ur": _story_in(
            "ur",
            "لائبریری میں کہانیاں",
            "پڑوسی مل کر پڑھتے ہیں۔",
            "بچے دادیوں کے ساتھ کہانیاں سنتے ہیں۔",
            image,
        ),
        "en": _story_in(
            "en",
            "Gardening together in Vejleåparken",
            "Neighbours grow vegetables between the blocks.",
            "Everyone is welcome.",
            image,
        ),
    }


def _found(query: str) -> list[str]:
    return sorted(page.locale.language_code for page in StoryPage.objects.live().search(query))


WORD_FORMS = [
    # Arabic: the plural and the bare noun find "المكتبة" (the library).
    ("المكتبات", "ar"),
    ("مكتبة", "ar"),
    # With vowel marks typed, as a learner's keyboard gives them.
    ("مَكتَبة", "ar"),
    # Turkish: the stem, and the plural typed without Turkish letters.
    ("kitap", "tr"),
    ("kitaplari", "tr"),
    ("KİTAPLARI", "tr"),
    # Urdu: plain words, typed with Urdu or with Arabic letters.
    ("کہانیاں", "ur"),
    ("لائبريري", "ur"),
    # English word forms.
    ("gardens", "en"),
    ("garden vegetable", "en"),
]


def test_a_word_form_finds_the_story_in_its_language(stories):
    # One set of stories for the whole table: building four page trees is the slow part.
    found = {typed: _found(typed) for typed, _language in WORD_FORMS}
    assert found == {typed: [language] for typed, language in WORD_FORMS}


def test_a_danish_word_form_still_finds_only_the_danish_story(stories):
    assert _found("bibliotekerne") == ["da"]


def test_the_site_search_lists_stories_in_three_scripts_with_their_language(client, stories):
    """Latin, Arabic and Urdu's Nastaliq script, each on the search page and
    marked with its language so a screen reader reads it in the right voice."""
    for query, story in [
        ("kitaplari", stories["tr"]),
        ("المكتبات", stories["ar"]),
        ("کہانیاں", stories["ur"]),
    ]:
        html = client.get("/search/", {"query": query}).content.decode()
        language = story.locale.language_code
        assert f'lang="{language}"' in html, query
        assert story.title in html, query


SCRIPTS = [
    "東京 図書館",
    "नमस्ते पुस्तकालय",
    "שָׁלוֹם ספרייה",
    "ห้องสมุด",
    "Библиотека",
    "Βιβλιοθήκη",
    "٠١٢٣٤٥٦٧٨٩",
    "\u0301\u0301",  # marks with nothing to sit on
    "\u200f\u200e\u200d",  # direction marks and a joiner alone
    "كتاب\u200cخانه",
    "👩‍👩‍👧 🇩🇰",
    "ﷺ ﻻ",  # Arabic presentation forms
]


def test_no_script_breaks_search(client, stories):
    answers = {
        typed: (
            client.get("/search/", {"query": typed}).status_code,
            client.get("/api/v2/pages/", {"search": typed}).status_code,
        )
        for typed in SCRIPTS
    }
    assert answers == {typed: (200, 200) for typed in SCRIPTS}
