"""At phone width in Chromium: every public form, sent empty, puts the focus on
its error summary and is still free of anything axe-core finds wrong or wants
reviewed; and search takes a quote."""

import pytest
from playwright.sync_api import expect

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.community.helpers import rebuild_roles
from tests.factories import make_story
from tests.home.public_forms import build_public_forms

PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _axe_findings(page) -> list[str]:
    """axe-core's violations and "needs review" items, one line each. axe.min.js
    comes from the axe-playwright-python wheel (no CDN, no download)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    return [
        f"{kind}: {item['id']} – {item['help']} – {[n['target'] for n in item['nodes']]}"
        for kind in ("violations", "incomplete")
        for item in results[kind]
    ]


def test_every_public_form_after_a_failed_submit_focuses_its_errors_and_passes_axe(
    live_server,
    browser_page,  # noqa: F811
):
    page = browser_page
    page.set_viewport_size(PHONE)
    findings = {}
    for form in build_public_forms():
        page.goto(live_server.url + form.url)
        page.locator("main form button[type=submit]").last.click()
        expect(page.locator("#fejl")).to_be_focused()
        found = _axe_findings(page)
        if found:
            findings[form.name] = found
    assert findings == {}


def test_a_search_with_a_quote_finds_the_story(live_server, browser_page):  # noqa: F811
    rebuild_roles()  # the root image collection, flushed by the last transactional test
    make_story(title="Café Solstrålen", intro="Kaffe og kage hver tirsdag.")
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    page.fill("#site-search-input", '"Café')
    with page.expect_navigation() as navigation:
        page.press("#site-search-input", "Enter")
    assert navigation.value.status == 200
    assert page.locator("main").get_by_role("link", name="Café Solstrålen").count() == 1
