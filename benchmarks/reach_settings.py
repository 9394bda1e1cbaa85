"""Settings for `bench_reach_hits`: production-like, its own throwaway database.

REACH_BENCH_DB_URL names the database (set by the command: a SQLite file under
var/, or a separate PostgreSQL database, never the portal's own).
"""

import os
import warnings

from benchmarks import scratch
from benchmarks.databases import throwaway_database
from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "reach-benchmark-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {
    "default": throwaway_database(
        os.environ.get("REACH_BENCH_DB_URL", f"sqlite:///{VAR_DIR / 'bench_reach.sqlite3'}"),  # noqa: F405
        POSTGRES_OPTIONS,  # noqa: F405
    )
}
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Caches of the run's own, never the portal's Redis or page cache (benchmarks/scratch.py).
CACHES = scratch.caches()
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Served on http://127.0.0.1 only: the fediverse backend's https check (E002)
# would stop every management command the benchmark runs.
FEDIVERSE_ALLOW_HTTP_LOOPBACK = True
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at")
# Every simulated visitor comes from 127.0.0.1: the per-client beacon limit
# would stop the load at its first minute's worth of hits.
PUBLIC_RATE_LIMITS = {**PUBLIC_RATE_LIMITS, "beacon": 0}  # noqa: F405
# The benchmark commands themselves (never installed in production).
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
