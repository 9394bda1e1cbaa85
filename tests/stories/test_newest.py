"""The newest stories on the front page and under every story are kept between
page views (stories.models.story.newest_stories). A resident must still see a change at once."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the lists alone, not the page cache


def card_titles(client, url) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_a_new_story_is_listed_at_once(client):
    older = make_story(title="Strandrensning", date="2026-05-01")
    assert card_titles(client, "/") == ["Strandrensning"]
    assert card_titles(client, older.url) == []
    make_story(title="Sommerfest i Vejleåparken", date="2026-06-01")
    assert card_titles(client, "/") == ["Sommerfest i Vejleåparken", "Strandrensning"]
    assert card_titles(client, older.url) == ["Sommerfest i Vejleåparken"]


def test_an_unpublished_story_leaves_the_lists_at_once(client):
    kept = make_story(title="Lektiecafé", date="2026-05-01")
    gone = make_story(title="Fejlagtig historie", date="2026-06-01")
    assert card_titles(client, kept.url) == ["Fejlagtig historie"]
    gone.unpublish()
    assert card_titles(client, "/") == ["Lektiecafé"]
    assert card_titles(client, kept.url) == []


def test_a_story_made_private_leaves_the_lists_at_once(client):
    public = make_story(title="Åben fællesspisning", date="2026-05-01")
    private = make_story(title="Kun for frivillige", date="2026-06-01")
    assert "Kun for frivillige" in card_titles(client, "/")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert card_titles(client, "/") == ["Åben fællesspisning"]
    assert card_titles(client, public.url) == []


def test_the_card_shows_a_new_crop_of_an_edited_image(client):
    story = make_story(title="Havefællesskab", date="2026-05-01")

    def card_image():
        html = client.get("/").content.decode()
        return re.search(r'<article class="card">\s*<img src="([^"]+)"', html).group(1)

    before = card_image()
    image = story.image
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    assert card_image() != before
