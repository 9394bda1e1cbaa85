import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone
from openpyxl import load_workbook

from channels.reach.aggregation import run_aggregation
from channels.reach.council_report import council_report
from channels.reach.models import (
    ManualFigure,
    PageDay,
    PressCoverage,
    RawHit,
    SiteDay,
    SiteMonth,
    StoryEvaluation,
)
from channels.reach.periods import Period
from channels.reach.reports import page_views, story_rows, unique_visitors
from cms.clock import JOBS
from stories.models import StoryPage
from tests.factories import default_site, make_story

from .helpers import at, hit

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2025, 3, 1)
TODAY = datetime.date(2025, 5, 15)


@pytest.fixture
def history():
    """Two stories, a visitor who comes back in April, one who does not."""
    first, second = make_story(title="Café Solstrålen"), make_story(title="Store Plantedag")
    hit(first, when=at(MARCH, 10), address="10.0.0.1")
    hit(second, when=at(MARCH, 11), address="10.0.0.2")
    hit(first, when=at(MARCH + datetime.timedelta(days=3), 9), address="10.0.0.1")
    run_aggregation(today=datetime.date(2025, 3, 31))
    hit(first, when=at(datetime.date(2025, 4, 2), 9), address="10.0.0.1")
    run_aggregation(today=datetime.date(2025, 4, 30))
    return first, second


def test_the_report_totals_equal_the_sum_of_the_stored_rows(history):
    period = Period(MARCH, datetime.date(2025, 4, 30))
    rows = story_rows(period)
    stored_page_views = PageDay.objects.aggregate(n=Sum("views"))["n"]
    assert sum(r.views for r in rows) == stored_page_views == 4
    assert page_views(period) == SiteDay.objects.aggregate(n=Sum("views"))["n"] == 4
    report = council_report(period, default_site(), TODAY)
    assert report.figure("Sidevisninger").value == 4
    assert sum(m.views for m in report.months) == 4
    assert sum(s.views for s in report.sources) == 4
    # March had two different readers, April one: the best month is March, and the
    # months are never added up into "people" (one reader came back in April).
    assert list(SiteMonth.objects.order_by("month").values_list("visitors", flat=True)) == [2, 1]
    assert report.figure("Unikke besøgende i den bedste måned").value == 2
    assert report.figure("Unikke besøgende i en typisk måned").value == 2  # median 1,5


def test_unique_visitors_in_a_month_are_true_and_a_longer_period_is_labelled_a_sum(history):
    march = unique_visitors(Period(MARCH, datetime.date(2025, 3, 31)), TODAY)
    assert (march.value, march.exact, march.note) == (2, True, "unikke besøgende i måneden")
    spring = unique_visitors(Period(MARCH, datetime.date(2025, 4, 30)), TODAY)
    assert spring.value == 3  # the returning visitor counts once a month
    assert not spring.exact and spring.note.startswith("summen af 2 måneders")


def test_the_api_returns_each_storys_figures(history, reader):
    response = reader.get("/api/reach/stories/?from=2025-03-01&to=2025-04-30")
    stories = {s["title"]: s for s in response.json()["stories"]}
    assert stories["Café Solstrålen"]["page_views"] == 3
    assert stories["Store Plantedag"]["unique_visitors"] == 1
    assert response.json()["from"] == "2025-03-01"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("from=1.3.2025", "from"), ("to=2025-13-01", "to"), ("from=2025-05-01&to=2025-04-01", "to")],
)
def test_a_malformed_period_is_refused_in_danish(reader, query, parameter):
    response = reader.get(f"/api/reach/stories/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert "dato" in body["fejl"].lower()


def test_the_story_export_has_the_same_figures_as_the_page(history, reader):
    url = "/admin/raekkevidde/?fra=2025-03-01&til=2025-04-30"
    csv_text = reader.get(url + "&format=csv").content.decode("utf-8-sig")
    assert "Café Solstrålen;" in csv_text and ";3;3;" in csv_text  # 3 views on 3 days
    workbook = load_workbook(io.BytesIO(reader.get(url + "&format=xlsx").content))
    sheet = workbook["Historier"]
    values = {row[0]: row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values == {"Café Solstrålen": 3, "Store Plantedag": 1}


def test_manual_figures_and_marks_show_in_the_council_report(reader):
    story = make_story(title="Affaldsindsamling på stranden")
    StoryPage.objects.filter(pk=story.pk).update(date=datetime.date(2025, 4, 1))
    StoryEvaluation.objects.create(story=story, is_branding_story=True, picked_up_by_press=False)
    PressCoverage.objects.create(
        story=story, outlet="TV 2 Lorry", level="regional", date=datetime.date(2025, 4, 3)
    )
    ManualFigure.objects.create(
        kind="facebook_group_members", value=3012, date=datetime.date(2025, 4, 10), source="Gruppen"
    )
    html = reader.get("/admin/raekkevidde/evalueringsrapport/?fra=2025-01-01&til=2025-12-31")
    text = html.content.decode()
    assert "3.012" in text and "TV 2 Lorry" in text
    # Judged once the evaluation year (the calendar year by default) is over.
    report = council_report(
        Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        default_site(),
        datetime.date(2026, 1, 5),
    )
    goals = {g.goal: (g.achieved, g.target, g.status) for g in report.goals}
    assert goals["Fortællinger til brandingkampagnen »Alt ligger på vejen hjem«"] == (
        "1",
        "20–25 historier",
        "Ikke nået (19 mangler)",
    )
    assert goals["Regionale eller landsdækkende historier"] == (
        "1",
        "3–5 historier",
        "Ikke nået (2 mangler)",
    )


def test_reading_the_reports_changes_nothing_until_the_clock_counts(reader):
    """A GET of a report or the reach API only reads; the clock's job counts the beacons."""
    story = make_story(title="Café Solstrålen")
    today = timezone.localdate().isoformat()
    hit(story, when=timezone.now(), address="10.0.0.1")
    hit(story, when=timezone.now(), address="10.0.0.2")
    api = f"/api/reach/stories/?from={today}&to={today}"

    before = reader.get(api).json()["stories"]
    reader.get(f"/admin/raekkevidde/?fra={today}&til={today}")
    assert RawHit.objects.count() == 2 and not PageDay.objects.exists()
    assert not [s for s in before if s["page_views"]]

    assert any(job.command == "aggregate_reach" for job in JOBS)
    call_command("aggregate_reach", stdout=io.StringIO())
    after = {s["title"]: s for s in reader.get(api).json()["stories"]}
    assert after["Café Solstrålen"]["page_views"] == 2
