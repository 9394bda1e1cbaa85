"""The story index as the archive grows: the topic list stays true as stories
come and go, every page still shows the right stories, and a page costs the
same number of queries with 30 stories as with 90."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import make_image, make_story, story_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the topic counts) at the end of the block,
    as it would after the editor's request."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def topic_links(client) -> dict[str, str]:
    html = client.get("/historier/").content.decode()
    nav = html.split('aria-label="Filtrer efter emne"')[1].split("</nav>")[0]
    return {
        name: count
        for name, count in re.findall(r'emne=[^"]+">([^<]+) <span class="count">\((\d+)\)', nav)
    }


def titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a href="[^"]+">Dag (\d\d)</a>', html)


class TestTopicList:
    def test_lists_each_topic_with_its_number_of_stories(self, client, committed):
        with committed():
            make_story(tags=["natur", "mad"])
            make_story(tags=["natur"])
        assert topic_links(client) == {"mad": "1", "natur": "2"}

    def test_an_unpublished_story_leaves_its_topics(self, client, committed):
        with committed():
            first = make_story(tags=["natur", "mad"])
            make_story(tags=["natur"])
        with committed():
            first.unpublish()
        assert topic_links(client) == {"natur": "1"}

    def test_a_deleted_story_leaves_its_topics(self, client, committed):
        with committed():
            make_story(tags=["natur"])
            second = make_story(tags=["natur", "ældre"])
        with committed():
            second.delete()
        assert topic_links(client) == {"natur": "1"}

    def test_republishing_with_other_topics_moves_the_count(self, client, committed):
        with committed():
            story = make_story(tags=["natur"])
        story.tags.set(["mad"])
        with committed():
            story.save_revision().publish()
        assert topic_links(client) == {"mad": "1"}

    def test_a_story_behind_a_log_in_is_not_counted(self, client, committed):
        with committed():
            make_story(tags=["natur"])
            private = make_story(tags=["natur", "mad"])
        with committed():
            PageViewRestriction.objects.create(page=private, restriction_type="login")
        assert topic_links(client) == {"natur": "1"}
        html = client.get("/historier/?emne=mad").content.decode()
        assert "Ingen historier om dette emne endnu." in html


class TestPages:
    @pytest.fixture
    def archive(self, committed):
        """25 stories, one a day in May, three pages of twelve."""
        image = make_image()
        with committed():
            for day in range(1, 26):
                tags = ["natur"] if day % 2 else ["mad"]
                make_story(
                    title=f"Dag {day:02d}", date=datetime.date(2026, 5, day), image=image, tags=tags
                )

    def test_every_page_is_newest_first_and_the_last_has_the_oldest(self, client, archive):
        pages = [client.get(f"/historier/?side={n}").content.decode() for n in (1, 2, 3)]
        assert titles(pages[0]) == [f"{d:02d}" for d in range(25, 13, -1)]
        assert titles(pages[1]) == [f"{d:02d}" for d in range(13, 1, -1)]
        assert titles(pages[2]) == ["01"]
        assert "Side 3 af 3" in pages[2]

    def test_a_page_past_the_end_shows_the_last(self, client, archive):
        html = client.get("/historier/?side=99").content.decode()
        assert titles(html) == ["01"] and "Side 3 af 3" in html

    def test_the_topic_filter_pages_through_its_own_stories(self, client, archive):
        first = client.get("/historier/?emne=natur").content.decode()
        last = client.get("/historier/?emne=natur&side=2").content.decode()
        assert titles(first) == [f"{d:02d}" for d in range(25, 1, -2)]
        assert titles(last) == ["01"]
        assert "Side 2 af 2" in last and 'href="?side=1&amp;emne=natur"' in last


def count_queries(client, url: str) -> int:
    for _ in range(2):  # warm up: renditions and the site's settings are made on first view
        client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_index_pages_cost_the_same_queries_with_30_and_90_stories(client, settings, committed):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own queries, not the page cache's copy
    image = make_image()
    index = story_index()

    def grow_to(n: int) -> dict[str, int]:
        with committed():
            for i in range(index.get_children().count(), n):
                make_story(index=index, image=image, tags=[f"emne-{i % 3}"])
        last = -(-n // 12)
        return {
            url: count_queries(client, url)
            for url in (
                "/historier/",
                "/historier/?emne=emne-1",
                f"/historier/?side={last}",
                f"/historier/?side={last // 2}",
                "/api/v2/pages/?type=stories.StoryPage&limit=20",
            )
        }

    with_30 = grow_to(30)
    with_90 = grow_to(90)
    assert list(with_90.values()) == list(with_30.values()), (with_30, with_90)


def test_the_api_list_counts_only_live_public_stories(client, committed):
    with committed():
        make_story()
        hidden = make_story()
        private = make_story()
    with committed():
        hidden.unpublish()
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    data = client.get("/api/v2/pages/?type=stories.StoryPage&limit=1").json()
    assert data["meta"]["total_count"] == 1 and len(data["items"]) == 1
    beyond = client.get("/api/v2/pages/?type=stories.StoryPage&limit=1&offset=1").json()
    assert beyond["meta"]["total_count"] == 1 and beyond["items"] == []


def test_a_filtered_api_list_counts_what_it_filtered(client, committed):
    with committed():
        make_story(title="Strandrensning")
        make_story(title="Kaffe i Vejleåparken")
    data = client.get("/api/v2/pages/?type=stories.StoryPage&title=Strandrensning").json()
    assert data["meta"]["total_count"] == 1
    assert [item["title"] for item in data["items"]] == ["Strandrensning"]
