"""Redis goes away: the site keeps serving from the database.

Redis sits behind a TCP proxy this test starts and cuts (tests/tcp_proxy.py),
as the probe did. While it is cut, pages, listings, feeds, search and the reach
beacon still answer, built from the database; request limits fail open with a
log line; /healthz names Redis. When it comes back, the cache is used again.
"""

import json
import logging
import uuid

import pytest

from channels.reach.models import RawHit
from tests.factories import make_story, story_index
from tests.reach.helpers import BROWSER
from tests.reach.wsgi_client import call_wsgi
from tests.redis_support import REDIS_PORT, REDIS_TEST_DB, require_redis
from tests.stories.event_factories import event_index
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_proxy(settings):
    """Both caches on the real Redis through a proxy; the proxy is returned."""
    client = require_redis()
    proxy = TcpProxy(REDIS_PORT).start()
    prefix = f"test-outage-{uuid.uuid4().hex[:10]}"
    url = f"redis://127.0.0.1:{proxy.port}/{REDIS_TEST_DB}"
    settings.CACHES = {
        alias: {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"{prefix}-{alias}",
            # Try Redis on every call, so the test needs no waiting for the breaker.
            "OPTIONS": {"RETRY_AFTER": 0},
        }
        for alias in ("default", "pages")
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_FALLBACK_ALIAS = ""  # no local copy unless a test adds one
    yield proxy
    proxy.restore()
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    proxy.cut()


def test_pages_feeds_search_and_beacon_answer_while_redis_is_cut(client, redis_proxy, caplog):
    story = make_story(title="Loppemarked på Ishøj Bycenter")
    event_index()
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    assert client.get(story.url)["X-Page-Cache"] == "hit"  # the copy in Redis

    redis_proxy.cut()
    with caplog.at_level(logging.INFO):
        page = client.get(story.url)
        index = client.get(story_index().url)
        feed = client.get("/feeds/det-sker.json")
        search = client.get("/search/?query=loppemarked")
        beacon = client.post(
            "/api/reach/hit",
            data=json.dumps({"p": story.pk, "r": "", "q": ""}),
            content_type="text/plain;charset=UTF-8",
            HTTP_USER_AGENT=BROWSER,
        )
        fast_beacon = call_wsgi(body={"p": story.pk, "r": "", "q": ""}, address="10.0.0.2")

    assert page.status_code == 200 and "Loppemarked på Ishøj Bycenter" in page.content.decode()
    assert page["X-Page-Cache"] == "miss"  # built from the database
    assert "Loppemarked på Ishøj Bycenter" in index.content.decode()
    assert feed.status_code == 200 and feed.json()["items"] == []
    assert "Loppemarked på Ishøj Bycenter" in search.content.decode()
    assert beacon.status_code == 204 and fast_beacon[0] == 204
    assert RawHit.objects.filter(page_id=story.pk).count() == 2  # counted into the database
    logged = caplog.text
    assert "Redis svarer ikke" in logged
    assert "Grænsen public-search tælles ikke" in logged  # the rate limit failed open


def test_healthz_names_redis_and_the_site_stays_in_the_load_balancer(client, redis_proxy):
    assert client.get("/healthz").json()["status"] == "ok"

    redis_proxy.cut()
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded" and body["down"] == ["redis"]
    assert body["cache"]["ok"] is False and body["cache"]["service"] == "redis"
    assert body["database"]["ok"] is True

    redis_proxy.restore()
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["down"] == []


def test_the_cache_is_used_again_when_redis_returns(client, redis_proxy):
    story = make_story(title="Fællesspisning")
    redis_proxy.cut()
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    assert client.get(story.url)["X-Page-Cache"] == "miss"  # nothing can be stored

    redis_proxy.restore()
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    assert client.get(story.url)["X-Page-Cache"] == "hit"


def test_form_limits_fail_open_while_redis_is_cut(client, redis_proxy, settings):
    story_index()
    settings.COMMUNITY_FORM_RATE_LIMIT = 1
    redis_proxy.cut()
    answers = [client.post("/fortael/", {"title": ""}).status_code for _ in range(3)]
    assert answers == [400, 400, 400]


def test_the_page_caches_local_copy_serves_while_redis_is_cut(client, redis_proxy, settings):
    """Each process keeps a short-lived copy of what it stored (PAGE_CACHE_FALLBACK_*),
    read only while Redis is away."""
    settings.CACHES = {
        **settings.CACHES,
        "pages-local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                        "LOCATION": f"pages-local-{uuid.uuid4().hex}"},
    }  # fmt: skip
    settings.PAGE_CACHE_FALLBACK_ALIAS = "pages-local"
    story = make_story(title="Vinterbadning i Ishøj Havn")
    first = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"

    redis_proxy.cut()
    during = client.get(story.url)
    assert during["X-Page-Cache"] == "hit" and during.content == first.content

    redis_proxy.restore()
    assert client.get(story.url)["X-Page-Cache"] == "hit"  # Redis had it all along
