"""Another server follows the portal's actors as Mastodon would, and is answered."""

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from channels.fediverse.models import BlockedDomain, Follower

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("scheme", ["cavage", "rfc9421"])
def test_a_follow_is_answered_with_an_accept_the_follower_can_verify(portal, peer, scheme):
    answer, follow = peer.follow("alice", f"{portal}/fediverse/events", scheme)

    assert answer.status_code == 202
    assert wait_for(lambda: peer.state.received)
    accept = peer.state.received[0]
    assert accept.verified, accept.error
    assert accept.scheme == scheme  # answered in the scheme the follower speaks
    assert accept.activity["type"] == "Accept"
    assert accept.activity["object"]["id"] == follow["id"]
    follower = Follower.objects.get()
    assert follower.actor == "events"
    assert follower.shared_inbox == f"{peer.url}/inbox"


def test_undo_removes_the_follower(portal, peer):
    answer, follow = peer.follow("alice", f"{portal}/fediverse/stories")
    assert answer.status_code == 202 and Follower.objects.filter(actor="stories").count() == 1

    undone = peer.undo("alice", follow, f"{portal}/fediverse/stories/inbox")

    assert undone.status_code == 202
    assert not Follower.objects.exists()


@pytest.mark.parametrize(
    "forge",
    [
        {"wrong_key": True},
        {"tamper": True},
        {"date": format_datetime(datetime.now(UTC) - timedelta(hours=3), usegmt=True)},
    ],
    ids=["signed-with-another-key", "body-changed-after-signing", "stale-date"],
)
def test_a_forged_or_stale_follow_is_refused(portal, peer, forge):
    answer, _ = peer.follow("alice", f"{portal}/fediverse/events", **forge)

    assert answer.status_code == 401
    assert not Follower.objects.exists()
    assert not peer.state.received  # no Accept went out


def test_a_stale_rfc9421_signature_is_refused(portal, peer):
    created = datetime.now(UTC) - timedelta(hours=3)
    answer, _ = peer.follow("alice", f"{portal}/fediverse/events", "rfc9421", created=created)

    assert answer.status_code == 401
    assert not Follower.objects.exists()


def test_unsigned_and_oversized_requests_are_refused(portal, peer, settings):
    import requests

    unsigned = requests.post(
        f"{portal}/fediverse/events/inbox",
        json={"type": "Follow", "actor": peer.actor_id("alice")},
        headers={"Content-Type": "application/activity+json"},
        timeout=5,
    )
    settings.FEDIVERSE_INBOX_MAX_BYTES = 2000
    huge = requests.post(
        f"{portal}/fediverse/events/inbox",
        data=b"{" + b" " * 5000 + b"}",
        headers={"Content-Type": "application/activity+json", "Signature": 'keyId="x"'},
        timeout=5,
    )
    garbage = requests.post(
        f"{portal}/fediverse/inbox",
        data=b"\x00\xff",
        headers={"Signature": 'keyId="http://127.0.0.1:1/x",signature="\x00"'},
        timeout=5,
    )

    assert unsigned.status_code == 401
    assert huge.status_code == 413
    assert garbage.status_code in (400, 401)
    assert not Follower.objects.exists()


def test_a_blocked_domain_cannot_follow_and_loses_its_followers(portal, peer):
    peer.follow("alice", f"{portal}/fediverse/events")
    assert Follower.objects.count() == 1

    BlockedDomain.objects.create(domain="127.0.0.1", reason="Spam")
    answer, _ = peer.follow("bob", f"{portal}/fediverse/events")

    assert not Follower.objects.exists()
    assert answer.status_code == 403


def test_a_flooding_host_is_rate_limited(portal, peer, settings):
    settings.FEDIVERSE_INBOX_RATE_PER_MINUTE = 3
    codes = [peer.follow("alice", f"{portal}/fediverse/events")[0].status_code for _ in range(5)]

    assert codes[:3] == [202, 202, 202]
    assert codes[3:] == [429, 429]


def test_a_rotated_key_is_announced_and_signs_from_then_on(portal, peer):
    from django.core.management import call_command

    from channels.fediverse.actors import current_key

    peer.follow("alice", f"{portal}/fediverse/events")
    assert wait_for(lambda: peer.state.received)
    old = current_key("events").public_pem
    peer.state.received.clear()

    call_command("fediverse_rotate_key", "events", stdout=open("/dev/null", "w"))

    assert wait_for(lambda: peer.state.received)
    update = peer.state.received[0]
    assert update.activity["type"] == "Update" and update.activity["object"]["type"] == "Service"
    assert update.verified, update.error  # verified with the key the actor now publishes
    assert update.activity["object"]["publicKey"]["publicKeyPem"] != old
