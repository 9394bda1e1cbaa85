"""A delivery worker killed outright mid-send: the server still shows the activity once.

A real `manage.py fediverse_deliver_due` process on the test's PostgreSQL
database sends the Create; the peer takes it and holds its answer, and the
test kills the process with SIGKILL while it waits. The delivery's lease
holds it while it lasts; once it ran out the next sweep sends it again with
the same activity id, and the peer, deduplicating as Mastodon does, shows it once.
"""

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from channels.fediverse import delivery
from channels.fediverse.models import Delivery, DeliveryStatus
from tests.fediverse.test_follow import wait_for
from tests.process_support import process_database_url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(
        not django_settings.USES_POSTGRES,
        reason="the worker process shares the test database, which SQLite keeps in memory "
        "(the PostgreSQL pass of .ci/run covers it).",
    ),
]

ROOT = Path(__file__).resolve().parents[2]


def start_sweep(base_url: str, log: Path) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=process_database_url(),
        BASE_URL=base_url,
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "fediverse_deliver_due"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def test_a_killed_delivery_worker_leaves_one_activity_on_the_server(portal, peer, tmp_path):
    assert peer.follow("alice", f"{portal}/fediverse/events")[0].status_code == 202
    assert wait_for(lambda: peer.state.received)
    peer.state.received.clear()
    peer.state.faults = ["slow:60"]  # the peer takes the Create, then holds its answer
    obj = {"id": f"{portal}/fediverse/objects/1", "type": "Event", "name": "Loppemarked"}
    # Recorded now, delivered by the worker process only: nothing is due in this process.
    entry = delivery.record("events", "Create", obj, None)

    worker = start_sweep(portal, tmp_path / "worker.log")
    try:
        assert wait_for(lambda: peer.state.received, 60), (tmp_path / "worker.log").read_text()
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.wait(timeout=30)
    held = Delivery.objects.get(activity=entry)
    assert held.status == DeliveryStatus.SENDING
    assert delivery.deliver_due() == 0  # the dead worker's lease still holds it

    Delivery.objects.update(lease_until=timezone.now() - timedelta(seconds=1))
    assert delivery.deliver_due() == 1

    assert [a["type"] for a in peer.state.processed()] == ["Create"]
    assert len(peer.state.received) == 2  # the same id, sent twice, shown once
    assert Delivery.objects.get(activity=entry).status == DeliveryStatus.DELIVERED
