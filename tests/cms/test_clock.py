import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from channels import retry
from cms.clock import JOBS
from stories.models import StoryPage
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_clock_publishes_a_story_scheduled_for_the_past(client):
    """An editor sets "Go live" in the editor; the clock process makes it happen."""
    story = make_story(title="Planlagt historie", publish=False)
    revision = story.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    story.go_live_at = revision.approved_go_live_at
    story.save()
    assert client.get(f"/historier/{story.slug}/").status_code == 404

    call_command("run_clock", "--once")

    assert StoryPage.objects.get(pk=story.pk).live
    assert "Planlagt historie" in client.get(f"/historier/{story.slug}/").content.decode()


def test_clock_leaves_a_future_story_unpublished():
    story = make_story(title="Fremtidig historie", publish=False)
    story.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))

    call_command("run_clock", "--once")

    assert not StoryPage.objects.get(pk=story.pk).live


def test_a_post_whose_worker_was_killed_waits_no_longer_than_a_first_retry(settings):
    """The claim's lease runs out, then the next sweep gives the post back: together
    no longer than the longest wait before a first retry."""
    sweep = next(job for job in JOBS if job.command == "channels_retry_due")
    assert settings.CHANNELS_CLAIM_LEASE_SECONDS + sweep.interval_seconds <= retry.BASE_SECONDS
