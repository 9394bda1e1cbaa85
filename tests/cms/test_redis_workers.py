"""Two task workers on Redis never run the same task twice.

Scale-out means any number of `rqworker` processes on any number of machines
taking tasks from one Redis queue. Here two real RQ workers (separate
processes, burst mode) drain one queue of tasks enqueued through the Django
Tasks API with django-tasks-rq, and every task must have run exactly once.

The task here is a small one of our own that records each run in Redis, so
the queue's own guarantee is tested apart from our code. For the channel
layer's task (a duplicate of one post, taken by a second worker, must not post
twice) see tests/channels/test_rq_backend.py.
"""

import multiprocessing
import uuid

import pytest
from django.db import connections
from django_tasks import task

from tests.redis_support import redis_url, require_redis

RUNS_KEY = "test-redis-workers-runs"


@task()
def record_run(runs_key: str, url: str, number: int) -> int:
    import redis

    redis.Redis.from_url(url).rpush(runs_key, number)
    return number


def _work(queue_name: str, url: str, worker_name: str) -> None:
    """One worker process: drain the queue once, then exit (burst mode)."""
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    queue = django_rq.get_queue(queue_name, job_class=Job)
    worker = SimpleWorker([queue], connection=queue.connection, job_class=Job, name=worker_name)
    worker.work(burst=True, with_scheduler=False)


@pytest.fixture
def rq_queue(settings):
    client = require_redis()
    queue_name = f"test-{uuid.uuid4().hex[:10]}"
    settings.RQ_QUEUES = {queue_name: {"URL": redis_url()}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [queue_name]}}
    runs_key = f"{RUNS_KEY}-{queue_name}"
    yield queue_name, runs_key
    for key in client.scan_iter(match=f"*{queue_name}*"):
        client.delete(key)
    client.delete(runs_key)


def test_two_workers_run_each_task_exactly_once(rq_queue):
    queue_name, runs_key = rq_queue
    client = require_redis()
    total = 60
    queued = record_run.using(queue_name=queue_name)
    results = [queued.enqueue(runs_key, redis_url(), n) for n in range(total)]
    assert len({r.id for r in results}) == total

    connections.close_all()  # forked workers must not share the parent's connections
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_work, args=(queue_name, redis_url(), f"w{i}-{queue_name}"))
        for i in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert all(w.exitcode == 0 for w in workers), [w.exitcode for w in workers]

    runs = sorted(int(n) for n in client.lrange(runs_key, 0, -1))
    assert runs == list(range(total))
