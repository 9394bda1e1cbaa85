"""The test suite: fast hashing, in-memory mail, no manifest for static files."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# The tests load the demo and talk to the platform stand-in (demo/).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# Tasks run at once, unless a test starts real processes on Redis (TASK_BACKEND=rq,
# tests/cms/test_procfile_worker.py): then they go where production sends them.
if os.environ.get("TASK_BACKEND") != "rq":  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Caches: local memory, or the shared Redis (REDIS_URL) under a prefix of this
# run's own, so two suites on one Redis database never see each other's keys
# (tests/conftest.py clears only this prefix).
if REDIS_URL:  # noqa: F405
    import uuid

    _RUN_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    for _alias, _cache in CACHES.items():  # noqa: F405
        _cache["KEY_PREFIX"] = f"{_RUN_PREFIX}-{_alias}"
else:
    CACHES = {  # noqa: F405
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "pages")
    }

# Each beacon is written as it arrives, so a test sees its hit in the database
# (tests/reach/test_hit_buffer.py sets a batch size to test the batching).
REACH_HIT_BATCH_SIZE = 1

# No tile server here: a test that wants the map picture starts its own
# (tests/locations/test_map_teaser.py); the others never reach for the internet.
MAP_TILE_URL = ""

# A fediverse server on this machine (the demo's follower, the test peer) may follow the portal.
FEDIVERSE_ALLOW_HTTP_LOOPBACK = True
