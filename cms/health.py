"""/healthz: can this machine serve residents and are the channels keeping up?

For load balancers and operators. A handful of cheap checks, returned as JSON
with English keys; `down` lists what does not answer. 503 only when the
database fails (no page can be served); 200 "degraded" when Redis is away or
the oldest channel task has waited longer than HEALTHZ_MAX_TASK_AGE_SECONDS
(the workers are down or far behind, so posts to Facebook and the others are
late): pages are served, so the load balancer keeps the machine, and
monitoring alerts on the status.
`backups` gives the age of the last good backup and restore drill; it never
changes the status. Nothing personal is reported, and the answer is never cached.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

from cms.backups import status as backup_status
from home.cache import cache_available

logger = logging.getLogger("voresishoej.health")

CHANNEL_TASK_PREFIX = "channels."
# On RQ the queue is read from its head; this many jobs is plenty to find the
# oldest channel task and keeps the check cheap on a long queue.
RQ_SCAN_LIMIT = 200


def _timed(check):
    started = time.perf_counter()
    try:
        result = check()
    except Exception as exc:
        logger.warning("Health check %s failed: %s", check.__name__, exc)
        return {"ok": False, "error": type(exc).__name__}
    result = {"ok": True, **(result or {})}
    result["ms"] = round((time.perf_counter() - started) * 1000, 2)
    return result


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


class RedisUnavailable(Exception):
    """The cache is on Redis and Redis does not answer (home.cache)."""


def check_cache():
    for alias in ("default", settings.PAGE_CACHE_ALIAS):
        cache = caches[alias]
        if isinstance(cache, DummyCache):
            continue  # a cache switched off on purpose stores nothing; that is not an outage
        key, value = f"healthz-{uuid.uuid4().hex}", "ok"
        cache.set(key, value, timeout=10)
        if not cache_available(cache):
            raise RedisUnavailable(alias)
        if cache.get(key) != value:
            raise RuntimeError(f"cache {alias} did not return what was stored")
        cache.delete(key)
    return {"backend": caches["default"].__class__.__name__}


def _uses_redis() -> bool:
    return any(
        isinstance(caches[alias], RedisCache) for alias in ("default", settings.PAGE_CACHE_ALIAS)
    )


def _task_backend() -> str:
    """The task library's backend path, also behind our subclass (cms.task_backends)."""
    configured = settings.TASKS["default"]["BACKEND"]
    for cls in import_string(configured).__mro__:
        if cls.__module__.startswith(("django_tasks_db", "django_tasks_rq")):
            return f"{cls.__module__}.{cls.__name__}"
    return configured


def check_tasks():
    """Queue depth, and the age of the oldest channel task still waiting."""
    backend = _task_backend()
    if backend.startswith("django_tasks_db"):
        # Only the configured backend is loaded: its models exist only when installed.
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        oldest = (
            ready.filter(task_path__startswith=CHANNEL_TASK_PREFIX)
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
        return _task_report("db", ready.count(), oldest)
    if backend.startswith("django_tasks_rq"):
        import django_rq  # only the configured backend is loaded (see above)

        queue = django_rq.get_queue("default")
        oldest = None
        for job in queue.get_jobs(0, RQ_SCAN_LIMIT):
            if job is not None and (job.func_name or "").startswith(CHANNEL_TASK_PREFIX):
                enqueued = job.enqueued_at
                if enqueued is not None and timezone.is_naive(enqueued):
                    enqueued = timezone.make_aware(enqueued, timezone.UTC)
                if enqueued is not None and (oldest is None or enqueued < oldest):
                    oldest = enqueued
        return _task_report("rq", queue.count, oldest)
    return _task_report(backend.rsplit(".", 1)[-1], None, None)


def _task_report(kind, queued, oldest):
    """`oldest_channel_task_age_seconds` is null when no channel task waits."""
    age = None
    if oldest is not None:
        age = max(0.0, round((timezone.now() - oldest).total_seconds(), 1))
    return {
        "backend": kind,
        "queued": queued,
        "oldest_channel_task_age_seconds": age,
    }


@never_cache
def healthz(request):
    """`down` names each part that does not answer ("database", "redis", "tasks").

    The status code answers one question, the load balancer's: can this machine
    serve pages? Only the database decides that ("fail", 503). Redis away (cache
    and, on RQ, the task queue) or channel tasks waiting too long are "degraded"
    with 200: every page is still built from the database (home.cache), and a
    load balancer that took every machine out for them would turn a slower site,
    or late Facebook posts, into no site. Monitoring alerts on `status`.
    """
    database = _timed(check_database)
    cache = _timed(check_cache)
    tasks = _timed(check_tasks)
    limit = settings.HEALTHZ_MAX_TASK_AGE_SECONDS
    age = tasks.get("oldest_channel_task_age_seconds")
    tasks_ok = tasks["ok"] and (age is None or age <= limit)
    queue_on_redis = _task_backend().startswith("django_tasks_rq")
    redis_used = _uses_redis() or queue_on_redis
    if redis_used:
        cache["service"] = "redis"
    redis_down = not cache["ok"] or (queue_on_redis and not tasks["ok"])
    down = ["database"] if not database["ok"] else []
    if redis_down:
        down.append("redis" if redis_used else "cache")
    if not tasks_ok:
        down.append("tasks")
    if not down:
        status, code = "ok", 200
    elif "database" in down:
        status, code = "fail", 503
    else:
        status, code = "degraded", 200
    body = {
        "status": status,
        "down": down,
        "database": database,
        "cache": cache,
        "tasks": {**tasks, "max_age_seconds": limit, "ok": tasks_ok},
        # Age of the last good backup and restore drill; reported, never a reason
        # for a load balancer to take this machine out (status stays as above).
        "backups": _timed(backup_status.health),
    }
    return JsonResponse(body, status=code)
