"""LIX counted as a Danish reader counts it by hand (tests/home/lix_examples.py)."""

import pytest

from home.readability import band, lix
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
