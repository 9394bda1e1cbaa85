"""/healthz tells a load balancer and an operator whether this machine is fit."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from channels.tasks import perform_publication
from tests.factories import home_page

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DB_TASKS
    settings.PAGE_CACHE_SECONDS = 300


def test_healthy_portal_answers_200_with_each_check(client, db_tasks):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["cache"]["ok"]
    assert body["tasks"]["backend"] == "db"
    assert body["tasks"]["queued"] == 0
    assert body["tasks"]["oldest_channel_task_age_seconds"] is None


def test_queue_depth_and_age_of_the_oldest_channel_task(client, db_tasks):
    perform_publication.enqueue(1)
    perform_publication.enqueue(2)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    tasks = client.get("/healthz").json()["tasks"]
    assert tasks["queued"] == 2
    assert 299 <= tasks["oldest_channel_task_age_seconds"] <= 330


def test_channel_task_waiting_too_long_is_degraded_but_keeps_the_machine(
    client, db_tasks, settings
):
    """Late workers make late posts, not unservable pages: 200 for the load
    balancer, "degraded" with "tasks" down for the monitoring."""
    settings.HEALTHZ_MAX_TASK_AGE_SECONDS = 900
    perform_publication.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=20))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["down"] == ["tasks"]
    assert response.json()["tasks"]["ok"] is False


def test_redis_outage_with_the_queue_on_redis_keeps_every_machine_in_service(client, settings):
    """TASK_BACKEND=rq and the cache both on a Redis that does not answer: pages
    are served, so 200 "degraded" naming Redis, not a 503 on every machine."""
    from django.test import Client

    nowhere = "redis://127.0.0.1:9/0?socket_connect_timeout=1"  # port 9: nothing listens
    settings.CACHES = {
        alias: {"BACKEND": "home.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
        for alias in ("default", "pages")
    }
    settings.RQ_QUEUES = {"default": {"URL": nowhere}}
    settings.TASKS = settings.TASKS_ON_REDIS
    home_page()
    assert Client().get("/").status_code == 200  # the site itself answers
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert "redis" in body["down"] and "database" not in body["down"]
    assert body["database"]["ok"] is True


def test_unreachable_redis_is_named_and_the_machine_stays_in_service(client, db_tasks, settings):
    """Pages are still built from the database (home.cache), so a load balancer
    must not take the machine out: 200 "degraded", with Redis named as down."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            # Port 9 (discard) on the loopback: nothing listens there.
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded" and body["down"] == ["redis"]
    assert body["cache"] == {"ok": False, "error": "RedisUnavailable", "service": "redis"}


def test_healthz_is_never_cached_and_holds_nothing_personal(client, db_tasks):
    client.get("/healthz")
    response = client.get("/healthz")
    assert "X-Page-Cache" not in response
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies
    text = response.content.decode()
    assert "@" not in text and "127.0.0.1" not in text


def test_a_page_cache_switched_off_is_not_reported_as_down(client, db_tasks, settings):
    # An operator (or a benchmark) may run with the page cache switched off:
    # a load balancer must not take the machine out for it.
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"]["ok"]
