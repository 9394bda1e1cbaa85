"""Reach is pulled on a bounded schedule and stored as one snapshot per post, metric and day."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from channels.reach.models import ChannelMetric, ReachPull
from channels.reach.pulling import pull_reach
from channels.reach.schedule import pull_interval
from tests.factories import make_story
from tests.reach.test_pulling import published, seed_facebook_post

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("age", "every"),
    [
        (HOUR, HOUR),
        (2 * DAY - HOUR, HOUR),
        (2 * DAY, DAY),
        (89 * DAY, DAY),
        (90 * DAY, 7 * DAY),
        (364 * DAY, 7 * DAY),
        (365 * DAY, None),
    ],
)
def test_young_posts_are_pulled_often_old_ones_rarely_and_a_year_old_never(age, every):
    assert pull_interval(age) == every


def facebook_post(standin, went_out):
    story = make_story()
    seed_facebook_post(standin, "1000000001_900")
    publication = published(story, "facebook", "1000000001_900")
    publication.published_at = went_out
    publication.save()
    return publication


def test_two_pulls_on_one_day_keep_one_snapshot_with_the_later_figures(standin):
    now = timezone.now().replace(hour=12)
    publication = facebook_post(standin, now - HOUR)

    pull_reach(now)
    pull_reach(now + 2 * HOUR)

    pulls = ReachPull.objects.filter(publication=publication)
    assert pulls.count() == 1 and pulls.get().pulled_at == now + 2 * HOUR
    names = list(ChannelMetric.objects.filter(pull__publication=publication).values_list("metric"))
    assert len(names) == len(set(names))  # one row per metric


def test_a_ten_day_old_post_is_pulled_once_a_day(standin):
    now = timezone.now().replace(hour=12)
    publication = facebook_post(standin, now - 10 * DAY)

    assert pull_reach(now).pulled == 1
    assert pull_reach(now + 3 * HOUR).pulled == 0
    assert pull_reach(now + DAY).pulled == 1
    assert ReachPull.objects.filter(publication=publication).count() == 2


def test_a_post_older_than_a_year_is_not_pulled_any_more(standin):
    now = timezone.now()
    publication = facebook_post(standin, now - 400 * DAY)

    assert pull_reach(now).pulled == 0
    assert not ReachPull.objects.filter(publication=publication).exists()


def test_a_failed_pull_never_erases_the_days_figures(standin):
    now = timezone.now().replace(hour=12)
    publication = facebook_post(standin, now - HOUR)
    pull_reach(now)
    figures = dict(
        ChannelMetric.objects.filter(pull__publication=publication).values_list("metric", "value")
    )

    standin.fault("facebook", "permanent", count=5)
    pull_reach(now + 2 * HOUR)

    snapshot = ReachPull.objects.get(publication=publication)
    assert snapshot.ok
    assert dict(snapshot.metrics.values_list("metric", "value")) == figures


def test_the_migration_collapses_old_hourly_pulls_to_the_days_last_figures(standin):
    publication = facebook_post(standin, timezone.now() - 3 * DAY)
    day = timezone.localdate() - DAY
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    old_days = iter(datetime.date(1900, 1, 1) + n * DAY for n in range(10))
    for hour, (views, people) in enumerate([(10, 5), (20, None), (30, 9)]):
        pull = ReachPull.objects.create(
            publication=publication, channel="facebook", pulled_at=at + hour * HOUR,
            day=next(old_days), ok=people is not None,
        )  # fmt: skip
        ChannelMetric.objects.create(pull=pull, metric="post_media_view", value=views)
        if people is not None:
            ChannelMetric.objects.create(
                pull=pull, metric="post_total_media_view_unique", value=people
            )

    migration = importlib.import_module("channels.reach.migrations.0009_one_reach_snapshot_per_day")
    migration.collapse_to_days(apps, None)

    kept = ReachPull.objects.get(publication=publication)
    assert kept.day == day and kept.pulled_at == at + 2 * HOUR
    assert dict(kept.metrics.values_list("metric", "value")) == {
        "post_media_view": 30,
        "post_total_media_view_unique": 9,
    }
