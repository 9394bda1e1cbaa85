"""Events and stories reach the followers' servers once each, faults or not."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from channels.fediverse import delivery
from channels.fediverse.models import Delivery, DeliveryStatus, Follower
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication, publish, unpublish
from tests.factories import make_story
from tests.fediverse.test_follow import wait_for
from tests.stories.event_factories import weekly

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def followers(portal, peer):
    """alice and bob on the peer follow Det sker; carol follows the stories."""
    for name in ("alice", "bob"):
        assert peer.follow(name, f"{portal}/fediverse/events")[0].status_code == 202
    assert peer.follow("carol", f"{portal}/fediverse/stories")[0].status_code == 202
    assert wait_for(lambda: len(peer.state.received) == 3)
    peer.state.received.clear()
    peer.state.requests = 0
    return peer


def of_type(peer, kind):
    return [a for a in peer.state.processed() if a["type"] == kind]


def make_due():
    Delivery.objects.filter(status=DeliveryStatus.PENDING).update(next_attempt_at=timezone.now())
    return delivery.deliver_due()


def test_a_new_event_goes_once_to_the_shared_inbox_as_an_event(
    followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=date.today() + timedelta(days=1), address="Vejlebrovej 45")

    creates = of_type(followers, "Create")
    assert len(creates) == 1 and len(followers.state.received) == 1  # one POST for two followers
    assert followers.state.received[0].path == "/inbox"
    obj = creates[0]["object"]
    assert obj["type"] == "Event" and obj["name"] == "Café Solstrålen"
    assert obj["startTime"].endswith(("+01:00", "+02:00"))  # local time with its offset
    assert obj["location"]["address"]["streetAddress"] == "Vejlebrovej 45"
    assert "Hvornår:" in obj["content"] and "kl. 13.00" in obj["content"]
    assert "Også:" in obj["content"]  # a weekly event names its next dates in one message
    sent = Delivery.objects.get()
    assert sent.status == DeliveryStatus.DELIVERED and sent.followers == 2
    assert publication(event, "fediverse").status == S.PUBLISHED


def test_a_story_goes_as_an_article_to_its_own_actors_followers(
    followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_story()

    creates = of_type(followers, "Create")
    assert [c["object"]["type"] for c in creates] == ["Article"]
    assert creates[0]["actor"].endswith("/fediverse/stories")


def test_edit_and_unpublish_send_update_and_delete_once_each(
    followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=date.today() + timedelta(days=1))
    event.title = "Café Solstrålen flytter"
    publish(event, django_capture_on_commit_callbacks)
    unpublish(event, django_capture_on_commit_callbacks)

    kinds = [a["type"] for a in followers.state.processed()]
    assert kinds == ["Create", "Update", "Delete"]
    assert of_type(followers, "Update")[0]["object"]["name"] == "Café Solstrålen flytter"
    assert of_type(followers, "Delete")[0]["object"]["type"] == "Tombstone"


@pytest.mark.parametrize("fault", ["500", "slow:1.6"], ids=["server-error", "timeout"])
def test_a_failed_delivery_is_retried_and_arrives_once(
    followers, django_capture_on_commit_callbacks, fault
):
    followers.state.faults = [fault]
    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=1))
    pending = Delivery.objects.get()
    assert pending.status == DeliveryStatus.PENDING and pending.next_attempt_at > timezone.now()

    assert make_due() == 1

    assert len(of_type(followers, "Create")) == 1
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED
    assert followers.state.requests == 2


def test_a_worker_killed_mid_delivery_leaves_it_to_be_sent_again(
    followers, django_capture_on_commit_callbacks
):
    from channels.fediverse.sending import Signer, post_activity

    followers.state.faults = ["500"]  # keep the first attempt pending
    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=1))
    Delivery.objects.update(next_attempt_at=timezone.now())
    # A worker claims the delivery, sends it, and dies before it records the answer.
    [claimed] = delivery._claim(None, 10)
    post_activity(
        Signer.of("events"), claimed.inbox, delivery.public_payload(claimed.activity), "cavage"
    )
    assert delivery.deliver_due() == 0  # the lease holds it

    Delivery.objects.update(lease_until=timezone.now() - timedelta(seconds=1))
    assert delivery.deliver_due() == 1

    assert len(of_type(followers, "Create")) == 1  # the server saw the same id twice
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_410_drops_the_inbox_and_its_followers(followers, django_capture_on_commit_callbacks):
    followers.state.faults = ["410"]
    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=1))

    assert Delivery.objects.get().status == DeliveryStatus.GONE
    # Every follower behind that shared inbox, of either actor, is gone with it.
    assert not Follower.objects.exists()
    assert delivery.deliver_due() == 0  # and nothing is retried


def test_an_inbox_failing_for_days_is_pruned(
    followers, django_capture_on_commit_callbacks, settings
):
    followers.state.faults = ["500", "500"]
    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=1))
    Follower.objects.update(failing_since=timezone.now() - timedelta(days=8))

    make_due()

    assert Delivery.objects.get().status == DeliveryStatus.FAILED
    assert not Follower.objects.exists()


def test_reach_counts_the_followers_reached(followers, django_capture_on_commit_callbacks):
    from channels.registry import get_channel

    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=date.today() + timedelta(days=1))

    reach = get_channel("fediverse").fetch_reach(publication(event, "fediverse").record())
    assert reach.metrics == {"followers_reached": 2}
