import datetime

import pytest
from django.utils import timezone

from channels.reach.aggregation import run_aggregation
from channels.reach.models import PageDay, RawHit, SaltKind, SiteDay, SiteMonth, VisitorSalt
from tests.factories import make_story

from .helpers import BROWSER, OTHER_BROWSER, at, beacon, hit

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 10)


def test_two_visitors_are_two_unique_visitors_and_one_visitor_is_one(client):
    story = make_story()
    beacon(client, story, address="10.0.0.1")
    beacon(client, story, address="10.0.0.2")
    beacon(client, story, address="10.0.0.1", agent=OTHER_BROWSER)
    run_aggregation()
    row = PageDay.objects.get(page=story, day=timezone.localdate())
    assert (row.views, row.visitors) == (3, 3)


def test_one_visitor_on_two_stories_is_two_views_and_one_site_visitor():
    first, second = make_story(), make_story()
    hit(first, when=at(DAY, 10))
    hit(second, when=at(DAY, 10, 1))
    run_aggregation(today=DAY)
    site = SiteDay.objects.get(day=DAY)
    assert (site.views, site.visitors) == (2, 1)


def test_a_reload_within_30_minutes_is_not_a_new_page_view():
    story = make_story()
    for minute in (0, 5, 29):
        hit(story, when=at(DAY, 10, minute))
    run_aggregation(today=DAY)
    assert PageDay.objects.get(page=story, day=DAY).views == 1


def test_a_return_after_30_minutes_is_a_new_page_view_but_the_same_visitor():
    story = make_story()
    hit(story, when=at(DAY, 10, 0))
    hit(story, when=at(DAY, 10, 31))  # 31 min after the counted view: new view
    hit(story, when=at(DAY, 10, 50))  # 19 min after that one: a reload
    hit(story, when=at(DAY, 11, 5))  # 34 min after 10:31: new view
    run_aggregation(today=DAY)
    row = PageDay.objects.get(page=story, day=DAY)
    assert (row.views, row.visitors) == (3, 1)


def test_bots_are_not_counted(client):
    story = make_story()
    for agent in (
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "python-requests/2.32",
        "",
    ):
        assert beacon(client, story, agent=agent).status_code == 204
    assert not RawHit.objects.exists()


def test_prefetches_are_not_counted(client):
    story = make_story()
    beacon(client, story, HTTP_SEC_PURPOSE="prefetch;prerender")
    beacon(client, story, HTTP_PURPOSE="prefetch")
    assert not RawHit.objects.exists()


def test_the_beacon_sets_no_cookie_and_stores_no_address(client):
    story = make_story()
    response = beacon(client, story, address="192.0.2.77")
    assert response.status_code == 204
    assert not response.cookies
    stored = RawHit.objects.values()[0]
    assert "192.0.2.77" not in str(stored) and BROWSER not in str(stored)


def test_the_daily_salt_makes_yesterdays_visitor_a_new_visitor_today():
    story = make_story()
    next_day = DAY + datetime.timedelta(days=1)
    hit(story, when=at(DAY, 23, 50))
    hit(story, when=at(next_day, 9))
    run_aggregation(today=next_day)
    assert SiteDay.objects.get(day=DAY).visitors == 1
    assert SiteDay.objects.get(day=next_day).visitors == 1
    # The month salt still knows it is the same visitor within the month.
    assert SiteMonth.objects.get(month=DAY.replace(day=1)).visitors == 1


def test_a_days_salt_goes_when_the_day_is_over_and_its_raw_hits_after_the_grace(settings, caplog):
    settings.PERSONAL_DATA_RETENTION = {**settings.PERSONAL_DATA_RETENTION, "beacon_hits": 1}
    story = make_story()
    next_day = DAY + datetime.timedelta(days=1)
    hit(story, when=at(DAY, 12), address="192.0.2.55")
    hit(story, when=at(next_day, 12))
    assert VisitorSalt.objects.filter(kind=SaltKind.DAY).count() == 2

    run_aggregation(today=next_day)

    assert list(
        VisitorSalt.objects.filter(kind=SaltKind.DAY).values_list("period_start", flat=True)
    ) == [next_day]
    assert RawHit.objects.filter(day=DAY).exists()  # counted, and can be counted again

    with caplog.at_level("INFO", logger="voresishoej.retention"):
        run_aggregation(today=DAY + datetime.timedelta(days=2))

    assert not RawHit.objects.filter(day=DAY).exists()
    assert PageDay.objects.get(page=story, day=DAY).views == 1  # the figure stays
    assert "raw_hits=1" in caplog.text and "192.0.2.55" not in caplog.text


def test_recounting_a_day_in_the_grace_keeps_the_months_unique_visitors(settings):
    settings.PERSONAL_DATA_RETENTION = {**settings.PERSONAL_DATA_RETENTION, "beacon_hits": 1}
    story = make_story()
    march, april = datetime.date(2025, 3, 1), datetime.date(2025, 4, 1)
    hit(story, when=at(datetime.date(2025, 3, 20), 12), address="10.0.0.1")
    hit(story, when=at(datetime.date(2025, 3, 31), 12), address="10.0.0.2")

    run_aggregation(today=april)
    run_aggregation(today=april)  # March 31 is counted again within its grace
    assert SiteMonth.objects.get(month=march).visitors == 2

    run_aggregation(today=april + datetime.timedelta(days=1))
    assert not RawHit.objects.exists()
    assert SiteMonth.objects.get(month=march).visitors == 2


def test_month_salt_is_deleted_when_the_month_is_over():
    story = make_story()
    hit(story, when=at(DAY, 12))
    run_aggregation(today=datetime.date(2025, 4, 2))
    assert not VisitorSalt.objects.exists()
    assert SiteMonth.objects.get(month=datetime.date(2025, 3, 1)).visitors == 1


def test_aggregating_twice_gives_the_same_figures():
    story = make_story()
    hit(story, when=at(DAY, 12))
    hit(story, when=at(DAY, 12), address="10.9.9.9")
    run_aggregation(today=DAY)
    run_aggregation(today=DAY)
    row = PageDay.objects.get(page=story, day=DAY)
    assert (row.views, row.visitors) == (2, 2)
    assert SiteDay.objects.get(day=DAY).views == 2
