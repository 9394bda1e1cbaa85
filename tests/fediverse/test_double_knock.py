"""A server that takes only one signature scheme still gets every activity: a 401
is answered by signing once more in the other scheme, and the host's scheme is
remembered so later deliveries knock once."""

from datetime import date, timedelta

import pytest

from channels.fediverse.models import Delivery, DeliveryStatus, ServerScheme
from tests.channels.helpers import publish
from tests.fediverse.test_follow import wait_for
from tests.stories.event_factories import weekly

pytestmark = pytest.mark.django_db(transaction=True)

OTHER = {"cavage": "rfc9421", "rfc9421": "cavage"}


def host(peer):
    return peer.url.split("://", 1)[1]


@pytest.mark.parametrize("accepts", ["rfc9421", "cavage"])
def test_a_refused_scheme_is_retried_once_in_the_other_and_remembered_for_the_host(
    portal, peer, accepts, django_capture_on_commit_callbacks
):
    peer.state.accepts = (accepts,)
    # The follower signs its Follow in the scheme its own inbox then refuses.
    answer, follow = peer.follow("alice", f"{portal}/fediverse/events", OTHER[accepts])
    assert answer.status_code == 202

    assert wait_for(lambda: peer.state.received)
    accept = peer.state.received[0]
    assert accept.activity["type"] == "Accept" and accept.verified, accept.error
    assert accept.scheme == accepts
    assert [(r.activity["type"], r.scheme) for r in peer.state.refused] == [
        ("Accept", OTHER[accepts])
    ]
    assert ServerScheme.objects.get(host=host(peer)).signature_scheme == accepts

    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=1))

    create = [r for r in peer.state.received if r.activity["type"] == "Create"]
    assert [(c.scheme, c.verified) for c in create] == [(accepts, True)]
    assert len(peer.state.refused) == 1  # the remembered scheme went first: one knock
    sent = Delivery.objects.get()
    assert (sent.status, sent.signature_scheme) == (DeliveryStatus.DELIVERED, accepts)


def test_a_server_that_changes_its_scheme_is_relearned(
    portal, peer, django_capture_on_commit_callbacks
):
    peer.state.accepts = ("rfc9421",)
    assert peer.follow("alice", f"{portal}/fediverse/events", "cavage")[0].status_code == 202
    assert wait_for(lambda: peer.state.received)
    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=date.today() + timedelta(days=1))
    assert ServerScheme.objects.get().signature_scheme == "rfc9421"

    peer.state.accepts = ("cavage",)  # e.g. moved to software without RFC 9421
    peer.state.refused.clear()
    event.title = "Café Solstrålen flytter"
    publish(event, django_capture_on_commit_callbacks)

    updates = [r for r in peer.state.received if r.activity["type"] == "Update"]
    assert [(u.scheme, u.verified) for u in updates] == [("cavage", True)]
    assert [(r.activity["type"], r.scheme) for r in peer.state.refused] == [("Update", "rfc9421")]
    assert ServerScheme.objects.get().signature_scheme == "cavage"


def test_a_server_refusing_both_schemes_is_knocked_twice_and_given_up(
    portal, peer, django_capture_on_commit_callbacks
):
    assert peer.follow("alice", f"{portal}/fediverse/events", "cavage")[0].status_code == 202
    assert wait_for(lambda: peer.state.received)
    peer.state.accepts = ()
    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=1))

    assert [r.scheme for r in peer.state.refused] == ["cavage", "rfc9421"]
    sent = Delivery.objects.get()
    assert (sent.status, sent.last_error) == (DeliveryStatus.FAILED, "401")
    assert not ServerScheme.objects.exists()
