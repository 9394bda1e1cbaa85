"""A metric a platform stops serving never costs the other figures."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from channels.reach.models import ChannelMetric, ReachPull, RefusedMetric
from channels.reach.pulling import pull_reach
from tests.factories import make_story
from tests.reach.test_pulling import published, seed_facebook_post, seed_instagram_media

pytestmark = pytest.mark.django_db


def insights_asked(standin, platform):
    return [r["query"]["metric"] for r in standin.requests_to(platform) if "insights" in r["path"]]


def test_a_refused_metric_is_dropped_the_rest_is_stored_and_the_admin_says_so(standin, client):
    # Meta stops serving a metric we still ask for: #100 for the whole request.
    standin.configure(removed_metrics=["post_media_view"])
    story = make_story(title="Strandrensning")
    seed_facebook_post(standin, "1000000001_901")
    published(story, "facebook", "1000000001_901")

    call_command("pull_reach")

    pull = ReachPull.objects.get()
    assert pull.ok
    assert set(ChannelMetric.objects.values_list("metric", flat=True)) == {
        "post_total_media_view_unique"
    }
    refused = RefusedMetric.objects.get()
    assert (refused.channel, refused.metric) == ("facebook", "post_media_view")

    user = User.objects.create_user("laeser")
    user.groups.add(Group.objects.get(name="Rapportlæsere"))
    client.force_login(user)
    html = client.get("/admin/raekkevidde/").content.decode()
    assert "Facebook-siden leverer ikke længere Visninger af opslaget (post_media_view)" in html


def test_a_later_pull_does_not_ask_for_the_refused_metric_again(standin):
    standin.configure(removed_metrics=["post_media_view"])
    story = make_story()
    seed_facebook_post(standin, "1000000001_902")
    published(story, "facebook", "1000000001_902")
    pull_reach(timezone.now() - datetime.timedelta(days=1))
    standin.forget_requests()

    pull_reach()  # the next day's pull

    assert insights_asked(standin, "facebook") == ["post_total_media_view_unique"]
    assert ReachPull.objects.filter(ok=True).count() == 2


def test_a_pull_that_brings_no_figure_is_stored_as_failed_with_the_reason(standin):
    standin.configure(removed_metrics=["reach", "views", "likes", "comments", "saved"])
    story = make_story()
    seed_instagram_media(standin, "900009")
    published(story, "instagram", "900009")

    call_command("pull_reach")

    pull = ReachPull.objects.get()
    assert not pull.ok and "Instagram leverede ingen tal" in pull.error
    assert RefusedMetric.objects.filter(channel="instagram").count() == 5


def test_the_removed_metric_guard_sees_a_request_for_a_removed_metric():
    from tests.channels.conftest import removed_metrics_asked

    seen = [
        {"platform": "instagram", "query": {"metric": "views,impressions"}},
        {"platform": "facebook", "query": {"metric": "post_media_view"}},
    ]
    assert removed_metrics_asked(seen) == {("instagram", "impressions")}
