"""Beacons written to the database in batches, not one INSERT each.

Every page view on the site sends a beacon. One INSERT per beacon costs a
database round trip and a commit each, which was most of what the endpoint
did (bench_reach_hits: about half the throughput). Here a web process keeps
its beacons in memory and one thread of its own writes them, in one
transaction, when REACH_HIT_BATCH_SIZE have gathered or REACH_HIT_FLUSH_SECONDS
have passed, and when the process exits normally (a deploy, a gunicorn
restart). A request never waits for the database.

What that costs: a web process that is killed outright loses the beacons of
its last REACH_HIT_FLUSH_SECONDS. A failed write keeps its rows and tries
again at the next flush; a process stopped gracefully while the database is
away tries for REACH_HIT_SHUTDOWN_WAIT_SECONDS, then logs and counts the
beacons it must give up (`lose`), as it does for a beacon whose day's salt
could not be read (counting.record_hit). REACH_HIT_BATCH_SIZE = 1 writes every beacon at once,
in the request (the test settings do, so a test sees its hit in the database).
"""

from __future__ import annotations

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import (
    DatabaseError,
    DataError,
    IntegrityError,
    close_old_connections,
    connection,
    transaction,
)

from .models import RawHit

logger = logging.getLogger(__name__)

# The columns a beacon writes, in the order record_hit passes them.
FIELDS = (
    "at",
    "day",
    "day_key",
    "month_key",
    "page_id",
    "source",
    "utm_source",
    "utm_campaign",
    "utm_content",
)
# Rows kept while the database cannot be reached; beyond this the oldest go
# (and the log says how many), so an outage cannot exhaust the web process.
MAX_PENDING = 100_000

_pending: list[tuple] = []
_lock = threading.Lock()
_batch_full = threading.Event()
_writer: tuple[threading.Thread, threading.Event] | None = None


def add(row: tuple) -> None:
    """Queue one beacon's values (in FIELDS order) for the writer thread."""
    if settings.REACH_HIT_BATCH_SIZE <= 1:
        _insert([row])
        return
    with _lock:
        _pending.append(row)
        full = len(_pending) >= settings.REACH_HIT_BATCH_SIZE
        _start_writer()
    if full:
        _batch_full.set()


def _start_writer() -> None:
    """Called under _lock: one writer thread per process, started by its first beacon."""
    global _writer
    if _writer is None:
        stopping = threading.Event()
        thread = threading.Thread(
            target=_write_continually, args=(stopping,), name="reach-hits", daemon=True
        )
        _writer = (thread, stopping)
        thread.start()


_lost = 0


def lost() -> int:
    """Beacons this process answered 204 but could not store (see `lose`)."""
    return _lost


def lose(count: int, why: str) -> None:
    """Give up `count` beacons already answered, counted and logged in one line.

    The visitor was answered (a beacon is never told it was not counted); the
    operator reads the loss in the log ("besøgstællinger tabt") and the
    secretariat's figures for the period are that much short.
    """
    global _lost
    if count <= 0:
        return
    with _lock:
        _lost += count
        total = _lost
    logger.error("%d besøgstællinger tabt (%s); i alt %d tabt i denne proces.", count, why, total)


def stop() -> None:
    """Let the writer finish the batch in hand, then write what is left.

    Runs when the process exits normally (a deploy, a graceful restart); tests
    call it to end their writer. While the database is away it keeps trying
    for REACH_HIT_SHUTDOWN_WAIT_SECONDS (inside gunicorn's graceful timeout),
    then logs and counts what it could not write instead of dropping it silently.
    """
    global _writer
    with _lock:
        writer, _writer = _writer, None
    if writer is not None:
        thread, stopping = writer
        stopping.set()
        _batch_full.set()
        thread.join(timeout=10)
    deadline = time.monotonic() + settings.REACH_HIT_SHUTDOWN_WAIT_SECONDS
    flush()
    while pending() and time.monotonic() < deadline:
        time.sleep(0.5)
        close_old_connections()
        flush()
    with _lock:
        left = len(_pending)
        _pending.clear()
    lose(left, "databasen svarede ikke, da processen stoppede")


def pending() -> int:
    with _lock:
        return len(_pending)


def flush() -> int:
    """Write every queued beacon in one transaction; returns how many were written."""
    with _lock:
        rows = _pending[:]
        _pending.clear()
    if not rows:
        return 0
    try:
        _insert(rows)
    except (IntegrityError, DataError):
        return _insert_one_by_one(rows)
    except DatabaseError:
        logger.exception("%d besøgstællinger kunne ikke gemmes; de prøves igen.", len(rows))
        _queue_again(rows)
        return 0
    return len(rows)


def _insert_one_by_one(rows: list[tuple]) -> int:
    """A row the database refuses for good must not hold back every beacon after it."""
    written = 0
    for index, row in enumerate(rows):
        try:
            _insert([row])
            written += 1
        except (IntegrityError, DataError):
            logger.exception("En besøgstælling blev afvist af databasen og er opgivet: %r", row)
        except DatabaseError:
            logger.exception("Besøgstællinger kunne ikke gemmes; de prøves igen.")
            _queue_again(rows[index:])
            break
    return written


def _queue_again(rows: list[tuple]) -> None:
    with _lock:
        _pending[:0] = rows
        overflow = len(_pending) - MAX_PENDING
        if overflow > 0:
            del _pending[:overflow]
    if overflow > 0:
        lose(overflow, "for mange ventede på databasen")


def _insert(rows: list[tuple]) -> None:
    """All rows or none: a failed batch is queued again whole, never twice in part.

    One prepared INSERT sent for every row (psycopg pipelines them in one
    round trip); plain SQL rather than bulk_create, whose per-object work
    would cost more than the write itself on this path.
    """
    quote = connection.ops.quote_name
    columns = ", ".join(quote(RawHit._meta.get_field(name).column) for name in FIELDS)
    sql = (
        f"INSERT INTO {quote(RawHit._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(FIELDS))})"
    )
    # The two values a database may want in its own form (SQLite: text).
    adapt_at = connection.ops.adapt_datetimefield_value
    adapt_day = connection.ops.adapt_datefield_value
    params = [(adapt_at(at), adapt_day(day), *rest) for at, day, *rest in rows]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _write_continually(stopping: threading.Event) -> None:
    """The writer thread: a batch when it is full, stragglers within seconds."""
    try:
        while not stopping.is_set():
            _batch_full.wait(timeout=settings.REACH_HIT_FLUSH_SECONDS)
            _batch_full.clear()
            try:
                flush()
                # This thread's own connection: drop it if the database went away.
                close_old_connections()
            except Exception:  # the thread must outlive any one bad write
                logger.exception("Besøgstællingerne kunne ikke skrives.")
    finally:
        connection.close()


# A process that never counted a beacon has nothing to write: stop() returns at once.
atexit.register(stop)
