"""Search finds Danish word forms on both databases: PostgreSQL through its
"danish" text-search configuration, SQLite through the same Snowball stemmer
applied by home/search.py at index and query time."""

import pytest

from tests.factories import make_story

pytestmark = pytest.mark.django_db


def _titles_found(client, query):
    return client.get("/search/", {"query": query}).content.decode()


def test_search_matches_danish_word_forms(client):
    """A resident who types "byhaverne" finds the story about "byhaver"."""
    make_story(title="Dyrk Ishøj", intro="Naboer anlægger byhaver mellem blokkene.")
    make_story(title="Café Solstrålen", intro="Kaffe og kage hver tirsdag.")
    html = _titles_found(client, "byhaverne")
    assert "Dyrk Ishøj" in html
    assert "Café Solstrålen" not in html


@pytest.mark.parametrize(
    "typed, title",
    [
        ("frikadelle", "Mormors frikadeller"),
        ("hundegård", "Nye hundegårde i Ishøj Strandpark"),
        ("Frikadellerne", "Mormors frikadeller"),
    ],
)
def test_a_singular_finds_the_plural_in_a_title(client, typed, title):
    make_story(title=title, intro="Fra Ishøj.")
    make_story(title="Café Solstrålen", intro="Kaffe og kage hver tirsdag.")
    html = _titles_found(client, typed)
    assert title in html
    assert "Café Solstrålen" not in html


def test_api_search_finds_danish_word_forms(client):
    make_story(title="Mormors frikadeller", intro="En opskrift fra Vejleåparken.")
    make_story(title="Café Solstrålen", intro="Kaffe og kage hver tirsdag.")
    items = client.get("/api/v2/pages/", {"search": "frikadelle"}).json()["items"]
    assert [item["title"] for item in items] == ["Mormors frikadeller"]


def test_a_changed_story_is_found_by_its_new_words(client):
    story = make_story(
        title="Café Solstrålen",
        intro="Kaffe og kage hver tirsdag.",
        body=[("paragraph", "<p>Alle er velkomne.</p>")],
    )
    story.title = "Hundegårdene åbner"
    story.save_revision().publish()
    assert "Hundegårdene åbner" in _titles_found(client, "hundegård")
    assert "Hundegårdene åbner" not in _titles_found(client, "solstrålen")
