"""Beacons written in batches by a web process's writer thread (hit_buffer.py):
none lost on the way, none written twice."""

import datetime
import time

import pytest
from django.db import connection

from channels.reach import hit_buffer
from channels.reach.models import RawHit

from .helpers import at, hit
from .wsgi_client import call_wsgi

WAIT_SECONDS = 10
DAY = datetime.date(2025, 3, 10)


@pytest.fixture
def batching(settings):
    """Batches of 3, and a straggler flush that never comes unless a test asks."""
    settings.REACH_HIT_BATCH_SIZE = 3
    settings.REACH_HIT_FLUSH_SECONDS = 3600
    yield settings
    hit_buffer.stop()


def stored_within(count: int) -> int:
    """The rows in the database once `count` are there, or after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while RawHit.objects.count() < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return RawHit.objects.count()


@pytest.mark.django_db(transaction=True)
def test_beacons_wait_for_a_full_batch_then_are_written_together(batching):
    for _ in range(2):
        assert call_wsgi(body={"p": 7})[0] == 204
    assert hit_buffer.pending() == 2
    assert RawHit.objects.count() == 0
    call_wsgi(body={"p": 7})
    assert stored_within(3) == 3
    assert hit_buffer.pending() == 0


@pytest.mark.django_db(transaction=True)
def test_a_quiet_site_gets_its_beacons_written_within_the_flush_interval(batching):
    batching.REACH_HIT_BATCH_SIZE = 100
    batching.REACH_HIT_FLUSH_SECONDS = 0.05
    call_wsgi(body={"p": 7})
    assert stored_within(1) == 1


@pytest.mark.django_db(transaction=True)
def test_beacons_still_queued_when_the_process_stops_are_written(batching):
    batching.REACH_HIT_BATCH_SIZE = 100
    for _ in range(5):
        call_wsgi(body={"p": 1})
    assert RawHit.objects.count() == 0
    hit_buffer.stop()
    assert RawHit.objects.count() == 5
    assert hit_buffer.pending() == 0


@pytest.mark.django_db
def test_a_failed_write_keeps_the_beacons_for_the_next_one(batching):
    batching.REACH_HIT_BATCH_SIZE = 100
    hit(when=at(DAY, 10))
    hit(when=at(DAY, 11), address="10.0.0.2")
    table = connection.ops.quote_name(RawHit._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO reach_rawhit_away")
    assert hit_buffer.flush() == 0  # the database says no such table
    assert hit_buffer.pending() == 2
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE reach_rawhit_away RENAME TO {table}")
    assert hit_buffer.flush() == 2
    assert RawHit.objects.count() == 2 and hit_buffer.pending() == 0


@pytest.mark.django_db
def test_a_row_the_database_refuses_does_not_hold_back_the_others(batching, caplog):
    batching.REACH_HIT_BATCH_SIZE = 100
    when = at(DAY, 10)
    hit(when=when)
    # A source the column cannot hold (NOT NULL): refused for good.
    hit_buffer.add((when, DAY, 1, 1, None, None, "", "", ""))
    hit(when=when, address="10.0.0.2")
    assert hit_buffer.flush() == 2
    assert RawHit.objects.count() == 2 and hit_buffer.pending() == 0
    assert "afvist af databasen" in caplog.text
