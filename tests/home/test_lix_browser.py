"""The editor sees her text's LIX change as she types (static/js/lix.js), counted
by the same rules as home/readability.py against the same hand-counted examples."""

import pytest

from home.readability import lix, page_lix
from tests.browser import browser_page, log_in_to_admin  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, rebuild_roles, secretariat
from tests.factories import make_story
from tests.home.lix_examples import EXAMPLES
from tests.locations.helpers import make_place

TIMEOUT = 30_000
PANEL = "[data-lix-panel]"


def _panel(page) -> dict:
    return page.eval_on_selector(
        PANEL,
        """(panel) => ({
            score: panel.querySelector("[data-lix-score]").textContent,
            band: panel.querySelector("[data-lix-band]").textContent,
            counts: panel.querySelector("[data-lix-counts]").textContent,
        })""",
    )


def _shown(measured) -> dict:
    return {
        "score": str(measured.rounded),
        "band": f"Niveau: {measured.band}",
        "counts": f"{measured.words} ord, heraf {measured.long_words} lange (over 6 bogstaver), "
        f"i {measured.sentences} sætninger.",
    }


def _wait_for(page, expected: dict) -> None:
    page.wait_for_function(
        """([selector, counts]) => {
            const panel = document.querySelector(selector);
            return panel && panel.querySelector("[data-lix-counts]").textContent === counts;
        }""",
        arg=[PANEL, expected["counts"]],
        timeout=TIMEOUT,
    )


@pytest.fixture
def editor(live_server, browser_page):  # noqa: F811
    rebuild_roles()
    user = secretariat(username="sekretariat-lix")
    story = make_story(
        title="Fællesspisning",
        intro="Naboer spiser sammen.",
        body=[
            ("heading", {"text": "Mad fra mange lande", "level": "h2"}),
            ("paragraph", "<p>Alle tager en ret med.</p><p>Børnene dækker bord.</p>"),
            ("quote", {"quote": "Her mødes vi.", "name": "Aisha", "role": ""}),
        ],
    )
    browser_page.set_default_timeout(TIMEOUT)
    log_in_to_admin(browser_page, live_server.url, user.username, PASSWORD)
    browser_page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    browser_page.wait_for_selector(f"{PANEL}[data-lix-ready]", state="attached")
    return browser_page, story


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editors_script_counts_the_hand_counted_examples(editor):
    page, _story = editor
    counted = page.evaluate(
        "(texts) => texts.map((t) => window.VoresIshojLix.lix(t))",
        [e.text for e in EXAMPLES],
    )
    assert [
        (c["words"], c["longWords"], c["sentences"], c["rounded"], c["band"]) for c in counted
    ] == [(e.words, e.long_words, e.sentences, e.lix, e.band) for e in EXAMPLES]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editor_sees_lix_change_as_she_types(editor):
    page, story = editor
    # On opening: the saved text, title, intro, heading, both paragraphs and the quote.
    _wait_for(page, _shown(page_lix(story)))
    assert _panel(page) == _shown(page_lix(story))

    # Typing a hard intro raises it at once, before anything is saved.
    hard = EXAMPLES[-2].text
    page.fill("[name=intro]", "")
    page.type("[name=intro]", hard)
    body = "Mad fra mange lande\nAlle tager en ret med.\nBørnene dækker bord.\nHer mødes vi."
    expected = _shown(lix(f"{story.title}\n{hard}\n{body}"))
    _wait_for(page, expected)
    assert _panel(page) == expected

    # Typing into the rich-text paragraph counts too.
    page.locator('.Draftail-Editor [data-block="true"]', has_text="Børnene dækker bord.").click()
    page.keyboard.press("End")
    page.keyboard.type(" Bagefter vasker forældrene op")
    body = body.replace("bord.", "bord. Bagefter vasker forældrene op")
    expected = _shown(lix(f"{story.title}\n{hard}\n{body}"))
    _wait_for(page, expected)
    assert _panel(page) == expected


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editor_of_a_place_sees_lix_change_as_she_types(live_server, browser_page):  # noqa: F811
    """A place is measured on its intro and its rich-text description."""
    rebuild_roles()
    user = secretariat(username="sekretariat-lix-sted")
    place = make_place(
        title="Strandparken",
        intro="Et grønt område ved vandet.",
        description="<p>Her er grill.</p>",
    )
    browser_page.set_default_timeout(TIMEOUT)
    log_in_to_admin(browser_page, live_server.url, user.username, PASSWORD)
    browser_page.goto(f"{live_server.url}/admin/pages/{place.pk}/edit/")
    fields = ("intro", "description")
    _wait_for(browser_page, _shown(page_lix(place, fields)))

    browser_page.fill("[name=intro]", "Et grønt område.")
    expected = _shown(lix("Strandparken\nEt grønt område.\nHer er grill."))
    _wait_for(browser_page, expected)
    assert _panel(browser_page) == expected

    browser_page.locator('.Draftail-Editor [data-block="true"]', has_text="Her er grill.").click()
    browser_page.keyboard.press("End")
    browser_page.keyboard.type(" Medbring selv kul")
    expected = _shown(lix("Strandparken\nEt grønt område.\nHer er grill. Medbring selv kul"))
    _wait_for(browser_page, expected)
    assert _panel(browser_page) == expected
