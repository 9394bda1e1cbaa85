"""Search forgives the keyboard: a resident without æ, ø and å (or accents)
finds the same pages, on SQLite and PostgreSQL (.ci/run's second pass), and the
Danish word forms still count."""

import pytest

from stories.models import StoryPage
from tests.factories import make_image, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(db):
    image = make_image()
    return [
        make_story(
            image=image,
            title="Café Solstrålen",
            intro="Kaffe og kage hver tirsdag.",
            body=[("paragraph", "<p>Alle er velkomne.</p>")],
        ),
        make_story(
            image=image, title="Strandrens ved Ishøj Strand", intro="Vi samler affald på stranden."
        ),
        make_story(
            image=image, title="De ældre spiller petanque", intro="Hver onsdag i Vejleåparken."
        ),
        make_story(image=image, title="Nye hundegårde", intro="To indhegninger ved søen."),
    ]


def _found(client, query):
    """The titles of the stories the search page lists for `query`."""
    html = client.get("/search/", {"query": query}).content.decode()
    titles = StoryPage.objects.values_list("title", flat=True)
    return sorted(title for title in titles if f">{title}</a>" in html)


TYPED = [
    ("cafe", "Café Solstrålen"),
    ("CAFE", "Café Solstrålen"),
    ("solstraalen", "Café Solstrålen"),
    ("solstralen", "Café Solstrålen"),
    ("ishoj", "Strandrens ved Ishøj Strand"),
    ("ishoej", "Strandrens ved Ishøj Strand"),
    ("Ishøj", "Strandrens ved Ishøj Strand"),
    ("aeldre", "De ældre spiller petanque"),
    ("vejleaaparken", "De ældre spiller petanque"),
    # A plural typed without å still finds the singular's story.
    ("hundegaard", "Nye hundegårde"),
    ("hundegaardene", "Nye hundegårde"),
]


def test_a_word_typed_without_danish_letters_finds_its_story(client, stories):
    found = {typed: _found(client, typed) for typed, _title in TYPED}
    assert found == {typed: [title] for typed, title in TYPED}


def test_the_api_forgives_the_keyboard_too(client, stories):
    items = client.get("/api/v2/pages/", {"search": "cafe solstraalen"}).json()["items"]
    assert [item["title"] for item in items] == ["Café Solstrålen"]


def test_a_story_edited_to_new_words_is_found_by_them_folded(client, stories):
    story = stories[0]
    story.title = "Kærlighed på Ishøj Bibliotek"
    story.save_revision().publish()
    assert _found(client, "kaerlighed") == ["Kærlighed på Ishøj Bibliotek"]
    assert _found(client, "solstraalen") == []


def test_a_nul_byte_gets_the_sites_own_danish_error_page(client, stories):
    response = client.get("/search/?query=caf%00e", HTTP_ACCEPT="text/html")
    html = response.content.decode()
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "kontroltegn" in html  # what is wrong, in Danish
    assert 'aria-label="Hovedmenu"' in html  # on the site's own page, menu and all
    assert "\x00" not in html


def test_a_5000_character_query_gets_the_search_page_with_a_danish_error(client, stories):
    response = client.get("/search/", {"query": "ø" * 5000})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Søgningen må højst være 200 tegn." in html
    assert 'aria-label="Hovedmenu"' in html
