"""PostgreSQL goes away: cached pages keep serving, the rest answers a Danish
503, and the task worker and the clock carry on by themselves when it returns.

PostgreSQL sits behind a TCP proxy the test starts and cuts (tests/tcp_proxy.py),
as the probe did. The connection settings point at the proxy; the servers are real.
"""

import threading
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.clock import PeriodicJob
from cms.management.commands.run_clock import run_scheduled_job
from cms.management.commands.task_worker import ResilientWorker
from home.outages import drop_broken_connections
from stories.models import StoryPage
from tests.factories import make_story, story_index

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.USES_POSTGRES,
        reason="cuts the connection to PostgreSQL; this run uses SQLite "
        "(the PostgreSQL pass of .ci/run covers it).",
    ),
]

UNAVAILABLE = "Siden er midlertidigt utilgængelig"


def wait_until(condition, what: str, tries: int = 600):
    """Poll a condition, bounded; no timing is asserted."""
    for _ in range(tries):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


def test_cached_pages_keep_serving_and_the_rest_answers_a_danish_503(database_proxy, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client = Client(raise_request_exception=False)
    editor_client = Client(raise_request_exception=False)
    editor_client.force_login(
        get_user_model().objects.create_superuser("sekretariat", "s@example.dk", "x")
    )
    story = make_story(title="Sankthans ved stranden")
    client.get(story.url)
    index_url = story_index().url

    database_proxy.cut()
    cached = client.get(story.url)
    listing = client.get(index_url + "?emne=ikke-i-cachen")
    form = client.post("/fortael/", {"title": "Min historie"})
    admin = editor_client.get("/admin/")  # the session needs the database
    health = client.get("/healthz")

    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    assert "Sankthans ved stranden" in cached.content.decode()
    for response in (listing, form, admin):
        assert response.status_code == 503, response
        assert UNAVAILABLE in response.content.decode()
        assert response["Retry-After"] == "30" and "no-store" in response["Cache-Control"]
    assert health.status_code == 503 and "database" in health.json()["down"]

    database_proxy.restore()
    assert client.get(index_url + "?emne=ikke-i-cachen").status_code == 200
    assert client.get("/healthz").json()["database"]["ok"] is True


# -- the task worker ---------------------------------------------------------------

cut_now = threading.Event()
database_cut = threading.Event()


@task()
def count_stories_after_the_cut() -> int:
    """Runs until the test has cut the database, then needs it."""
    cut_now.set()
    database_cut.wait(timeout=30)
    return StoryPage.objects.count()


@task()
def count_stories() -> int:
    return StoryPage.objects.count()


def test_the_worker_survives_a_cut_database_and_works_on_when_it_returns(database_proxy, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cut_now.clear()
    database_cut.clear()
    make_story()
    interrupted = count_stories_after_the_cut.enqueue()
    worker = ResilientWorker(
        queue_names=["default"], interval=0.05, batch=False, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="test-worker", excluded_queue_names=[],
        max_outage_seconds=120, backoff_cap=0.2,
    )  # fmt: skip
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    try:
        assert cut_now.wait(timeout=60)
        database_proxy.cut()  # mid-task: the task and recording its result both fail
        database_cut.set()
        wait_until(lambda: worker.outages >= 1, "the worker noticed the outage")
        assert thread.is_alive()

        database_proxy.restore()
        drop_broken_connections()
        after = count_stories.enqueue()
        wait_until(
            lambda: DBTaskResult.objects.get(pk=after.id).status == TaskResultStatus.SUCCESSFUL,
            "the worker ran a task after the database returned",
        )
    finally:
        worker.running = False
        database_proxy.restore()
        thread.join(timeout=30)

    assert DBTaskResult.objects.get(pk=after.id).return_value == 1
    cut_off = DBTaskResult.objects.get(pk=interrupted.id)
    assert cut_off.status == TaskResultStatus.FAILED  # recorded, not "running" for ever
    assert "OperationalError" in cut_off.exception_class_path


# -- the clock ---------------------------------------------------------------------


def test_the_clock_skips_a_tick_while_the_database_is_cut_and_then_carries_on(
    database_proxy, caplog
):
    import datetime

    from django.utils import timezone

    story = make_story(title="Planlagt under nedbrud", publish=False)
    revision = story.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    StoryPage.objects.filter(pk=story.pk).update(go_live_at=revision.approved_go_live_at)
    job = PeriodicJob("publish_scheduled", minutes=1)

    database_proxy.cut()
    run_scheduled_job(job)  # does not raise
    assert "publish_scheduled skipped: the database is unavailable" in caplog.text

    database_proxy.restore()
    run_scheduled_job(job)
    assert StoryPage.objects.get(pk=story.pk).live


def test_the_clock_command_survives_a_cut_database(database_proxy):
    database_proxy.cut()
    call_command("run_clock", "--once")  # every job, none raises
