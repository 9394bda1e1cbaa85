import pytest
from django.utils import timezone

from channels.reach.aggregation import run_aggregation
from channels.reach.attribution import attribute
from channels.reach.models import PageSourceDay, SiteSourceDay
from channels.reach.periods import Period
from channels.reach.reports import story_rows
from tests.factories import make_story

from .helpers import beacon

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("referrer", "source"),
    [
        ("https://m.facebook.com/groups/voresishoj/", "facebook"),
        ("https://l.instagram.com/", "instagram"),
        ("https://www.youtube.com/watch?v=abc", "youtube"),
        ("https://www.google.dk/", "search"),
        ("https://duckduckgo.com/", "search"),
        ("https://www.ishoj.dk/borger/", "municipal"),
        ("", "direct"),
        ("https://voresishoj.dk/historier/", "direct"),
        ("https://example.org/blog", "other"),
    ],
)
def test_source_from_the_referrer(referrer, source):
    assert attribute("", referrer, own_host="voresishoj.dk").source == source


def test_the_channels_utm_tag_wins_over_a_missing_or_other_referrer():
    result = attribute(
        "?utm_source=instagram&utm_medium=social&utm_campaign=strandrensning", "", "voresishoj.dk"
    )
    assert (result.source, result.utm_source, result.utm_campaign) == (
        "instagram",
        "instagram",
        "strandrensning",
    )


def test_an_unknown_utm_source_falls_back_to_the_referrer():
    assert attribute("?utm_source=nyhedsbrev", "https://www.bing.com/", "").source == "search"


def test_sources_appear_in_the_site_and_story_figures(client):
    story = make_story()
    beacon(client, story, referrer="https://www.facebook.com/", address="10.0.0.1")
    beacon(client, story, query="?utm_source=detsker&utm_campaign=x", address="10.0.0.2")
    beacon(client, story, address="10.0.0.3")
    run_aggregation()
    today = timezone.localdate()
    by_source = dict(SiteSourceDay.objects.filter(day=today).values_list("source", "views"))
    assert by_source == {"facebook": 1, "municipal": 1, "direct": 1}
    assert PageSourceDay.objects.filter(page=story, utm_source="detsker").get().views == 1
    row = next(r for r in story_rows(Period(today, today)) if r.page_id == story.pk)
    assert row.utm_views == {"detsker": 1}  # click-throughs from the municipal listing


def test_the_facebook_groups_link_is_credited_to_the_group_not_the_page(client):
    from channels.reach.models import RawHit
    from channels.registry import get_channel
    from channels.rendering import render_page

    story = make_story(slug="cafe")
    group_link = render_page(story, get_channel("facebook_group")).link
    page_link = render_page(story, get_channel("facebook")).link
    beacon(client, story, query="?" + group_link.split("?", 1)[1], address="10.0.0.1")
    beacon(client, story, query="?" + page_link.split("?", 1)[1], address="10.0.0.2")

    assert "utm_source=facebook" in group_link and "utm_content=gruppe" in group_link
    assert sorted(RawHit.objects.values_list("source", "utm_source", "utm_content")) == [
        ("facebook", "facebook", ""),
        ("fb_group", "facebook_group", "gruppe"),
    ]
    run_aggregation()
    today = timezone.localdate()
    row = next(r for r in story_rows(Period(today, today)) if r.page_id == story.pk)
    assert row.utm_views == {"facebook": 1, "facebook_group": 1}
    by_source = dict(SiteSourceDay.objects.filter(day=today).values_list("source", "views"))
    assert by_source == {"facebook": 1, "fb_group": 1}
