"""LIX counted as a Danish reader counts it by hand (tests/home/lix_examples.py)."""

import pytest
from wagtail.models import Locale

from home.models import SiteSettings
from home.readability import Lix, band, lix, page_lix, page_text
from tests.community.helpers import make_group
from tests.factories import default_site, make_story
from tests.home.lix_examples import EXAMPLES
from tests.locations.helpers import make_place
from tests.stories.event_factories import make_event


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.text[:30])
def test_lix_matches_the_hand_count(example):
    measured = lix(example.text)
    assert (measured.words, measured.long_words, measured.sentences) == (
        example.words,
        example.long_words,
        example.sentences,
    )
    assert (measured.rounded, measured.band) == (example.lix, example.band)


def test_a_text_without_words_has_no_lix():
    for text in ["", "   ", "2026 – 15.30!", "\n\n"]:
        measured = lix(text)
        assert (measured.words, measured.score, measured.band) == (0, None, "")


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (0, "meget let"),
        (24, "meget let"),
        (25, "let"),
        (34, "let"),
        (35, "middel"),
        (44, "middel"),
        (45, "svær"),
        (54, "svær"),
        (55, "meget svær"),
        (90, "meget svær"),
    ],
)
def test_bands_are_the_usual_danish_ones(value, name):
    assert band(value) == name


def test_half_rounds_up_as_in_the_editor():
    # 5 words in 2 sentences, none long: 2.5, shown as 3 (Math.round in lix.js).
    assert lix("En to tre. Fire fem.").rounded == 3


# --- A page's text, and the panel in the editor --------------------------------------


@pytest.fixture
def story(db):
    return make_story(
        title="Fællesspisning",
        intro="Naboer spiser sammen.",
        body=[
            ("heading", {"text": "Mad fra mange lande", "level": "h2"}),
            (
                "paragraph",
                "<p>Alle tager en ret med.</p><ul><li>Ris</li><li>Brød &amp; salat</li></ul>",
            ),
            ("quote", {"quote": "Her mødes vi.", "name": "Aisha", "role": ""}),
            (
                "call_to_action",
                {"text": "Tilmeld dig", "button_label": "Tilmeld", "page": None, "url": "/x/"},
            ),
        ],
    )


def test_a_page_is_measured_on_its_title_intro_and_the_bodys_prose(story):
    # Buttons are no prose: "Tilmeld dig" is left out. Each line is a sentence end.
    assert page_text(story) == (
        "Fællesspisning\nNaboer spiser sammen.\nMad fra mange lande\n"
        "Alle tager en ret med.\nRis\nBrød & salat\n\nHer mødes vi."
    )
    # 1 + 3 + 4 + 5 + 1 + 2 + 3 = 19 words; long: Fællesspisning ("Naboer" and
    # "sammen" have six letters); 7 lines, 7 sentences: 19/7 + 100/19 = 2.71 + 5.26.
    assert page_lix(story) == Lix(words=19, long_words=1, sentences=7)
    assert page_lix(story).rounded == 8


def test_the_editor_shows_lix_and_the_sites_target_on_a_danish_page(admin_client, story):
    settings = SiteSettings.for_site(default_site())
    settings.lix_target = 30
    settings.save()
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert 'data-lix-panel data-lix-target="30"' in html
    assert "19 ord, heraf 1 lange (over 6 bogstaver), i 7 sætninger." in html
    assert "Målet er højst LIX 30." in html


def test_a_page_in_another_language_says_lix_is_for_danish_instead(admin_client, story):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translation = story.copy_for_translation(arabic, copy_parents=True)
    html = admin_client.get(f"/admin/pages/{translation.pk}/edit/").content.decode()
    assert "data-lix-panel" not in html
    assert (
        "LIX måler, hvor let en dansk tekst er at læse, og siger intet om en tekst på arabisk"
        in html
    )
    assert "data-lix-panel" in admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()


# --- Every page type an editor writes prose in ----------------------------------------


def test_an_event_is_measured_on_its_intro_and_body(db):
    event = make_event(
        title="Loppemarked",
        intro="Sælg dit gamle legetøj.",
        body=[("paragraph", "<p>Boderne er gratis.</p>")],
    )
    assert page_text(event, ("intro", "body")) == (
        "Loppemarked\nSælg dit gamle legetøj.\nBoderne er gratis.\n"
    )


def test_a_place_is_measured_on_its_intro_and_rich_text_description(db):
    place = make_place(
        title="Strandparken",
        intro="Et grønt område ved vandet.",
        description="<p>Her er grill.</p><ul><li>Toiletter</li><li>Bænke</li></ul>",
    )
    # Each paragraph and list item is a line, so a sentence.
    assert page_text(place, ("intro", "description")) == (
        "Strandparken\nEt grønt område ved vandet.\nHer er grill.\nToiletter\nBænke"
    )
    # 1 + 5 + 3 + 1 + 1 = 11 words, long: Strandparken, Toiletter; 5 sentences.
    assert page_lix(place, ("intro", "description")) == Lix(words=11, long_words=2, sentences=5)


@pytest.mark.parametrize(
    "make_page, expected_counts",
    [
        # "Loppemarked" + "Sælg dit gamle legetøj." + "Boderne er gratis.": 8 words,
        # long: Loppemarked, legetøj, Boderne (7 letters); 3 sentences.
        (
            lambda: make_event(
                title="Loppemarked",
                intro="Sælg dit gamle legetøj.",
                body=[("paragraph", "<p>Boderne er gratis.</p>")],
            ),
            "8 ord, heraf 3 lange (over 6 bogstaver), i 3 sætninger.",
        ),
        # "Strikkeklubben" + "Vi strikker sammen hver tirsdag.": 6 words,
        # long: Strikkeklubben, strikker, tirsdag; 2 sentences.
        (
            lambda: make_group(title="Strikkeklubben", purpose="Vi strikker sammen hver tirsdag."),
            "6 ord, heraf 3 lange (over 6 bogstaver), i 2 sætninger.",
        ),
        (
            lambda: make_place(
                title="Strandparken",
                intro="Et grønt område ved vandet.",
                description="<p>Her er grill.</p><ul><li>Toiletter</li><li>Bænke</li></ul>",
            ),
            "11 ord, heraf 2 lange (over 6 bogstaver), i 5 sætninger.",
        ),
    ],
    ids=["event", "group", "place"],
)
def test_the_editor_of_an_event_group_or_place_sees_its_lix(
    admin_client, make_page, expected_counts
):
    page = make_page()
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "data-lix-panel" in html
    assert expected_counts in html
