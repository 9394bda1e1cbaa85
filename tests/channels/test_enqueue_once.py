"""The clock enqueues a waiting post once, not every minute.

Against a slow platform the worker falls behind and posts wait in the queue;
the clock's sweep must not add another task for each of them every minute
(the probe counted 315 tasks for 43 posts in ten minutes). Runs on the real
database task backend, whose queue is a table we can count.
"""

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from channels.governor import governor
from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield
    governor.clock = timezone.now


def queued_tasks() -> list[int]:
    return sorted(
        r.args_kwargs["args"][0]
        for r in DBTaskResult.objects.filter(task_path__endswith="perform_publication")
    )


def clock_at(minutes: int) -> None:
    moment = timezone.now() + timedelta(minutes=minutes)
    governor.clock = lambda: moment
    call_command("channels_retry_due", stdout=open("/dev/null", "w"))


def test_the_clock_does_not_enqueue_a_post_already_waiting(
    standin, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Langsom platform")
    waiting = sorted(Publication.objects.filter(status=S.QUEUED).values_list("pk", flat=True))
    assert waiting and queued_tasks() == waiting  # one task per post, from the publish

    for minute in (1, 2, 3, 5, 10):
        clock_at(minute)

    assert queued_tasks() == waiting


def test_a_task_never_taken_is_presumed_lost_and_enqueued_again(
    standin, database_queue, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Tabt opgave")
    waiting = sorted(Publication.objects.filter(status=S.QUEUED).values_list("pk", flat=True))
    DBTaskResult.objects.all().delete()  # the queue lost them (a flushed Redis, say)

    clock_at(1)
    assert queued_tasks() == []
    clock_at(settings.CHANNELS_REQUEUE_AFTER_SECONDS // 60 + 1)
    clock_at(settings.CHANNELS_REQUEUE_AFTER_SECONDS // 60 + 2)

    assert queued_tasks() == waiting


def test_a_queue_outage_loses_no_post_and_the_next_sweep_enqueues_it_once(
    standin, database_queue, settings, django_capture_on_commit_callbacks
):
    """The queue (RQ on Redis) is down when the clock re-enqueues lost posts:
    the sweep survives, and the next one hands each post over once."""
    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Køen var nede")
    waiting = sorted(Publication.objects.filter(status=S.QUEUED).values_list("pk", flat=True))
    DBTaskResult.objects.all().delete()
    lost_after = settings.CHANNELS_REQUEUE_AFTER_SECONDS // 60 + 1

    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{closed_port()}/0"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    clock_at(lost_after)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    clock_at(lost_after + 1)
    clock_at(lost_after + 2)
    assert queued_tasks() == waiting


def closed_port() -> int:
    """A port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
