"""The page benchmark: production-like (no debug), its own throwaway SQLite file."""

import os

from benchmarks import scratch
from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmark-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES["default"] = {  # noqa: F405
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("BENCHMARK_DB", str(VAR_DIR / "benchmark.sqlite3")),  # noqa: F405
    "OPTIONS": DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
    "CONN_MAX_AGE": 600,
}
MEDIA_ROOT = VAR_DIR / "benchmark-media"  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_USE_FINDERS = True
MIDDLEWARE = ["benchmarks.server_timing.ServerTimingMiddleware", *MIDDLEWARE]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Served on http://127.0.0.1 only: the fediverse backend's https check (E002)
# would stop every management command the benchmark runs.
FEDIVERSE_ALLOW_HTTP_LOOPBACK = True

# The load benchmark (benchmark_load) on PostgreSQL: BENCHMARK_DATABASE_URL names a
# database of its own (e.g. postgres://postgres@127.0.0.1:5432/bench_load). Not
# DATABASE_URL, so the page benchmark keeps its SQLite file whatever the shell holds.
if os.environ.get("BENCHMARK_DATABASE_URL"):
    import dj_database_url

    DATABASES["default"] = dj_database_url.parse(  # noqa: F405
        os.environ["BENCHMARK_DATABASE_URL"], conn_max_age=600
    )
    DATABASES["default"]["OPTIONS"] = dict(POSTGRES_OPTIONS)  # noqa: F405
# Caches of the run's own, never the portal's Redis or page cache (benchmarks/scratch.py).
CACHES = scratch.caches()
# One client address drives every request here; per-client limits would stop it.
PUBLIC_RATE_LIMITS = {scope: 0 for scope in PUBLIC_RATE_LIMITS}  # noqa: F405
# The benchmark commands themselves (never installed in production).
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
