"""A worker killed outright mid-send: its post goes out once, soon after.

Real `manage.py task_worker` processes on the test's PostgreSQL database take
the post; the stand-in makes the platform act and then hold its answer, and
the test kills the worker with SIGKILL while it waits. The clock's sweep runs
under a controlled clock from the last sign of life the worker left: the post
is held while the lease lasts and given back when it ran out, and a new worker
finds the post already on the platform instead of sending it again.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django_tasks_db.models import DBTaskResult

from channels import reconciling
from channels.governor import governor
from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication
from tests.factories import make_story
from tests.process_support import process_database_url

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
LEASE = 3  # seconds; short, so the test sees the worker renew it while it waits
OTHER_CHANNELS = (
    "INSTAGRAM_TOKEN",
    "YOUTUBE_ACCESS_TOKEN",
    "YOUTUBE_REFRESH_TOKEN",
    "DETSKER_TOKEN",
)


def wait_until(condition, what: str, seconds: float = 60):
    """Poll a condition, bounded; no timing is asserted."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"never happened: {what}")


def start_worker(name: str, standin_url: str, logs: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in OTHER_CHANNELS}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.channels.worker_settings",
        DATABASE_URL=process_database_url(),
        FACEBOOK_API_URL=standin_url,
        FACEBOOK_PAGE_ID=django_settings.CHANNELS["facebook"]["OPTIONS"]["PAGE_ID"],
        FACEBOOK_PAGE_TOKEN=django_settings.CHANNELS["facebook"]["OPTIONS"]["TOKEN"],
        MEDIA_ROOT=str(django_settings.MEDIA_ROOT),  # the post's image, rendered by the worker
        CHANNELS_CLAIM_LEASE_SECONDS=str(LEASE),
        CHANNELS_HTTP_TIMEOUT="300",
    )
    log = (logs / f"{name}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "manage.py", "task_worker", "--interval", "0.1", "--no-startup-delay",
         "--no-reload", "--worker-id", name],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def sweep_at(moment):
    governor.clock = lambda: moment
    return reconciling.retry_due()


def claimed_at(pub):
    return Publication.objects.values_list("claimed_at", flat=True).get(pk=pub.pk)


@pytest.fixture
def facebook_only(standin, settings):
    """The stand-in's Facebook, on the database queue; no other channel is configured."""
    settings.CHANNELS = {"facebook": settings.CHANNELS["facebook"]}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CHANNELS_CLAIM_LEASE_SECONDS = LEASE
    return standin


def test_a_post_whose_worker_was_killed_mid_send_goes_out_once_after_one_lease(
    facebook_only, tmp_path
):
    standin = facebook_only
    standin.fault("facebook", "slow_answer", delay=60)
    workers = [start_worker("worker-killed", standin.url, tmp_path)]
    try:
        story = make_story(title="Sendt mens arbejderen døde")
        pub = publication(story, "facebook")
        wait_until(lambda: len(standin.posts()["facebook"]) == 1, "the platform made the post")
        assert publication(story, "facebook").status == S.PUBLISHING

        # Alive and waiting for the platform: the worker renews its lease, and
        # the sweep leaves the post with it.
        first = claimed_at(pub)
        wait_until(lambda: claimed_at(pub) > first, "the waiting worker renewed its lease")
        renewed = claimed_at(pub)
        sweep_at(renewed + timedelta(seconds=LEASE - 0.5))
        assert publication(story, "facebook").status == S.PUBLISHING

        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(timeout=30)
        last_sign_of_life = claimed_at(pub)

        sweep_at(last_sign_of_life + timedelta(seconds=LEASE - 0.5))
        assert publication(story, "facebook").status == S.PUBLISHING  # the lease still runs
        sweep_at(last_sign_of_life + timedelta(seconds=LEASE + 0.5))
        pub.refresh_from_db()
        assert pub.status == S.UNCONFIRMED and "tjekkes" in pub.last_error
        assert DBTaskResult.objects.filter(
            task_path="channels.tasks.perform_publication", args_kwargs__args=[pub.pk],
            status="READY",
        ).exists()  # fmt: skip

        workers.append(start_worker("worker-new", standin.url, tmp_path))
        wait_until(
            lambda: publication(story, "facebook").status == S.PUBLISHED,
            "a new worker settled the post",
        )
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=30)

    posts = standin.posts()["facebook"]
    assert len(posts) == 1
    assert publication(story, "facebook").external_id == posts[0]["id"]
