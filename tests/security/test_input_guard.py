"""The six kinds of input that answered 500, now each a 400 with a Danish reason."""

import html
import json

import pytest

from tests.factories import make_story
from tests.locations.helpers import make_place
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    make_story(title="Kaffe på trappen")
    event_index()
    make_place("Legepladsen i Strandparken")


@pytest.mark.parametrize(
    "url",
    [
        "/search/?query=kaffe%00",
        "/historier/?emne=%00",
        "/det-sker/?kategori=a%00b",
        "/api/places.geojson?category=%00",
        "/api/v2/pages/?search=kaffe%00",
        "/api/v2/pages/find/?html_path=/%00",
        "/feeds/det-sker.json?place=%01",
        "/historier/%00/",
    ],
)
def test_a_nul_byte_or_control_character_is_refused_before_any_query(client, site, url):
    response = client.get(url)
    assert response.status_code == 400
    text = response.content.decode()
    assert "ugyldige tegn" in text
    if url.startswith("/api/") or ".json" in url or ".geojson" in url:
        assert "ugyldige tegn" in response.json()["error"]


def test_a_nul_byte_in_a_form_field_is_refused_and_named(client, site):
    response = client.post("/fortael/", {"title": "Kaffe\x00", "name": "Lis"})
    assert response.status_code == 400
    assert "'title'" in html.unescape(response.content.decode())


def test_a_form_declaring_another_charset_is_refused(client, site):
    response = client.post(
        "/fortael/",
        "title=K%E6ffe",
        content_type="application/x-www-form-urlencoded; charset=utf-16",
    )
    assert response.status_code == 400
    assert "tager kun imod UTF-8" in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("offset=99999999999999999999999", None),
        ("limit=100000", None),
        ("search=kaffe&search_operator=xor", 'search_operator skal være "and" eller "or".'),
        ("limit=abc", "'limit' skal være et helt tal, 0 eller større."),
        ("offset=-1", "'offset' skal være et helt tal, 0 eller større."),
        ("bogus=1", "Ukendt parameter: bogus. Se docs/api.md for de parametre, API'et kender."),
        ("fields=nonsense", "Ukendte felter i 'fields': nonsense."),
        ("order=nonsense", "Kan ikke sortere efter 'nonsense' (ukendt felt)."),
        ("child_of=x", "'child_of' skal være et helt tal større end 0."),
        ("type=no.Such", "Typen i 'type' findes ikke. Brug fx 'stories.StoryPage'."),
    ],
)
def test_the_api_clamps_paging_and_answers_every_mistake_in_danish(client, site, query, message):
    response = client.get(f"/api/v2/pages/?{query}")
    if message is None:  # clamped, not refused
        assert response.status_code == 200
        assert len(response.json()["items"]) <= 100
    else:
        assert response.status_code == 400
        assert response.json() == {"message": message}


def test_an_api_error_never_shows_python_internals(client, site):
    for url in ("/api/v2/images/?order=-title,", "/api/v2/pages/?fields=title(", "/api/v2/x/"):
        response = client.get(url)
        assert response.status_code in (400, 404)
        assert "Traceback" not in response.content.decode()
        assert "Error" not in response.content.decode()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("feed", ["/feeds/det-sker.json", "/feeds/det-sker/widget/"])
def test_feed_dates_outside_a_sane_range_are_refused(client, site, feed, day):
    for parameter in ("from", "to"):
        response = client.get(feed, {parameter: day})
        assert response.status_code == 400, (feed, parameter)
        assert "skal ligge mellem 1900-01-01 og 2199-12-31" in response.json()["error"]


def test_a_deeply_nested_beacon_is_refused(client):
    from tests.reach.helpers import BROWSER

    body = b"[" * 1500 + b"]" * 500
    for data in (body[:2048], json.dumps({"p": 1, "q": [[[[[[["x"]]]]]]]}).encode()):
        response = client.post(
            "/api/reach/hit", data, content_type="text/plain", HTTP_USER_AGENT=BROWSER
        )
        assert response.status_code == 400
        assert response.json() == {"fejl": "Ugyldigt indhold."}


def test_a_beacon_with_brackets_inside_its_strings_still_counts(client, site):
    from channels.reach.models import RawHit
    from tests.reach.helpers import beacon

    response = beacon(client, query="?a[]=1&b={{x}}&c=[[[[[[[")
    assert response.status_code == 204
    assert RawHit.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    ["/api/places.geojson", "/feeds/det-sker.json", "/feeds/begivenheder.ics", "/search/",
     "/api/v2/pages/", "/det-sker/", "/fortael/", "/kort/"],
)  # fmt: skip
def test_head_works_wherever_get_does(client, site, url):
    got = client.get(url)
    head = client.head(url)
    assert got.status_code == 200
    assert head.status_code == 200, url
    assert head.content == b""


def test_head_answers_wherever_get_does_on_every_public_url(client):
    from tests.security.world import build_world, public_urls

    refused = []
    for url in public_urls(build_world()):
        got = client.get(url)
        if got.status_code == 200 and client.head(url).status_code != 200:
            refused.append(url)
    assert not refused, refused
