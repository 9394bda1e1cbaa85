import pytest
import requests

from channels.models import PublicationStatus as S
from channels.registry import get_channel
from tests.channels.helpers import publication, publish, unpublish
from tests.factories import make_story
from tests.stories.event_factories import weekly

pytestmark = pytest.mark.django_db


def test_an_event_is_put_with_all_its_occurrences(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=__import__("datetime").date.today(), repeat_count=5)

    pub = publication(event, "detsker")
    doc = standin.posts()["detsker"][f"voresishoj-{event.pk}"]
    assert pub.status == S.PUBLISHED and pub.external_id == f"voresishoj-{event.pk}"
    assert len(doc["occurrences"]) == 5
    assert doc["occurrences"][0]["title"] == "Café Solstrålen"
    assert "utm_source=detsker&utm_medium=listing" in doc["url"]
    put = [r for r in standin.requests_to("detsker") if r["method"] == "PUT"]
    assert len(put) == 1


def test_republishing_replaces_and_unpublishing_deletes(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=__import__("datetime").date.today(), repeat_count=3)
    event.title = "Café Solstrålen (ny tid)"
    publish(event, django_capture_on_commit_callbacks)
    assert standin.posts()["detsker"][f"voresishoj-{event.pk}"]["title"].endswith("(ny tid)")

    unpublish(event, django_capture_on_commit_callbacks)
    assert standin.posts()["detsker"] == {}
    assert publication(event, "detsker").status == S.WITHDRAWN


def test_stories_are_not_sent_to_the_listing_by_default(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    assert not story.publications.filter(channel="detsker").exists()


def test_the_listing_needs_the_bearer_token(standin):
    answer = requests.put(f"{standin.url}/detsker/events/x", json={}, timeout=5)
    assert answer.status_code == 401


def test_reach_from_the_listing(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = weekly(start_date=__import__("datetime").date.today(), repeat_count=1)
    reach = get_channel("detsker").fetch_reach(publication(event, "detsker").record())
    assert reach.metrics == {"views": 0}
