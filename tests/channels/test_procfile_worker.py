"""The Procfile's `worker` and `clock` lines, run as written with TASK_BACKEND=rq.

The lines are read from the Procfile and started through the shell, as honcho
or a platform's process manager would, against the test's PostgreSQL database
and Redis. A story saved in the test reaches Redis as tasks of every kind:
its search-index update (Wagtail's own task), and its Facebook post, which the
stand-in first refuses with a rate limit. All must complete: the index entry
appears, and the post goes out when the platform's pause is over, through
RQ's scheduler, not the clock's 15-minute sweep of lost tasks.

A second test gives a post a retry due at a fraction of a second, which RQ
rounds down: the scheduler wakes the task early, and the task must wait the
moment out instead of finishing as "not due" with the post left marked queued.
"""

from __future__ import annotations

import os
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from channels.models import Publication
from channels.models import PublicationStatus as S
from stories.models import StoryPage
from tests.channels.helpers import publication
from tests.factories import make_story
from tests.process_support import process_database_url
from tests.redis_support import redis_url, require_redis

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(
        not django_settings.USES_POSTGRES,
        reason="worker processes share the test database, which SQLite keeps in memory "
        "(the PostgreSQL pass of .ci/run covers it).",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
OTHER_CHANNELS = (
    "INSTAGRAM_TOKEN",
    "YOUTUBE_ACCESS_TOKEN",
    "YOUTUBE_REFRESH_TOKEN",
    "DETSKER_TOKEN",
)


def procfile_command(name: str) -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"Procfile has no {name} line")


def wait_until(condition, what: str, seconds: float, logs: Path):
    """Poll a condition, bounded; no timing is asserted."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    output = "\n".join(f"--- {p.name}\n{p.read_text()[-4000:]}" for p in logs.glob("*.log"))
    raise AssertionError(f"never happened: {what}\n{output}")


@pytest.fixture
def on_redis(standin, settings):
    """Facebook on the stand-in; the test's tasks go to the test Redis as in production."""
    client = require_redis()
    url = redis_url()
    for key in client.scan_iter(match="rq:*"):
        client.delete(key)
    for name in OTHER_CHANNELS:
        setattr(settings, name, "")
    settings.RQ_QUEUES = {"default": {"URL": url, "DEFAULT_TIMEOUT": 600}}
    settings.RQ = {"JOB_CLASS": "cms.rq_worker.TaskJob"}
    settings.TASKS = django_settings.TASKS_ON_REDIS
    yield url
    for key in client.scan_iter(match="rq:*"):
        client.delete(key)


@pytest.fixture
def procfile(on_redis, standin, tmp_path):
    """start("worker") runs that Procfile line in the test's environment."""
    env = {k: v for k, v in os.environ.items() if k not in OTHER_CHANNELS}
    env.update(
        PATH=f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}",
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        TASK_BACKEND="rq",
        REDIS_URL=on_redis,
        DATABASE_URL=process_database_url(),
        FACEBOOK_API_URL=standin.url,
        FACEBOOK_PAGE_ID=django_settings.CHANNELS["facebook"]["OPTIONS"]["PAGE_ID"],
        FACEBOOK_PAGE_TOKEN=django_settings.CHANNELS["facebook"]["OPTIONS"]["TOKEN"],
        MEDIA_ROOT=str(django_settings.MEDIA_ROOT),  # the post's image, rendered by the worker
    )
    processes = []

    def start(name: str, database_port: int | None = None) -> subprocess.Popen:
        log = (tmp_path / f"{name}.log").open("w")
        process_env = dict(env)
        if database_port:  # through a proxy the test can cut
            process_env["DATABASE_URL"] = process_database_url(database_port)
        process = subprocess.Popen(
            ["sh", "-c", procfile_command(name)],
            cwd=ROOT,
            env=process_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, 15)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=30)


def indexed(title: str) -> bool:
    return StoryPage.objects.live().search(title).count() > 0


