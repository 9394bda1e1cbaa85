"""The page cache: residents get stored pages, editors and forms never do."""

import json

import pytest
from django.contrib.auth import get_user_model

from channels.reach.models import RawHit
from tests.factories import make_story, story_index
from tests.locations.helpers import map_page
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/130.0"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.FEED_CACHE_SECONDS = 60


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("sekretariat", "s@example.dk", "pw")


def test_second_visit_is_served_from_the_cache_with_the_same_page(client):
    story = make_story(title="Café Solstrålen")
    first = client.get(story.url)
    second = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Café Solstrålen" in second.content.decode()


def test_cached_pages_tell_a_cdn_how_long_to_keep_them(client):
    story = make_story()
    client.get(story.url)
    response = client.get(story.url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=300" in cache_control
    assert "max-age=0" in cache_control


def test_cached_page_still_carries_the_reach_beacon(client):
    story = make_story()
    client.get(story.url)
    cached = client.get(story.url)
    assert cached["X-Page-Cache"] == "hit"
    html = cached.content.decode()
    assert 'src="/static/js/reach.js"' in html
    assert f'data-p="{story.pk}"' in html


def test_views_of_a_cached_page_are_still_counted(client):
    """The beacon endpoint is never cached: each resident's view is recorded."""
    story = make_story()
    client.get(story.url)
    assert client.get(story.url)["X-Page-Cache"] == "hit"
    for address in ("10.0.0.1", "10.0.0.2"):
        response = client.post(
            "/api/reach/hit",
            data=json.dumps({"p": story.pk, "r": "", "q": ""}),
            content_type="text/plain;charset=UTF-8",
            HTTP_USER_AGENT=BROWSER,
            REMOTE_ADDR=address,
        )
        assert response.status_code == 204
        assert "X-Page-Cache" not in response
    assert RawHit.objects.filter(page_id=story.pk).count() == 2


def test_logged_in_editor_never_gets_the_anonymous_copy(client, editor):
    story = make_story()
    client.get(story.url)
    assert client.get(story.url)["X-Page-Cache"] == "hit"

    client.force_login(editor)
    response = client.get(story.url)
    html = response.content.decode()
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in html  # the editor's own toolbar, rendered for them
    assert "private" in response["Cache-Control"]


def test_anonymous_visitor_never_gets_the_editors_copy(client, editor):
    story = make_story()
    client.force_login(editor)
    assert "wagtail-userbar" in client.get(story.url).content.decode()

    client.logout()
    client.cookies.clear()
    response = client.get(story.url)
    assert response["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in response.content.decode()


@pytest.mark.parametrize("make_parent", [event_index, map_page], ids=["det-sker", "kort"])
def test_suggestion_forms_are_never_cached(client, make_parent):
    parent = make_parent()
    url = f"{parent.url}foreslaa/"
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == 200
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]


def test_search_results_are_never_cached(client):
    make_story(title="Byttemarked på Bredekærgård")
    client.get("/search/?query=byttemarked")
    response = client.get("/search/?query=byttemarked")
    assert "X-Page-Cache" not in response
    assert "Byttemarked" in response.content.decode()


def test_feeds_are_cached_briefly(client):
    event_index()
    client.get("/feeds/det-sker.json")
    response = client.get("/feeds/det-sker.json")
    assert response["X-Page-Cache"] == "hit"
    assert "public" in response["Cache-Control"]


def test_switched_off_by_setting(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    story = make_story()
    client.get(story.url)
    response = client.get(story.url)
    assert "X-Page-Cache" not in response


def test_story_index_is_cached(client):
    story_index()
    make_story(title="Dyrk Ishøj")
    client.get("/historier/")
    response = client.get("/historier/")
    assert response["X-Page-Cache"] == "hit"
    assert "Dyrk Ishøj" in response.content.decode()
