"""The demo's channel figures are believable next to the site's own figures."""

import statistics
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from channels.reach.models import ChannelMetric, PageSourceDay, ReachPull

pytestmark = pytest.mark.django_db


def latest(page_id, channel):
    pull = ReachPull.objects.filter(page_id=page_id, channel=channel).order_by("-pulled_at").first()
    return dict(pull.metrics.values_list("metric", "value")) if pull else None


ISHOJ_INHABITANTS = 24_000


def test_the_demos_channel_figures_are_believable_for_the_site_and_the_town(standin):
    """Facebook saw at least the site's visitors from Facebook; no two stories match;
    and no post reached more people than live in Ishøj (the pilot's Facebook group
    had 3,000 members), nor a local Instagram account more than a few thousand."""
    call_command("load_demo", stdout=StringIO())

    story_ids = sorted(set(ReachPull.objects.values_list("page_id", flat=True)))
    assert len(story_ids) >= 10
    facebook = {pk: latest(pk, "facebook") for pk in story_ids}
    for pk, figures in facebook.items():
        visits = (
            PageSourceDay.objects.filter(page_id=pk, source="facebook").aggregate(n=Sum("views"))[
                "n"
            ]
            or 0
        )
        assert figures["post_total_media_view_unique"] >= visits > 0
        assert figures["post_media_view"] > figures["post_total_media_view_unique"]
    assert len({tuple(sorted(f.items())) for f in facebook.values()}) == len(facebook)
    # Popular stories reach visibly further than quiet ones.
    reached = [f["post_total_media_view_unique"] for f in facebook.values()]
    assert max(reached) > 1.5 * min(reached)
    assert max(reached) < ISHOJ_INHABITANTS
    assert 1_000 <= statistics.median(reached) <= 10_000
    instagram = [latest(pk, "instagram") for pk in story_ids]
    assert all(f["views"] >= f["reach"] for f in instagram)
    assert max(f["reach"] for f in instagram) <= 3_000
    assert all(f["likes"] < f["reach"] / 10 and f["comments"] < f["likes"] for f in instagram)
    assert ChannelMetric.objects.filter(pull__channel="instagram", metric="views").exists()


def test_loading_the_demo_again_adds_no_figures(standin):
    call_command("load_demo", stdout=StringIO())
    count = ReachPull.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert ReachPull.objects.count() == count
