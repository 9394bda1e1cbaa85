"""Search answers whatever is typed, on the site and the API, on SQLite and
PostgreSQL (the PostgreSQL pass of .ci/run runs this file too)."""

import pytest

from tests.factories import make_story

pytestmark = pytest.mark.django_db

TYPED = [
    '"Café',
    'Café"',
    '"Café Solstrålen"',
    "Café AND",
    "OR",
    "NOT Café",
    "(Café",
    "Café)",
    "Café*",
    "*",
    "NEAR(Café kage)",
    "title:Café",
    "{title}:Café",
    "^Café",
    "-Café",
    "+",
    "Café's",
    "Café\\",
    "100%",
    "%s %(x)s",
    "x" * 190,
    " ".join(["Café"] * 40),
    "'; DROP TABLE wagtailcore_page; --",
    "!!!",
    "😀 Café",
]


@pytest.fixture
def cafe(db):
    return make_story(title="Café Solstrålen", intro="Kaffe og kage hver tirsdag.")


@pytest.mark.parametrize("typed", TYPED)
def test_site_search_answers_whatever_is_typed(client, cafe, typed):
    response = client.get("/search/", {"query": typed})
    assert response.status_code == 200
    # The results heading ("N resultater for …") shows the search ran.
    assert " for “" in response.content.decode()


@pytest.mark.parametrize("typed", TYPED)
def test_api_search_answers_whatever_is_typed(client, cafe, typed):
    for operator in (None, "and", "or"):
        params = {"search": typed}
        if operator:
            params["search_operator"] = operator
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200, (typed, operator)
        assert "items" in response.json()


@pytest.mark.parametrize("typed", ["a\x00b", "Café\x1b[0m", "\x00"])
def test_control_characters_never_break_search(client, cafe, typed):
    """Search itself copes (200); the portal's input cleaning may refuse them first (400)."""
    assert client.get("/search/", {"query": typed}).status_code in (200, 400)
    assert client.get("/api/v2/pages/", {"search": typed}).status_code in (200, 400)


def test_a_word_with_a_stray_quote_still_finds_its_story(client, cafe):
    html = client.get("/search/", {"query": '"Café'}).content.decode()
    assert "Café Solstrålen" in html


def test_a_quoted_phrase_finds_its_story(client, cafe):
    items = client.get("/api/v2/pages/", {"search": '"Café Solstrålen"'}).json()["items"]
    assert [item["title"] for item in items] == ["Café Solstrålen"]


def test_a_query_of_only_punctuation_finds_nothing(client, cafe):
    items = client.get("/api/v2/pages/", {"search": '"()*"'}).json()["items"]
    assert items == []


def test_an_unknown_search_operator_is_a_danish_400(client, cafe):
    response = client.get("/api/v2/pages/", {"search": "Café", "search_operator": "xor"})
    assert response.status_code == 400
    assert "search_operator skal være" in response.json()["message"]


def test_the_images_endpoint_refuses_an_unknown_operator_too(client):
    response = client.get("/api/v2/images/", {"search": "x", "search_operator": "nand"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("typed", "found"),
    [('"Café\x1b', ["Café Solstrålen"]), ("Solstrålen\x00", ["Café Solstrålen"]), ("\x00\x01", [])],
)
def test_the_search_backend_itself_takes_control_characters(cafe, typed, found):
    from wagtail.models import Page

    assert [page.title for page in Page.objects.live().search(typed)] == found
