"""Telling an outage of the database or Redis from a bug, and waiting one out.

The web processes answer an outage with a Danish 503 (cms.outages); the task
worker and the clock wait for the database to come back and carry on by
themselves. Both need to know which exceptions mean "a server we depend on is
away" rather than "our code is wrong", and a bounded way to wait: this module.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import DatabaseError, InterfaceError, OperationalError, connections

logger = logging.getLogger("voresishoj.outages")

T = TypeVar("T")

DATABASE_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)
"""What Django raises when the database cannot be reached or the connection broke."""


def _redis_errors() -> tuple[type[BaseException], ...]:
    try:
        from redis.exceptions import ConnectionError, TimeoutError
    except ImportError:  # Redis is optional
        return ()
    return (ConnectionError, TimeoutError)


REDIS_ERRORS = _redis_errors()
OUTAGE_ERRORS = DATABASE_ERRORS + REDIS_ERRORS


def is_database_outage(exc: BaseException) -> bool:
    """True for a lost or refused database connection, also when wrapped by
    another error (a task's result that could not be saved, say)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DATABASE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def drop_broken_connections() -> None:
    """Close every database connection, so the next query opens a fresh one.

    After a server restart the old socket is dead; Django would otherwise keep
    answering InterfaceError ("connection already closed") on it.
    """
    for conn in connections.all(initialized_only=True):
        # Closing a dead connection may fail; it is gone either way.
        with contextlib.suppress(DatabaseError):
            conn.close()


def database_answers(alias: str = "default") -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DATABASE_ERRORS:
        drop_broken_connections()
        return False


def backoff(attempt: int, *, first: float = 0.5, cap: float = 30.0) -> float:
    """Seconds to wait before the `attempt`-th retry (1-based): doubling, capped."""
    return min(cap, first * 2 ** max(0, attempt - 1))


def wait_for_database(
    max_seconds: float,
    *,
    sleep: Callable[[float], None] = time.sleep,
    cap: float = 30.0,
    what: str = "",
) -> bool:
    """Wait until the database answers again, at most `max_seconds`; True if it does."""
    deadline = time.monotonic() + max_seconds
    attempt = 0
    while True:
        if database_answers():
            if attempt:
                logger.warning("Databasen svarer igen%s.", f" ({what})" if what else "")
            return True
        attempt += 1
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        delay = min(backoff(attempt, cap=cap), left)
        logger.warning(
            "Databasen svarer ikke%s; prøver igen om %.1f s.", f" ({what})" if what else "", delay
        )
        sleep(delay)


def retry_through_database_outage(func: Callable[[], T], max_seconds: float, what: str) -> T:
    """Run `func`; if the database is away, wait for it (bounded) and run it again.

    For writes that must not be lost (a channel post's outcome): the process
    holds the only copy of the answer until it is stored. Gives up with the
    last error after `max_seconds`.
    """
    deadline = time.monotonic() + max_seconds
    while True:
        try:
            return func()
        except DATABASE_ERRORS:
            drop_broken_connections()
            left = deadline - time.monotonic()
            if left <= 0 or not wait_for_database(left, what=what):
                raise
