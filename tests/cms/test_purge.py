"""Publishing, unpublishing and moving a page purges our cache and the CDN's.

The CDN is a local stand-in: a tiny HTTP server on 127.0.0.1 that records the
PURGE requests it receives, as Varnish or a CDN's purge endpoint would.
"""

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from tests.community.helpers import make_group
from tests.factories import home_page, make_story, story_index
from tests.stories.event_factories import event_index, make_event

pytestmark = pytest.mark.django_db


class _PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purges.append((self.headers.get("Host"), self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    """A purge endpoint on 127.0.0.1 that remembers (Host, path) of every PURGE."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    server.purges = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "cms.frontend_cache.PageCacheAndCDNBackend",
            "CDN_PURGE_URL": f"http://127.0.0.1:{server.server_port}",
            "TIMEOUT": 5,
        }
    }
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def purged_paths(cdn) -> set[str]:
    return {path for _host, path in cdn.purges}


def test_publishing_an_edit_purges_the_page_its_listings_and_feeds(
    client, cdn, django_capture_on_commit_callbacks
):
    story = make_story(title="Café Solstrålen")
    client.get(story.url)
    client.get("/historier/")
    assert client.get(story.url)["X-Page-Cache"] == "hit"
    cdn.purges.clear()

    story.title = "Café Solstrålen flytter"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert {story.url, "/historier/", "/", "/feeds/det-sker.json"} <= purged_paths(cdn)
    page = client.get(story.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Café Solstrålen flytter" in page.content.decode()
    assert "Café Solstrålen flytter" in client.get("/historier/").content.decode()


def test_unpublishing_purges_so_the_page_disappears(
    client, cdn, django_capture_on_commit_callbacks
):
    story = make_story(title="Byttemarked i Glashuset")
    client.get(story.url)
    client.get("/historier/")
    cdn.purges.clear()

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()

    assert {story.url, "/historier/"} <= purged_paths(cdn)
    assert client.get(story.url).status_code == 404
    assert "Byttemarked i Glashuset" not in client.get("/historier/").content.decode()


def test_moving_a_page_purges_its_old_address_and_both_listings(
    client, cdn, django_capture_on_commit_callbacks
):
    """Wagtail itself purges nothing on move; cms.caching adds it."""
    index = story_index()
    other = home_page().add_child(
        instance=type(index)(title="Arkiv", slug="arkiv", intro="Ældre historier.")
    )
    other.save_revision().publish()
    story = make_story(index=index, title="Dyrk Ishøj", slug="dyrk-ishoej")
    old_url = story.url
    client.get(old_url)
    client.get("/historier/")
    assert client.get(old_url)["X-Page-Cache"] == "hit"
    cdn.purges.clear()

    with django_capture_on_commit_callbacks(execute=True):
        story.move(other, pos="last-child")

    assert {old_url, "/arkiv/dyrk-ishoej/", "/historier/", "/arkiv/"} <= purged_paths(cdn)
    old = client.get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert (old.status_code, old["Location"]) == (301, "/arkiv/dyrk-ishoej/")
    assert client.get("/arkiv/dyrk-ishoej/").status_code == 200
    assert "Dyrk Ishøj" not in client.get("/historier/").content.decode()


def test_a_new_slug_purges_the_old_address(client, cdn, django_capture_on_commit_callbacks):
    story = make_story(title="Cykelværkstedet", slug="cykler")
    old_url = story.url
    client.get(old_url)
    assert client.get(old_url)["X-Page-Cache"] == "hit"
    cdn.purges.clear()

    story.slug = "cykelvaerkstedet"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert {old_url, "/historier/cykelvaerkstedet/"} <= purged_paths(cdn)
    old = client.get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert (old.status_code, old["Location"]) == (301, "/historier/cykelvaerkstedet/")
    assert "Cykelværkstedet" in client.get("/historier/cykelvaerkstedet/").content.decode()


def test_a_new_event_reaches_the_cached_feed_at_once(
    client, cdn, django_capture_on_commit_callbacks
):
    event_index()
    client.get("/feeds/det-sker.json")
    assert client.get("/feeds/det-sker.json")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        make_event("Smag på verden", start_date=timezone.localdate() + timedelta(days=7))

    response = client.get("/feeds/det-sker.json")
    assert response["X-Page-Cache"] == "miss"
    assert "Smag på verden" in response.content.decode()


def test_purge_keeps_the_public_host_name(client, cdn, django_capture_on_commit_callbacks):
    story = make_story()
    cdn.purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    hosts = {host for host, _path in cdn.purges}
    assert hosts == {"localhost"}


def test_a_new_event_this_week_reaches_the_cached_front_page(
    client, cdn, django_capture_on_commit_callbacks
):
    event_index()
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    cdn.purges.clear()

    with django_capture_on_commit_callbacks(execute=True):
        make_event("Fællesspisning i Vejleåparken", start_date=timezone.localdate() + timedelta(2))

    assert "/" in purged_paths(cdn)
    front = client.get("/")
    assert front["X-Page-Cache"] == "miss"
    assert "Fællesspisning i Vejleåparken" in front.content.decode()


def test_a_new_story_reaches_the_cached_front_page(client, cdn, django_capture_on_commit_callbacks):
    make_story(title="Strandrensning")
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Sommerfest i Vejleåparken")

    assert "Sommerfest i Vejleåparken" in client.get("/").content.decode()


def test_a_task_sign_up_purges_the_front_page_that_counts_the_hands(
    client, cdn, django_capture_on_commit_callbacks
):
    group = make_group("Dyrk Ishøj", tasks=[("til at bygge højbede", 2)])
    task = group.tasks.get()
    assert "Mangler 2 hænder" in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    cdn.purges.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            group.url + group.reverse_subpage("task_signup", args=[task.pk]),
            {"name": "Karen", "email": "karen@example.dk", "consent": "on"},
        )
    assert response.status_code == 302

    assert {"/", "/grupper/"} <= purged_paths(cdn)
    front = client.get("/")
    assert front["X-Page-Cache"] == "miss"
    assert "Mangler 1 hånd" in front.content.decode()


def test_editing_the_task_board_purges_the_front_page(
    client, cdn, django_capture_on_commit_callbacks
):
    group = make_group("Centergruppen", tasks=[("til at grille", 3)])
    assert "Til at grille" in client.get("/").content.decode()
    cdn.purges.clear()

    group.tasks.get().delete()
    with django_capture_on_commit_callbacks(execute=True):
        group.save_revision().publish()

    assert "/" in purged_paths(cdn)
    assert "Til at grille" not in client.get("/").content.decode()
