"""Pages are found by their url_path and the site is remembered between
requests (home.routing, home.sites). What a resident must never notice: an
edited site, a moved, unpublished or replaced page served from a stale answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage
from stories.models import EventIndexPage, StoryIndexPage
from tests.factories import default_site, home_page, make_story, story_index

pytestmark = pytest.mark.django_db


def site_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, [q["sql"] for q in ctx.captured_queries if "wagtailcore_site" in q["sql"]]


def test_the_site_is_looked_up_once_not_on_every_view(client):
    story = make_story(title="Bænken ved stranden")
    first, first_lookups = site_queries(client, story.url)
    again, later_lookups = site_queries(client, story.url)
    assert first.status_code == again.status_code == 200
    assert "Bænken ved stranden" in again.content.decode()
    assert first_lookups  # the first view asks the database ...
    assert later_lookups == []  # ... later views do not


def test_a_changed_site_root_takes_effect_on_the_next_view(client):
    story = make_story(title="Kor på tværs")
    assert client.get("/").status_code == 200
    # An administrator points the site at the story index instead of the home page.
    site = default_site()
    site.root_page = story_index()
    site.save()
    response = client.get(f"/{story.slug}/")
    assert response.status_code == 200
    assert "Kor på tværs" in response.content.decode()


def test_an_unknown_host_is_remembered_as_the_default_site(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the routing alone, not the page cache
    make_story(title="Strandrens")
    for _ in range(2):
        response = client.get("/historier/", HTTP_HOST="testserver")
        assert response.status_code == 200
    Site.objects.create(hostname="testserver", port=80, root_page=story_index())
    # The new site answers its own host at once: its root is the story index.
    assert client.get("/historier/", HTTP_HOST="testserver").status_code == 404
    assert client.get("/", HTTP_HOST="testserver").status_code == 200


def test_an_unpublished_story_is_gone_at_once(client):
    story = make_story(title="Loppemarked")
    assert client.get(story.url).status_code == 200
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_a_moved_story_answers_at_its_new_address_only(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the routing alone (purging: tests/cms/test_purge.py)
    story = make_story(title="Cykelværksted")
    old_url = story.url
    assert client.get(old_url).status_code == 200
    archive = story_index().add_child(instance=StoryIndexPage(title="Arkiv", slug="arkiv"))
    story.move(archive, pos="last-child")
    story.refresh_from_db()
    assert story.url != old_url
    old = client.get(old_url)  # Wagtail's automatic redirect, not the page
    assert (old.status_code, old["Location"]) == (301, story.url)
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Cykelværksted" in response.content.decode()


def test_a_page_replaced_by_another_kind_at_the_same_address(client):
    home = home_page()
    index = StoryIndexPage(title="Aktiviteter", slug="aktiviteter", intro="Historier.")
    home.add_child(instance=index)
    index.save_revision().publish()
    assert client.get("/aktiviteter/").status_code == 200
    Page.objects.get(pk=index.pk).delete()
    events = EventIndexPage(title="Aktiviteter i Ishøj", slug="aktiviteter")
    HomePage.objects.get(pk=home.pk).add_child(instance=events)
    events.save_revision().publish()
    response = client.get("/aktiviteter/")
    assert response.status_code == 200
    assert "Aktiviteter i Ishøj" in response.content.decode()


def test_a_draft_is_not_served_and_the_front_page_is(client):
    draft = make_story(title="Endnu ikke udgivet", publish=False)
    assert client.get(f"/historier/{draft.slug}/").status_code == 404
    assert client.get("/").status_code == 200


def restrict(page, kind="password"):
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="hemmelig" if kind == "password" else ""
    )


def test_a_story_with_a_password_asks_for_it_after_it_was_served_openly(client, settings):
    """The restriction check is read with the page (home.routing); a story that
    gets a password after residents have read it must ask for it at once."""
    settings.PAGE_CACHE_SECONDS = 0
    story = make_story(title="Snart lukket")
    assert "Snart lukket" in client.get(story.url).content.decode()
    restrict(story)
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Snart lukket" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_restriction_on_the_story_index_closes_every_story_under_it(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    story = make_story(title="Under et lukket afsnit")
    client.get(story.url)
    restrict(story_index(), kind="login")
    response = client.get(story.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_alias_keeps_the_restriction_of_its_source(client, settings):
    """Wagtail takes an alias's view restrictions from its source page."""
    settings.PAGE_CACHE_SECONDS = 0
    index = story_index()
    story = make_story(index=index, title="Kilde med adgangskode")
    restrict(story)
    other_index = StoryIndexPage(title="Genbrug", slug="genbrug")
    home_page().add_child(instance=other_index)
    other_index.save_revision().publish()
    alias = story.create_alias(parent=other_index, update_slug="alias-af-kilden")
    response = client.get(alias.url)
    assert "Kilde med adgangskode" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_an_open_page_is_served_without_asking_for_restrictions(client, settings):
    """No view restriction on the path: the page costs no query to check them."""
    settings.PAGE_CACHE_SECONDS = 0
    story = make_story(title="Helt åben")
    client.get(story.url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(story.url)
    assert "Helt åben" in response.content.decode()
    assert not [q for q in ctx.captured_queries if 'pageviewrestriction" WHERE' in q["sql"]]
