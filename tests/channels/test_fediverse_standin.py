"""The demo's stand-in follows both actors, so `make run` shows deliveries."""

from datetime import date, timedelta

import pytest
import requests

from channels.fediverse.models import Delivery, DeliveryStatus
from demo import fediverse as demo_fediverse
from tests.stories.event_factories import weekly

pytestmark = pytest.mark.django_db


def test_the_stand_in_receives_the_demo_event_once(
    standin, settings, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(demo_fediverse, "STANDIN", standin.url)
    demo_fediverse.load(open("/dev/null", "w"))
    actor = requests.get(f"{standin.url}/fediverse/users/nabo", timeout=5).json()
    assert actor["publicKey"]["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")

    with django_capture_on_commit_callbacks(execute=True):
        weekly(start_date=date.today() + timedelta(days=2))

    received = requests.get(f"{standin.url}/_control/posts", timeout=5).json()["fediverse"]
    assert [(a["type"], a["object"]["type"]) for a in received] == [("Create", "Event")]
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED
