"""Wagtail's page explorer shows where each story and event went (issue 14).

Under the story index and the event index, the explorer lists the children with
the same channel column as the Historier and Begivenheder listings; every other
part of the page tree keeps Wagtail's explorer as it is.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.community.helpers import secretariat
from tests.factories import home_page, make_story, story_index
from tests.home.admin_text import visible_texts
from tests.stories.event_factories import event_index, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary_client(client):
    client.force_login(secretariat(username="sekretariat-stifinder"))
    return client


def _set(page, channel, status):
    Publication.objects.update_or_create(page=page, channel=channel, defaults={"status": status})


def _explore(client, page, query=""):
    response = client.get(f"/admin/pages/{page.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_the_story_index_explorer_reads_out_each_channel_and_marks_a_failure(secretary_client):
    story = make_story(title="Sommerfest på havnen")
    _set(story, "youtube", S.FAILED)
    _set(story, "facebook", S.PUBLISHED)
    html = _explore(secretary_client, story.get_parent())
    shown = visible_texts(html)
    assert "Kanaler" in shown
    assert "YouTube: Fejlet" in shown and "Facebook-siden: Udgivet" in shown
    assert 'channel-icons__item--critical" title="YouTube: Fejlet"' in html


def test_the_event_index_explorer_shows_a_channel_that_needs_a_new_login(secretary_client):
    event = make_event("Koncert i parken", index=event_index(home_page()))
    _set(event, "instagram", S.NEEDS_LOGIN)
    shown = visible_texts(_explore(secretary_client, event.get_parent()))
    assert "Instagram: Kræver nyt login" in shown


def test_kanaler_med_fejl_in_the_explorer_leaves_only_the_stories_to_fix(secretary_client):
    fine = make_story(title="Gik fint")
    failed = make_story(title="Fejlede på YouTube")
    _set(fine, "facebook", S.PUBLISHED)
    _set(failed, "youtube", S.FAILED)
    html = _explore(secretary_client, story_index(), "?channel_problems=ja")
    assert "Fejlede på YouTube" in html and "Gik fint" not in html


def test_more_stories_in_the_explorer_cost_no_more_queries(secretary_client):
    index = story_index()

    def queries_for_the_explorer():
        with CaptureQueriesContext(connection) as queries:
            _explore(secretary_client, index)
        return len(queries)

    for n in range(2):
        _set(make_story(title=f"Historie {n}"), "youtube", S.FAILED)
    _explore(secretary_client, index)  # caches warmed as on any later visit
    with_two = queries_for_the_explorer()
    for n in range(2, 6):
        _set(make_story(title=f"Historie {n}"), "facebook", S.PUBLISHED)
    assert queries_for_the_explorer() == with_two


def test_the_rest_of_the_page_tree_keeps_wagtails_explorer(secretary_client):
    home = home_page()
    story_index(home)
    shown = visible_texts(_explore(secretary_client, home))
    assert "Historier" in shown
    assert "Kanaler" not in shown


def test_a_made_up_filter_or_ordering_still_lists_the_stories(secretary_client):
    make_story(title="Loppemarked i hallen")
    html = _explore(secretary_client, story_index(), "?channel_problems=maaske&ordering=kanaler")
    assert "Loppemarked i hallen" in html
