"""An Arabic story on a phone in Chromium: right to left, nothing sideways,
axe-core clean; and an untranslated Danish story in the Arabic listing."""

import pytest

from home import language_roots
from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.community.helpers import rebuild_roles
from tests.factories import make_story, story_index
from tests.home.test_forms_browser import _axe_findings
from tests.home.test_languages import translate

PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def arabic_story():
    rebuild_roles()  # an earlier transactional test flushed the migrations' rows
    story_index()
    language_roots.ensure_locales()
    for page in language_roots.ensure_translated_roots():
        page.save_revision().publish()
    make_story(title="Kor på tværs", slug="kor")
    story = make_story(
        title="Café Solstrålen: Tirsdag er ikke længere en ensom dag",
        slug="cafe-solstraalen",
        body=[("paragraph", "<p>Hver tirsdag mødes ældre til kaffe i Kulturhuset AAB.</p>")],
    )
    return translate(
        story,
        "ar",
        title="مقهى سولستروولن: لم يعد يوم الثلاثاء يومًا وحيدًا",
        intro="كل يوم ثلاثاء يفتح مقهى سولستروولن أبوابه لكبار السن الذين يفتقدون من يتحدثون إليه.",
        image_alt="أناس مجتمعون على شاطئ إيشوي",
    )


def _fits(page) -> bool:
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_arabic_story_on_a_phone_runs_right_to_left_and_passes_axe(
    live_server,
    browser_page,  # noqa: F811
    arabic_story,
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + arabic_story.url)
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The search field sits at the left edge in Arabic (mirrored), not the right.
    search = page.locator(".site-search").bounding_box()
    logo = page.locator(".site-logo").bounding_box()
    assert logo["x"] > search["x"] or logo["y"] < search["y"]
    assert _fits(page)
    assert _axe_findings(page) == []
    # The language menu takes her to the Danish original.
    page.locator(".language-menu").get_by_role("link", name="Dansk").click()
    page.wait_for_url(live_server.url + "/historier/cafe-solstraalen/")
    assert page.evaluate("document.documentElement.dir") == "ltr"


def test_the_arabic_listing_marks_a_danish_story_and_keeps_arabic(
    live_server,
    browser_page,  # noqa: F811
    arabic_story,
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/ar/historier/")
    assert _fits(page)
    danish_card = page.locator("article.card:has(.card__title[lang=da])")
    assert danish_card.count() == 1
    assert _axe_findings(page) == []
    danish_card.get_by_role("link").click()
    page.wait_for_url(live_server.url + "/ar/historier/kor/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator(".page-content[lang=da]").count() == 1
    assert _fits(page)
    assert _axe_findings(page) == []
