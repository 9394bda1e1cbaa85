"""After `make run`'s first live pull the demo's figures still hold up on screen.

The demo's stories went out years ago, past the reach schedule
(channels/reach/schedule.py): the live pull leaves their figures as loaded.

load_demo writes a year of channel figures and hands the latest to the
platform stand-in; the posts then go out to the stand-in and the clock's
pull asks it over HTTP, as in the running demo.
"""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from channels.models import Publication
from channels.reach.models import ChannelMetric, PageSourceDay, ReachPull
from channels.reach.pulling import pull_reach
from channels.reach.schedule import LAST_AGE
from demo.management.commands.run_platform_standin import seed_videos
from demo.reach_channels import seed_standin
from demo.standin.seed import FILE_NAME
from demo.stories.stories import demo_video_ids
from stories.models import StoryPage
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def figures(pull):
    return dict(pull.metrics.values_list("metric", "value"))


def last_two(page_id, channel):
    pulls = ReachPull.objects.filter(page_id=page_id, channel=channel, ok=True).order_by(
        "-pulled_at", "-pk"
    )
    latest, before = pulls[:2]
    return figures(latest), figures(before)


def live(channel, *, pulled=True):
    """Demo stories with a post on the channel (events have no history to continue):
    those the reach schedule still pulls (out less than a year), or those it no longer
    does."""
    young = {"went_out__gte": timezone.now() - LAST_AGE}
    posts = (
        Publication.objects.filter(
            channel=channel, status="published", page__in=StoryPage.objects.live()
        )
        .exclude(external_id="")
        .annotate(went_out=Coalesce("published_at", "created_at"))
    )
    posts = posts.filter(**young) if pulled else posts.exclude(**young)
    return sorted(posts.values_list("page_id", flat=True))


def test_a_fresh_demo_posts_everything_and_its_first_live_pull_keeps_the_history_believable(
    standin, standin_server, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.VAR_DIR = tmp_path / "var"
    seed_videos(standin_server.state, demo_video_ids())  # as `make run` starts the stand-in
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends the posts
        call_command("load_demo", stdout=StringIO())
    # A fresh install shows the secretariat no failed post: every post went out
    # (the Facebook group's wait to be shared by hand, as the group's rules ask).
    not_out = Publication.objects.exclude(status__in=["published", "manual"])
    assert list(not_out.values_list("channel", "page__title", "last_error")) == []
    manual = Publication.objects.filter(status="manual").values_list("channel", flat=True)
    assert set(manual) == {"facebook_group"}
    standin.configure(reach_seed_file=str(settings.VAR_DIR / FILE_NAME))
    standin.advance(3 * 86400)  # the demo has run a few days

    summary = pull_reach()

    assert not summary.failed
    for channel in ("facebook", "instagram"):
        # The demo's stories went out years ago: past the reach schedule, their
        # posts are not pulled again and keep the figures the reports showed.
        old = live(channel, pulled=False)
        assert len(old) >= 10, channel
        for page_id in old:
            assert not ReachPull.objects.filter(
                page_id=page_id, channel=channel, pulled_at__date=timezone.localdate()
            ).exists(), (channel, page_id)
        # A post the schedule still pulls continues its history, never below it.
        for page_id in live(channel):
            latest, before = last_two(page_id, channel)
            assert set(before) <= set(latest), (channel, page_id)
            for metric, value in before.items():
                assert latest[metric] >= value, (channel, page_id, metric)
        # No two stories show the same figures.
        shown = [tuple(sorted(last_two(p, channel)[0].items())) for p in old + live(channel)]
        assert len(set(shown)) == len(shown), channel
    for page_id in live("facebook") + live("facebook", pulled=False):
        latest, _ = last_two(page_id, "facebook")
        visits = PageSourceDay.objects.filter(page_id=page_id, source="facebook").aggregate(
            n=Sum("views")
        )["n"]
        # Facebook saw at least everyone who came to the site from Facebook.
        assert latest["post_total_media_view_unique"] >= visits > 0, page_id


def test_an_instagram_post_sent_after_load_demo_continues_from_its_captions_short_address(
    standin, settings, tmp_path, django_capture_on_commit_callbacks
):
    """In `make run` the worker sends the posts after load_demo wrote the figures, so
    the stand-in knows them by no post id: it finds the story by the short address
    the caption names."""
    settings.VAR_DIR = tmp_path / "var"
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Strandrensning")
    publication = Publication.objects.get(page=story, channel="instagram")
    history = ReachPull.objects.create(
        publication=publication,
        page=story,
        channel="instagram",
        pulled_at=timezone.now() - datetime.timedelta(days=7),
    )
    ChannelMetric.objects.create(pull=history, metric="reach", value=5_000)
    path = seed_standin([story])
    written = json.loads(path.read_text())
    for entry in written["stories"]:
        entry["external_ids"] = {}  # written before the worker sent the post
    path.write_text(json.dumps(written))
    standin.configure(reach_seed_file=str(path))

    pull_reach()

    latest, before = last_two(story.pk, "instagram")
    assert before == {"reach": 5_000}
    assert latest["reach"] >= 5_000
