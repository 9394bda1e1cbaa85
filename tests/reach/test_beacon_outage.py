"""The beacon while PostgreSQL is away: answered, never a 500, and every beacon
it cannot keep is logged and counted (docs/reach-api.md says when that happens)."""

import logging

import pytest
from django.conf import settings as django_settings

from channels.reach import counting, hit_buffer
from channels.reach.models import RawHit

from .wsgi_client import call_wsgi

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(
        not django_settings.USES_POSTGRES,
        reason="cuts the database's TCP connection (the PostgreSQL pass of .ci/run covers it)",
    ),
]


def test_a_beacon_after_a_restart_during_an_outage_is_answered_and_its_loss_counted(
    database_proxy, caplog
):
    counting.forget_cached_salts()  # a fresh web process: no salt in memory yet
    before = hit_buffer.lost()
    database_proxy.cut()
    with caplog.at_level(logging.ERROR, logger="channels.reach.hit_buffer"):
        status, _, _ = call_wsgi(body={"p": 7})
    assert status == 204
    assert hit_buffer.lost() == before + 1
    assert "besøgstællinger tabt" in caplog.text and "salt" in caplog.text

    database_proxy.restore()
    assert call_wsgi(body={"p": 7})[0] == 204
    assert RawHit.objects.count() == 1  # counting goes on when the database is back


def test_a_graceful_stop_during_an_outage_writes_what_it_can_and_counts_the_rest(
    database_proxy, settings, caplog
):
    settings.REACH_HIT_BATCH_SIZE = 100
    settings.REACH_HIT_FLUSH_SECONDS = 3600
    settings.REACH_HIT_SHUTDOWN_WAIT_SECONDS = 1
    for _ in range(4):
        assert call_wsgi(body={"p": 3})[0] == 204
    before = hit_buffer.lost()
    database_proxy.cut()
    with caplog.at_level(logging.ERROR, logger="channels.reach.hit_buffer"):
        hit_buffer.stop()
    assert hit_buffer.pending() == 0
    assert hit_buffer.lost() == before + 4
    assert "4 besøgstællinger tabt" in caplog.text


def test_a_graceful_stop_waits_for_a_database_that_comes_back(database_proxy, settings):
    import threading

    settings.REACH_HIT_BATCH_SIZE = 100
    settings.REACH_HIT_FLUSH_SECONDS = 3600
    settings.REACH_HIT_SHUTDOWN_WAIT_SECONDS = 20
    for _ in range(3):
        call_wsgi(body={"p": 3})
    before = hit_buffer.lost()
    database_proxy.cut()
    threading.Timer(1.5, database_proxy.restore).start()
    hit_buffer.stop()
    assert RawHit.objects.count() == 3
    assert hit_buffer.lost() == before
