"""The demo's reach history reads like the pilot year the evaluation describes."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.db.models import Sum

from channels.reach.models import ManualFigure, PageDay, SiteDay, SiteMonth
from demo import reach as demo_reach
from tests.factories import make_story

pytestmark = pytest.mark.django_db

STORIES = (
    ("300 gæster og 360 kilo tøj på Bredekærgård", datetime.date(2014, 9, 2)),
    ("Café Solstrålen: Tirsdag er ikke længere en ensom dag", datetime.date(2015, 3, 10)),
    ("Cykling uden alder: Vinden i håret igen", datetime.date(2015, 6, 2)),
    ("Ungerådet: Ishøjs unge skal også høres", datetime.date(2015, 10, 8)),
    ("HavhyttenFri: Frivillige vil holde Havhytten åben i weekenden", datetime.date(2016, 3, 17)),
)


@pytest.fixture
def loaded():
    stories = [make_story(title=title, date=day) for title, day in STORIES]
    demo_reach.load(io.StringIO())
    return stories


def test_the_first_months_grow_to_the_evaluations_figures(loaded):
    spring = {"month__gte": datetime.date(2015, 2, 1), "month__lte": datetime.date(2015, 6, 1)}
    assert SiteMonth.objects.filter(**spring).aggregate(n=Sum("views"))["n"] > 11_000
    assert SiteMonth.objects.filter(**spring).aggregate(n=Sum("visitors"))["n"] > 1_600
    months = list(SiteMonth.objects.order_by("month").values_list("visitors", flat=True))
    assert months[0] < months[4] < months[-1]  # February < June < March 2016
    assert SiteDay.objects.order_by("day").first().day == datetime.date(2015, 2, 1)


def test_older_and_newer_stories_differ(loaded):
    def views(story, start, end):
        rows = PageDay.objects.filter(page=story, day__gte=start, day__lte=end)
        return rows.aggregate(n=Sum("views"))["n"] or 0

    totals = [views(s, datetime.date(2015, 1, 1), datetime.date(2016, 12, 31)) for s in loaded]
    assert len(set(totals)) == len(totals)
    autumn = (datetime.date(2015, 10, 8), datetime.date(2015, 11, 30))
    assert views(loaded[3], *autumn) > 3 * views(loaded[0], *autumn)  # new beats 2014's
    assert views(loaded[4], datetime.date(2015, 1, 1), datetime.date(2016, 3, 16)) == 0


def test_loading_twice_changes_nothing(loaded):
    counts = (SiteDay.objects.count(), PageDay.objects.count(), ManualFigure.objects.count())
    demo_reach.load(io.StringIO())
    assert counts == (
        SiteDay.objects.count(),
        PageDay.objects.count(),
        ManualFigure.objects.count(),
    )


def test_the_council_report_of_the_demo_is_the_pilots_year(loaded, client):
    user = User.objects.create_user("laeser")
    user.groups.add(Group.objects.get(name="Rapportlæsere"))
    client.force_login(user)
    html = client.get("/admin/raekkevidde/evalueringsrapport/").content.decode()
    # The demo's evaluation years run from the launch month: the first year, counted
    # throughout, is the latest complete one with figures.
    assert "Periode: <strong>1. februar 2015 – 31. januar 2016</strong>" in html
    assert "Viser i stedet det seneste hele evalueringsår med tal" in html
    assert "Nået (mindst" in html  # 500 users: the best month alone has more
    assert "Smag på Ishøj" in html and "Cykling uden alder" in html
    # The pilot year's four press mentions fall in it, and meet the goal of 3–5.
    assert "Politiken" in html and "TV 2 Lorry" in html
    assert "ingen sammenligning – for lidt data" in html  # nothing was counted before
