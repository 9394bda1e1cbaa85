from datetime import timedelta

import pytest
from django.utils import timezone

from channels import reconciling
from channels.governor import governor
from channels.models import ChannelState
from channels.models import PublicationStatus as S
from channels.platforms.meta import usage_percent as parse_usage_percent
from tests.channels.helpers import publication, set_options
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def sweep_at(minutes):
    moment = timezone.now() + timedelta(minutes=minutes)
    governor.clock = lambda: moment
    return reconciling.retry_due()


def test_usage_headers_are_read():
    assert parse_usage_percent({"X-App-Usage": '{"call_count":91,"total_time":3}'}) == 91
    assert (
        parse_usage_percent(
            {
                "X-Business-Use-Case-Usage": '{"1":[{"type":"pages",'
                '"call_count":12,"total_time":95}]}'
            }
        )
        == 95
    )


def test_high_usage_pauses_the_channel_before_the_wall(standin, django_capture_on_commit_callbacks):
    standin.configure(app_usage_percent=95)
    with django_capture_on_commit_callbacks(execute=True):
        make_story()
        second = make_story()

    state = ChannelState.objects.get(channel="facebook")
    assert state.usage_percent == 95 and state.paused_until > timezone.now()
    pub = publication(second, "facebook")
    assert pub.status == S.QUEUED and "holder pause" in pub.notice
    assert len(standin.posts()["facebook"]) == 1

    standin.configure(app_usage_percent=10)
    sweep_at(11)
    assert publication(second, "facebook").status == S.PUBLISHED


def test_throttling_code_pauses_and_retries_without_counting_an_attempt(
    standin, django_capture_on_commit_callbacks
):
    standin.fault("facebook", "rate_limit")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "facebook")
    assert pub.status == S.QUEUED and pub.attempts == 0
    assert pub.next_attempt_at >= timezone.now() + timedelta(seconds=55)

    sweep_at(11)
    assert publication(story, "facebook").status == S.PUBLISHED


def test_instagram_is_held_at_its_24_hour_limit(standin, django_capture_on_commit_callbacks):
    standin.configure(instagram_quota_total=2)
    with django_capture_on_commit_callbacks(execute=True):
        stories = [make_story() for _ in range(3)]

    statuses = [publication(s, "instagram").status for s in stories]
    assert statuses == [S.PUBLISHED, S.PUBLISHED, S.QUEUED]
    waiting = publication(stories[2], "instagram")
    assert "2 opslag pr. døgn" in waiting.notice
    assert waiting.next_attempt_at > timezone.now() + timedelta(hours=23)

    standin.state.clock_offset = 24 * 3600 + 60  # the window moves on the platform too
    sweep_at(24 * 60 + 1)
    assert publication(stories[2], "instagram").status == S.PUBLISHED
    assert len(standin.posts()["instagram"]) == 3


def test_youtube_daily_quota_is_respected(standin, settings, django_capture_on_commit_callbacks):
    from tests.channels.helpers import choose, publish

    set_options(settings, "youtube", DAILY_QUOTA=60)  # room for one update (1 + 50), not two
    standin.video("aaaaaaaaaaa")
    standin.video("bbbbbbbbbbb")
    stories = []
    for video in ("aaaaaaaaaaa", "bbbbbbbbbbb"):
        story = make_story(publish=False)
        choose(story, "youtube", video_url=f"https://youtu.be/{video}")
        stories.append(publish(story, django_capture_on_commit_callbacks))

    assert publication(stories[0], "youtube").status == S.PUBLISHED
    second = publication(stories[1], "youtube")
    assert second.status == S.QUEUED and "daglige kvote" in second.notice
