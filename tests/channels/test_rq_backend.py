"""The same exactly-once publishing with the RQ task backend on the real Redis."""

import os

import pytest

from channels import reconciling
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
    reconciling.retry_due()
    _drain(rq_backend)

    assert publication(story, "facebook").status == S.PUBLISHED
    assert publication(story, "instagram").status == S.PUBLISHED
    assert len(standin.posts()["facebook"]) == 1


def test_two_workers_on_redis_never_post_the_same_channel_task_twice(
    standin, rq_backend, django_capture_on_commit_callbacks
):
    """A double click, or the clock re-enqueueing a post already queued, puts the
    same channel task on Redis twice; two workers each take one, and the
    platform gets exactly one post."""
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    from channels.tasks import perform_publication

    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="To arbejdere, ét opslag")
    facebook = publication(story, "facebook")
    perform_publication.enqueue(facebook.pk)  # the duplicate
    assert rq_backend.count >= 3

    first, second = (
        SimpleWorker([rq_backend], connection=rq_backend.connection, job_class=Job, name=name)
        for name in (f"a-{story.pk}", f"b-{story.pk}")
    )
    # The first worker runs jobs until the Facebook post is out...
    while publication(story, "facebook").status != S.PUBLISHED and rq_backend.count:
        first.work(burst=True, max_jobs=1)
    # ...and the duplicate, enqueued last, is still waiting for the second one.
    assert rq_backend.count >= 1
    second.work(burst=True)
    assert rq_backend.count == 0

    assert publication(story, "facebook").status == S.PUBLISHED
    posts = [p for p in standin.posts()["facebook"] if "To arbejdere" in p.get("message", "")]
    assert len(posts) == 1
