"""The same exactly-once publishing with the RQ task backend on the real Redis."""

import os

import pytest

from channels import publishing
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication
from tests.factories import make_story

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def rq_backend(settings):
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis på 127.0.0.1:6379 svarer ikke: {exc}")
        pytest.skip(f"Redis på 127.0.0.1:6379 svarer ikke: {exc}")
    import django_rq.queues

    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.queues.get_queue("default")
    queue.empty()
    yield queue
    queue.empty()


def _drain(queue):
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)


def test_publishing_through_rq_posts_once_even_after_a_lost_answer(
    standin, rq_backend, django_capture_on_commit_callbacks
):
    standin.fault("facebook", "lost_answer")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    assert rq_backend.count >= 2  # one task per channel, on Redis
    _drain(rq_backend)
    assert publication(story, "facebook").status == S.UNCONFIRMED

    from channels.governor import governor

    later = governor.now() + __import__("datetime").timedelta(hours=1)
    governor.clock = lambda: later
    publishing.retry_due()
    _drain(rq_backend)

    assert publication(story, "facebook").status == S.PUBLISHED
    assert publication(story, "instagram").status == S.PUBLISHED
    assert len(standin.posts()["facebook"]) == 1
