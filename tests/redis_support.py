"""Shared plumbing for tests that need a real Redis on 127.0.0.1:6379.

Like tests/browser.py for Chromium: without Redis the tests skip locally with
the reason, but fail on CI (CI=true), where a skipped Redis test would hide a gap.
Each test gets a dedicated database (REDIS_TEST_DB, default 14, away from the
cache's 15) and names its keys per run, so parallel runs never meet.
"""

import os

import pytest

REDIS_HOST = "127.0.0.1"
REDIS_PORT = 6379
REDIS_TEST_DB = int(os.environ.get("REDIS_TEST_DB", "14"))


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Redis-test kan ikke køre på CI: {reason}")
    pytest.skip(reason)


def require_redis(db: int = REDIS_TEST_DB):
    """A connected redis.Redis client on `db`, or skip (fail on CI)."""
    try:
        import redis
    except ImportError:
        _missing("Python-pakken redis er ikke installeret (pip install -r requirements.txt)")
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        _missing(f"Redis svarer ikke på {REDIS_HOST}:{REDIS_PORT} ({exc}); start redis-server")
    return client


def redis_url(db: int = REDIS_TEST_DB) -> str:
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{db}"
