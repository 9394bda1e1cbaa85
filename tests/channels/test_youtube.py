import pytest

from channels.models import PublicationStatus as S
from channels.platforms.youtube import BLOCK_START
from channels.registry import get_channel
from tests.channels.helpers import choose, publication, publish, set_options, unpublish
from tests.factories import make_story

pytestmark = pytest.mark.django_db

VIDEO = "dQw4w9WgXcQ"


def _story_with_video(capture, **fields):
    story = make_story(publish=False, slug=fields.pop("slug", "strandvideo"), **fields)
    choose(story, "youtube", video_url=f"https://www.youtube.com/watch?v={VIDEO}")
    return publish(story, capture)


def test_the_description_gets_the_story_and_title_category_tags_survive(
    standin, django_capture_on_commit_callbacks
):
    standin.video(VIDEO)
    story = _story_with_video(django_capture_on_commit_callbacks)

    snippet = standin.posts()["youtube"][VIDEO]["snippet"]
    assert snippet["title"] == "Sommer på Ishøj Strand"
    assert snippet["categoryId"] == "22" and snippet["tags"] == ["Ishøj", "strand"]
    assert snippet["description"].startswith("Optaget i juli.\n\n" + BLOCK_START)
    assert (
        "utm_source=youtube&utm_medium=social&utm_campaign=strandvideo" in (snippet["description"])
    )
    assert publication(story, "youtube").status == S.PUBLISHED


def test_a_video_in_the_body_is_found_without_a_channel_link(
    standin, django_capture_on_commit_callbacks
):
    standin.video(VIDEO)
    body = [("video", {"url": f"https://youtu.be/{VIDEO}", "title": "Film", "caption": ""})]
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(body=body)

    assert publication(story, "youtube").external_id == VIDEO


def test_an_update_replaces_our_block_and_unpublish_removes_it(
    standin, django_capture_on_commit_callbacks
):
    standin.video(VIDEO)
    story = _story_with_video(django_capture_on_commit_callbacks, intro="Første.")
    story.intro = "Anden."
    publish(story, django_capture_on_commit_callbacks)

    description = standin.posts()["youtube"][VIDEO]["snippet"]["description"]
    assert "Anden." in description and "Første." not in description
    assert description.count(BLOCK_START) == 1

    unpublish(story, django_capture_on_commit_callbacks)
    assert standin.posts()["youtube"][VIDEO]["snippet"]["description"] == "Optaget i juli."
    assert publication(story, "youtube").status == S.WITHDRAWN


def test_description_bytes_count_danish_letters_twice(standin, django_capture_on_commit_callbacks):
    standin.video(VIDEO)
    story = make_story(publish=False)
    # 2,400 characters but 4,800 bytes: over the limit once the link is added.
    choose(story, "youtube", video_url=f"https://youtu.be/{VIDEO}", text="æø" * 1250)
    publish(story, django_capture_on_commit_callbacks)

    pub = publication(story, "youtube")
    assert pub.status == S.FAILED and "æ, ø og å tæller dobbelt" in pub.last_error
    assert "Optaget i juli." == standin.posts()["youtube"][VIDEO]["snippet"]["description"]


def test_angle_brackets_are_blocked(standin, django_capture_on_commit_callbacks):
    story = make_story(publish=False)
    choose(story, "youtube", video_url=f"https://youtu.be/{VIDEO}", text="Se <her>")
    publish(story, django_capture_on_commit_callbacks)

    assert "< og >" in publication(story, "youtube").last_error


def test_a_too_long_video_title_is_reported(standin, django_capture_on_commit_callbacks):
    standin.video(VIDEO, title="T" * 101)
    story = _story_with_video(django_capture_on_commit_callbacks)

    pub = publication(story, "youtube")
    assert pub.status == S.FAILED and "titel er over 100 tegn" in pub.last_error


def test_the_oauth_refresh_flow_gets_an_access_token(
    standin, settings, django_capture_on_commit_callbacks
):
    set_options(
        settings,
        "youtube",
        ACCESS_TOKEN="",
        CLIENT_ID="id",
        CLIENT_SECRET="secret",
        REFRESH_TOKEN="refresh",
    )
    standin.video(VIDEO)
    story = _story_with_video(django_capture_on_commit_callbacks)

    assert publication(story, "youtube").status == S.PUBLISHED


def test_reach_uses_youtube_statistics_names(standin, django_capture_on_commit_callbacks):
    standin.video(VIDEO)
    story = _story_with_video(django_capture_on_commit_callbacks)
    reach = get_channel("youtube").fetch_reach(publication(story, "youtube").record())

    # videos.list's figures of the day, and YouTube Analytics' (which lag behind).
    assert reach.metrics == {
        "viewCount": 120,
        "likeCount": 9,
        "commentCount": 3,
        "views": 108,
        "engagedViews": 75,
        "estimatedMinutesWatched": 216,
    }


def test_only_the_data_api_call_of_a_reach_pull_is_booked_against_its_daily_quota(
    standin, django_capture_on_commit_callbacks
):
    from channels.models import ChannelState

    standin.video(VIDEO)
    story = _story_with_video(django_capture_on_commit_callbacks)
    before = ChannelState.objects.get(channel="youtube").quota_units

    get_channel("youtube").fetch_reach(publication(story, "youtube").record())

    # videos.list costs 1 unit of the Data API's 10,000; the Analytics report
    # belongs to another API with its own quota (docs/channels.md).
    assert ChannelState.objects.get(channel="youtube").quota_units - before == 1
    asked = [r["path"] for r in standin.requests_to("youtube")][-2:]
    assert asked == ["/youtube/v3/videos", "/youtube/analytics/v2/reports"]


def test_youtube_analytics_failing_keeps_the_days_statistics(
    standin, django_capture_on_commit_callbacks
):
    standin.video(VIDEO)
    story = _story_with_video(django_capture_on_commit_callbacks)
    standin.fault("youtube", "permanent", path="reports")

    reach = get_channel("youtube").fetch_reach(publication(story, "youtube").record())

    assert reach.metrics == {"viewCount": 120, "likeCount": 9, "commentCount": 3}
    assert "YouTube Analytics" in reach.partial_error_da
