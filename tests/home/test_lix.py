"""LIX counted as a Danish reader counts it by hand (tests/home/lix_examples.py)."""

import pytest
from wagtail.models import Locale

from home.models import SiteSettings
from home.readability import Lix, band, lix, page_lix, page_text
from tests.factories import default_site, make_story
from tests.home.lix_examples import EXAMPLES


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


def test_a_page_in_another_language_has_no_lix_panel(admin_client, story):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translation = story.copy_for_translation(arabic, copy_parents=True)
    html = admin_client.get(f"/admin/pages/{translation.pk}/edit/").content.decode()
    assert "data-lix-panel" not in html
    assert "data-lix-panel" in admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