def test_the_procfiles_worker_runs_a_publish_a_search_update_and_a_rate_limited_retry(
    procfile, standin, tmp_path
):
    standin.fault("facebook", "rate_limit", count=1)
    story = make_story(title="Strandrensning med Kvindeklubben")
    assert not indexed("Kvindeklubben")  # the index update waits on Redis

    procfile("worker")
    procfile("clock")

    wait_until(lambda: indexed("Kvindeklubben"), "the search index was updated", 120, tmp_path)
    wait_until(
        lambda: publication(story, "facebook").next_attempt_at is not None,
        "the platform's rate limit was recorded",
        120,
        tmp_path,
    )
    paused = publication(story, "facebook")
    assert paused.status == S.QUEUED and not standin.posts()["facebook"]
    # The pause (60 s, the platform's Retry-After) ends in RQ's scheduler.
    wait_until(
        lambda: publication(story, "facebook").status == S.PUBLISHED,
        "the post went out after the pause",
        180,
        tmp_path,
    )
    assert len(standin.posts()["facebook"]) == 1
    assert publication(story, "facebook").enqueued_for is None
    failed = [p for p in tmp_path.glob("worker.log") if "Traceback" in p.read_text()]
    assert not failed, failed[0].read_text()[-4000:]


def test_a_retry_the_scheduler_wakes_early_waits_and_goes_out(procfile, standin, tmp_path):
    from channels.tasks import enqueue

    standin.fault("facebook", "transient", count=1)
    story = make_story(title="Fællesspisning i Vildtbanegård")
    pub = publication(story, "facebook")
    procfile("worker")
    wait_until(
        lambda: (
            publication(story, "facebook").attempts >= 1
            and publication(story, "facebook").status == S.QUEUED
        ),
        "the first attempt failed",
        120,
        tmp_path,
    )
    # Due at .95 of a second, 3 s ahead: RQ keeps whole seconds and wakes the task
    # up to 0.95 s before the post is due.
    now = timezone.now()
    due = now.replace(microsecond=950_000) + timedelta(seconds=3)
    Publication.objects.filter(pk=pub.pk).update(next_attempt_at=due)
    enqueue([(pub.pk, due)])
    wait_until(
        lambda: publication(story, "facebook").status == S.PUBLISHED,
        "the retry went out",
        60,
        tmp_path,
    )
    pub.refresh_from_db()
    assert pub.enqueued_for is None
    assert pub.published_at is None or pub.published_at >= due


def test_the_redis_worker_waits_out_a_database_outage_and_loses_no_task(
    procfile, standin, tmp_path, on_redis
):
    """PostgreSQL away while jobs wait: Wagtail's index and reference jobs and the
    channel post all complete once it is back, none fails for good."""
    import django_rq
    from rq.registry import FailedJobRegistry

    from tests.tcp_proxy import TcpProxy

    port = connection.settings_dict["PORT"] or 5432
    proxy = TcpProxy(int(port)).start()
    try:
        story = make_story(title="Lektiecafé i Ishøj Bibliotek")
        proxy.cut()
        procfile("worker", database_port=proxy.port)
        log = tmp_path / "worker.log"
        wait_until(
            lambda: "mistede databasen" in log.read_text(),
            "the worker met the outage",
            120,
            tmp_path,
        )
        time.sleep(3)  # the database stays away a while longer, the worker keeps waiting
        proxy.restore()
        wait_until(lambda: indexed("Lektiecafé"), "the search index was updated", 120, tmp_path)
        wait_until(
            lambda: publication(story, "facebook").status == S.PUBLISHED,
            "the post went out",
            120,
            tmp_path,
        )
        queue = django_rq.get_queue("default")
        wait_until(lambda: queue.count == 0, "the queue drained", 120, tmp_path)
    finally:
        proxy.cut()
    failed = FailedJobRegistry(queue=queue)
    assert failed.count == 0, [queue.fetch_job(i).exc_info for i in failed.get_job_ids()]
    assert len(standin.posts()["facebook"]) == 1
