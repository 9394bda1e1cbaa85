"""Channel reach pulled from the platform stand-in over real HTTP."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from channels.models import Publication
from channels.reach.channel_figures import metric_info
from channels.reach.models import ChannelMetric, ReachPull
from channels.reach.periods import Period
from channels.reach.pulling import pull_reach
from channels.reach.reports import story_rows
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def published(story, channel, external_id):
    # Publishing the story already recorded an intent per channel; complete it.
    publication, _ = Publication.objects.update_or_create(
        page=story,
        channel=channel,
        defaults={
            "status": "published",
            "external_id": external_id,
            "published_at": timezone.now(),
        },
    )
    return publication


def seed_facebook_post(standin, post_id, message="Ældrecaféen i Ishøj"):
    standin.state.fb_posts[post_id] = {
        "message": message,
        "link": "",
        "deleted": False,
        "edits": 0,
    }


def seed_instagram_media(standin, media_id):
    standin.state.ig_media[media_id] = {
        "id": media_id,
        "owner": "17841400000000001",
        "caption": "Strandrensning",
        "permalink": f"https://www.instagram.com/p/{media_id}/",
        "published": 0,
        "image_url": "",
    }


def today_rows():
    today = timezone.localdate()
    return {r.page_id: r for r in story_rows(Period(today - datetime.timedelta(days=1), today))}


def test_pull_stores_each_platforms_figures_under_its_own_names(standin):
    story = make_story(title="Café Solstrålen")
    seed_facebook_post(standin, "1000000001_555")
    seed_instagram_media(standin, "900001")
    published(story, "facebook", "1000000001_555")
    published(story, "instagram", "900001")

    call_command("pull_reach")

    channels = today_rows()[story.pk].channels
    assert set(channels["facebook"].metrics) == {"post_total_media_view_unique", "post_media_view"}
    assert channels["instagram"].metrics["likes"].value == 7
    # Instagram did not report 'saved': it is absent, not zero.
    assert "saved" not in channels["instagram"].metrics
    assert not ChannelMetric.objects.filter(metric="saved").exists()


def test_a_failing_platform_leaves_a_gap_with_the_last_known_value(standin):
    story = make_story()
    seed_facebook_post(standin, "1000000001_777")
    published(story, "facebook", "1000000001_777")
    pull_reach(timezone.now() - datetime.timedelta(days=1))  # yesterday's snapshot
    first_views = today_rows()[story.pk].channels["facebook"].metrics["post_media_view"].value

    standin.fault("facebook", "permanent", count=5)
    call_command("pull_reach")

    facebook = today_rows()[story.pk].channels["facebook"]
    assert facebook.failed
    views = facebook.metrics["post_media_view"]
    assert views.value is None and views.last_known == first_views
    assert ReachPull.objects.filter(ok=False).count() == 1


def test_a_retired_metric_is_shown_as_a_gap_never_as_zero(standin, client):
    story = make_story(title="Dyrk Ishøj")
    seed_facebook_post(standin, "1000000001_888")
    publication = published(story, "facebook", "1000000001_888")
    # An earlier day's pull, from before Meta retired 'post_impressions'.
    earlier = ReachPull.objects.create(
        publication=publication,
        page=story,
        channel="facebook",
        pulled_at=timezone.now() - datetime.timedelta(days=1),
    )
    ChannelMetric.objects.create(pull=earlier, metric="post_impressions", value=321)

    call_command("pull_reach")

    user = User.objects.create_user("laeser")
    user.groups.add(Group.objects.get(name="Rapportlæsere"))
    client.force_login(user)
    html = client.get("/admin/raekkevidde/").content.decode()
    label = metric_info("facebook", "post_impressions").label_da
    assert f'{label} (<code>post_impressions</code>):</small> <span class="reach-gap"' in html
    assert "sidst kendt 321" in html
    csv_text = client.get("/admin/raekkevidde/?format=csv").content.decode("utf-8-sig")
    row = next(line for line in csv_text.splitlines() if line.startswith("Dyrk Ishøj"))
    header = csv_text.splitlines()[0].split(";")
    assert row.split(";")[header.index(f"Facebook-siden: {label} (post_impressions)")] == ""


def test_youtube_views_likes_and_comments_are_pulled_and_a_hidden_like_count_is_a_gap(standin):
    story = make_story(title="Ishøj Cup på video")
    standin.state.videos["yt-cup-2025"] = {
        "snippet": {"title": "Ishøj Cup", "description": "", "categoryId": "22"},
        # The owner hid the like count; favoriteCount is deprecated and always 0.
        "statistics": {"viewCount": "412", "favoriteCount": "0", "commentCount": "5"},
    }
    published(story, "youtube", "yt-cup-2025")

    call_command("pull_reach")

    metrics = today_rows()[story.pk].channels["youtube"].metrics
    assert {name: m.value for name, m in metrics.items()} == {
        "viewCount": 412,
        "commentCount": 5,
        "views": 370,
        "engagedViews": 259,
        "estimatedMinutesWatched": 740,
    }
    assert not ChannelMetric.objects.filter(metric__in=["likeCount", "favoriteCount"]).exists()


def test_manual_channels_are_not_pulled(standin):
    story = make_story()
    published(story, "facebook_group", "manual-1")
    call_command("pull_reach")
    assert not ReachPull.objects.exists()
