"""A retry, a double click, two workers or a lost answer never posts twice."""

import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from channels import performing, reconciling
from channels.governor import governor
from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def _later(minutes=90):
    return timezone.now() + timedelta(minutes=minutes)


def sweep_at(minutes):
    """Run the clock's sweep as if `minutes` had passed (the governor's clock moves too)."""
    moment = _later(minutes)
    governor.clock = lambda: moment
    return reconciling.retry_due()


@pytest.mark.parametrize("platform", ["facebook", "instagram"])
def test_a_lost_answer_is_looked_up_not_posted_again(
    standin, django_capture_on_commit_callbacks, platform
):
    # Instagram: the answer to media_publish (the step that makes the post) is lost.
    standin.fault(platform, "lost_answer", path="media_publish" if platform == "instagram" else "")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()

    pub = publication(story, platform)
    assert pub.status == S.UNCONFIRMED and "gik tabt" in pub.last_error
    created = standin.posts()[platform]
    assert len(created) == 1  # the platform did create it

    sweep_at(90)
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and pub.external_id == created[0]["id"]
    assert len(standin.posts()[platform]) == 1


def test_a_crash_after_the_platform_answered_is_recovered_without_a_duplicate(
    standin, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")
    # Simulate: the worker claimed, posted, and died before writing the result.
    Publication.objects.filter(pk=pub.pk).update(
        status=S.PUBLISHING,
        external_id="",
        claimed_at=timezone.now() - timedelta(hours=1),
        action="publish",
    )

    reconciling.retry_due()
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and pub.external_id
    assert len(standin.posts()["facebook"]) == 1


def test_a_killed_workers_claim_is_held_for_its_lease_then_settled_without_a_duplicate(
    standin, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")
    # The worker claimed, posted, renewed its lease one last time, and was killed.
    last_beat = timezone.now()
    Publication.objects.filter(pk=pub.pk).update(
        status=S.PUBLISHING, external_id="", claimed_at=last_beat, action="publish"
    )
    lease = timedelta(seconds=settings.CHANNELS_CLAIM_LEASE_SECONDS)

    governor.clock = lambda: last_beat + lease - timedelta(seconds=1)
    reconciling.retry_due()
    assert publication(story, "facebook").status == S.PUBLISHING

    governor.clock = lambda: last_beat + lease + timedelta(seconds=1)
    reconciling.retry_due()
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and pub.external_id
    assert len(standin.posts()["facebook"]) == 1


def test_a_second_run_of_the_same_task_does_nothing(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")

    assert performing.perform(pub.pk) == "skipped"
    assert len(standin.posts()["facebook"]) == 1


def test_only_one_claim_wins(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")
    Publication.objects.filter(pk=pub.pk).update(status=S.QUEUED)

    assert performing.claim(pub.pk) is not None
    assert performing.claim(pub.pk) is None


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_post_once(standin, django_capture_on_commit_callbacks):
    from django.db import OperationalError, connection

    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")
    Publication.objects.filter(pk=pub.pk).update(
        status=S.QUEUED, action="publish", external_id="", payload_hash=""
    )
    standin.state.fb_posts.clear()
    results = []

    def worker():
        try:
            results.append(performing.perform(pub.pk))
        except OperationalError as error:
            # SQLite's in-memory test database locks the table against a
            # second writer instead of waiting: that worker lost the race.
            results.append("locked" if "locked" in str(error) else error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results.count("published") == 1
    assert all(result in ("published", "skipped", "locked") for result in results), results
    assert len(standin.posts()["facebook"]) == 1


def test_moving_a_channel_post_moves_it(standin, django_capture_on_commit_callbacks):
    from tests.channels.helpers import choose, publish

    story = make_story(publish=False)
    choose(story, "facebook", post_at=_later(60))
    publish(story, django_capture_on_commit_callbacks)
    pub = publication(story, "facebook")
    assert pub.status == S.SCHEDULED and standin.posts()["facebook"] == []

    choose(story, "facebook", post_at=_later(180))
    publish(story, django_capture_on_commit_callbacks)
    sweep_at(90)
    assert standin.posts()["facebook"] == []  # moved: not due at the old time

    sweep_at(181)
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and len(standin.posts()["facebook"]) == 1


def test_cancelling_a_scheduled_channel_post_cancels_it(
    standin, django_capture_on_commit_callbacks
):
    from tests.channels.helpers import choose, publish

    story = make_story(publish=False)
    choose(story, "facebook", post_at=_later(60))
    publish(story, django_capture_on_commit_callbacks)
    choose(story, "facebook", enabled=False)
    publish(story, django_capture_on_commit_callbacks)

    sweep_at(61)
    assert publication(story, "facebook").status == S.CANCELLED
    assert standin.posts()["facebook"] == []
