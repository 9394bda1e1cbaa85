"""The council report as a council member reads it: every figure labelled,
people never added up over posts or months, each goal judged over its own
period, a summary first, growth only against comparable periods.

The fixture's answers are worked out by hand in the comments beside them."""

import datetime
import re

import pytest
from django.utils import timezone

from channels.models import Publication
from channels.reach.comparison import NO_COMPARISON
from channels.reach.council_report import (
    BEST_MONTH_COUNT,
    MEDIAN_MONTH_COUNT,
    NO_YEAR_FIGURE,
    VIEWS_COUNT,
    VISITS_COUNT,
    council_report,
)
from channels.reach.models import (
    ChannelMetric,
    EvaluationTargets,
    ManualFigure,
    PressCoverage,
    PressLevel,
    ReachPull,
    SiteDay,
    SiteMonth,
    TimelineNote,
)
from channels.reach.periods import Period, month_end, next_month
from tests.factories import default_site, make_story

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)
LAUNCH = datetime.date(2025, 2, 1)
# Evaluation years run from February: the last complete one on TODAY.
YEAR = Period(datetime.date(2025, 2, 1), datetime.date(2026, 1, 31))


@pytest.fixture(autouse=True)
def targets():
    targets = EvaluationTargets.for_site(default_site())
    targets.launch_date = LAUNCH
    targets.evaluation_year_start = 2
    targets.people_threshold = 1000
    targets.save()
    return targets


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: TODAY)


def counted(start: datetime.date, end: datetime.date, views=10, visitors=4, monthly=None):
    """Stored aggregates for every day from start to end, as the counting leaves them."""
    day = start
    while day <= end:
        SiteDay.objects.create(day=day, views=views, visitors=visitors)
        day += datetime.timedelta(days=1)
    month = start.replace(day=1)
    while month <= end:
        SiteMonth.objects.create(
            month=month,
            views=views * ((min(month_end(month), end) - max(month, start)).days + 1),
            visitors=(monthly or {}).get(month, 30),
        )
        month = next_month(month)


def report_html(reader, period: Period | None = None) -> str:
    url = "/admin/raekkevidde/evalueringsrapport/"
    if period:
        url += f"?fra={period.start}&til={period.end}"
    return reader.get(url).content.decode()


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def row(html: str, label: str) -> str:
    found = re.search(rf'<th scope="row">{re.escape(label)}.*?</tr>', html, re.S)
    assert found, label
    return found.group(0)


# --- The channels' own figures -------------------------------------------------------


def facebook_post(title, people, views, published, pulls=()):
    """A story's Facebook post with one pull in the period (and any earlier `pulls`)."""
    story = make_story(title=title)
    publication = Publication.objects.create(
        page=story,
        channel="facebook",
        status="published",
        external_id=title,
        published_at=timezone.make_aware(datetime.datetime.combine(published, datetime.time(9))),
    )
    for day, p, v in [*pulls, (datetime.date(2026, 1, 20), people, views)]:
        pull = ReachPull.objects.create(
            publication=publication,
            page=story,
            channel="facebook",
            pulled_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(5))),
        )
        ChannelMetric.objects.create(pull=pull, metric="post_total_media_view_unique", value=p)
        ChannelMetric.objects.create(pull=pull, metric="post_media_view", value=v)
    return story


@pytest.fixture
def posts():
    facebook_post("Historie A", 100, 150, datetime.date(2025, 3, 1))
    facebook_post(
        "Historie B",
        300,
        400,
        datetime.date(2025, 5, 1),
        pulls=[(datetime.date(2025, 5, 8), 90, 95)],
    )
    facebook_post("Historie C", 1200, 1500, datetime.date(2025, 8, 1))
    facebook_post("Historie D", 2000, 2600, datetime.date(2025, 11, 1))
    # Went out before the period: its figures belong to the year it went out in.
    facebook_post("Gammel historie", 5000, 7000, datetime.date(2024, 12, 1))


def test_people_are_shown_per_post_and_never_added_up(reader, posts):
    html = section(report_html(reader, YEAR), "kanaler")
    people = row(html, "Facebook-siden</th><td>Personer, der så opslaget")
    # Four posts went out in the year: 100, 300, 1.200, 2.000 people (B's latest pull).
    # Median of four: (300 + 1.200) / 2 = 750. Best: D with 2.000. At least 1.000: C and D.
    cells = re.findall(r"<td[^>]*>(.*?)</td>", people, re.S)
    assert cells[1:] == ["4", "750", "2.000 – Historie D", "50,0 % (2 af 4)"]
    # No sum of people anywhere: 100 + 300 + 1.200 + 2.000, nor with the old post.
    assert "3.600" not in html and "8.600" not in html
    views = row(html, "Facebook-siden</th><td>Visninger af opslaget")
    # Views add up: 150 + 400 + 1.500 + 2.600 = 4.650, the old post's 7.000 not among them.
    assert re.findall(r"<td[^>]*>(.*?)</td>", views, re.S)[1:] == ["4", "4.650"]


def test_api_names_appear_only_in_the_footnotes(reader, posts):
    html = report_html(reader, YEAR)
    footnotes = re.search(r'<ol class="footnotes">.*?</ol>', html, re.S).group(0)
    assert "post_total_media_view_unique" in footnotes and "post_media_view" in footnotes
    rest = html.replace(footnotes, "")
    for name in ("post_total_media_view_unique", "post_media_view", "<code>"):
        assert name not in rest


def test_only_definition_notes_that_touch_the_period_are_printed(reader, posts):
    # Meta replaced 'impressions' with 'views' on 15 November 2025.
    change = "Platformen ændrede tallet 15. november 2025"
    assert change in report_html(reader, YEAR)
    before = Period(datetime.date(2024, 2, 1), datetime.date(2025, 1, 31))
    assert change not in report_html(reader, before)


# --- Key figures ---------------------------------------------------------------------


def test_every_key_figure_says_what_it_counts_and_no_year_of_people_is_invented(reader):
    counted(YEAR.start, YEAR.end)
    figures = section(report_html(reader, YEAR), "noegletal")
    for label, counts in (
        ("Sidevisninger", VIEWS_COUNT),
        ("Besøg (læsere pr. dag, lagt sammen)", VISITS_COUNT),
        ("Unikke besøgende i den bedste måned", BEST_MONTH_COUNT),
        ("Unikke besøgende i en typisk måned", MEDIAN_MONTH_COUNT),
    ):
        assert counts in row(figures, label), label
    assert "Unikke brugere" not in figures and "Summen af månedernes" not in figures
    assert NO_YEAR_FIGURE in figures


def test_the_best_and_the_typical_month(reader):
    # Twelve months of 30 readers, but March 90 and April 60: best March (90), and the
    # median of ten 30s, one 60 and one 90 is 30.
    monthly = {datetime.date(2025, 3, 1): 90, datetime.date(2025, 4, 1): 60}
    counted(YEAR.start, YEAR.end, monthly=monthly)
    report = council_report(YEAR, default_site(), TODAY)
    assert report.figure("Unikke besøgende i den bedste måned").value == 90
    assert report.figure("Unikke besøgende i den bedste måned").detail == "marts 2025"
    assert report.figure("Unikke besøgende i en typisk måned").value == 30


def test_growth_against_a_year_with_one_month_of_data_is_not_a_percentage(reader):
    counted(datetime.date(2025, 1, 1), YEAR.end)  # the year before: January only
    figures = section(report_html(reader, YEAR), "noegletal")
    assert figures.count(NO_COMPARISON) == 4
    assert "%" not in figures.replace(NO_COMPARISON, "")


def test_a_year_the_portal_counted_only_part_of_is_not_compared():
    # Both years over, the year before counted throughout, this one only until July.
    counted(datetime.date(2024, 2, 1), datetime.date(2025, 7, 31))
    report = council_report(YEAR, default_site(), TODAY)
    assert report.figure("Sidevisninger").comparison_text == NO_COMPARISON


def test_growth_is_shown_against_a_complete_period_of_the_same_length():
    counted(datetime.date(2025, 1, 1), datetime.date(2025, 1, 31), views=10)
    counted(datetime.date(2025, 2, 1), datetime.date(2025, 2, 28), views=20)
    february = Period(datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    report = council_report(february, default_site(), TODAY)
    # 20 × 28 days against 10 × 31 days: the months are the same kind, whole and counted.
    assert report.figure("Sidevisninger").comparison_text == (
        "+81 % mod 1. januar 2025 – 31. januar 2025 (310)"
    )


# --- Goals, each over its own period -------------------------------------------------


@pytest.mark.parametrize(
    ("best", "others", "status"),
    [
        (620, 100, "Nået (mindst 620 forskellige i én måned)"),
        # At most 80 + 11 × 30 = 410 different readers in the first year: below 500.
        (80, 30, "Ikke nået"),
        # At least 300, at most 300 + 11 × 40 = 740: 500 may or may not be reached.
        (300, 40, "Kan ikke afgøres"),
    ],
)
def test_the_users_goal_is_judged_over_the_first_year_whatever_the_range(best, others, status):
    march = datetime.date(2025, 3, 1)
    monthly = {m: others for m in Period(YEAR.start, YEAR.end).months()} | {march: best}
    counted(YEAR.start, YEAR.end, monthly=monthly)
    june = Period(datetime.date(2025, 6, 1), datetime.date(2025, 6, 30))
    for period in (YEAR, june):
        users = council_report(period, default_site(), TODAY).goals[0]
        assert users.status == status
        assert users.period == "1.2.2025–31.1.2026"
        assert f"Mindst {best}: så mange unikke besøgende" in users.achieved
    assert users.applies_note == "målet gælder 1.2.2025–31.1.2026"
    assert council_report(YEAR, default_site(), TODAY).goals[0].applies_note == ""


def test_a_first_year_not_over_is_not_judged_until_it_is():
    counted(YEAR.start, datetime.date(2025, 9, 30), monthly={})
    users = council_report(YEAR, default_site(), datetime.date(2025, 10, 15)).goals[0]
    assert users.status == "Kan ikke afgøres endnu (perioden slutter 31.1.2026)"
    assert users.met is None


def press(day: datetime.date, outlet="TV 2 Lorry"):
    PressCoverage.objects.create(outlet=outlet, level=PressLevel.REGIONAL, date=day)


def test_the_press_goal_is_judged_over_the_evaluation_year_of_the_range():
    # The evaluation year 1.2.2025–31.1.2026 has three mentions; June has none.
    for day in ("2025-03-10", "2025-11-02", "2026-01-20", "2026-02-05"):
        press(datetime.date.fromisoformat(day))
    june = Period(datetime.date(2025, 6, 1), datetime.date(2025, 6, 30))
    goal = council_report(june, default_site(), TODAY).goals[2]
    assert (goal.achieved, goal.status, goal.met) == ("3", "Nået", True)
    assert goal.applies_note == "målet gælder 1.2.2025–31.1.2026"
    # The running year (from 1.2.2026) has one mention so far: not judged yet.
    running = Period(datetime.date(2026, 2, 1), datetime.date(2026, 3, 14))
    goal = council_report(running, default_site(), TODAY).goals[2]
    assert (goal.achieved, goal.met) == ("1", None)
    assert goal.status == "Kan ikke afgøres endnu (perioden slutter 31.1.2027)"


def test_the_goals_table_names_each_goal_its_period_figure_and_source(reader):
    counted(YEAR.start, YEAR.end)
    ManualFigure.objects.create(
        kind="facebook_group_members",
        value=3104,
        date=datetime.date(2026, 1, 20),
        source="Gruppens forside, aflæst af sekretariatet",
    )
    goals = section(report_html(reader, YEAR), "maal")
    rows = re.findall(r'<th scope="row">(.*?)<br>', goals)
    assert rows == [
        "Brugere på voresishoj.dk inden for portalens første år",
        "Fortællinger til brandingkampagnen »Alt ligger på vejen hjem«",
        "Regionale eller landsdækkende historier",
        "Medlemmer af Facebook-gruppen Vores Ishøj",
    ]
    members = row(goals, "Medlemmer af Facebook-gruppen Vores Ishøj")
    assert "3.104 (aflæst 20. januar 2026)" in members
    assert "Kilde: Gruppens forside, aflæst af sekretariatet" in members


# --- Default period, summary, timeline ----------------------------------------------


def test_the_default_period_is_the_last_complete_evaluation_year_with_its_press(reader):
    counted(YEAR.start, datetime.date(2026, 3, 14))
    press(datetime.date(2025, 4, 29), outlet="Sjællandske Medier")
    press(datetime.date(2026, 2, 5), outlet="DR P4")  # the running year
    html = report_html(reader)
    assert "Periode: <strong>1. februar 2025 – 31. januar 2026</strong>" in html
    mentions = section(html, "presse")
    assert "Sjællandske Medier" in mentions and "DR P4" not in mentions


def test_a_year_without_figures_falls_back_to_the_latest_counted_one(reader):
    # Counting stopped in January 2025: the last complete year counted throughout is
    # 1.2.2023–31.1.2024 (the one after has figures only until January).
    counted(datetime.date(2023, 2, 1), datetime.date(2025, 1, 10))
    html = report_html(reader)
    assert "Periode: <strong>1. februar 2023 – 31. januar 2024</strong>" in html
    assert "Portalen har ikke tal for hele evalueringsåret 1. februar 2025" in html


def test_a_one_page_summary_opens_the_report(reader):
    counted(YEAR.start, YEAR.end, views=10, monthly={datetime.date(2025, 9, 1): 700})
    make_story(title="Ny historie", date=datetime.date(2025, 6, 2))
    make_story(title="Gammel historie", date=datetime.date(2024, 6, 2))
    html = report_html(reader, YEAR)
    assert html.index('id="sammendrag"') < html.index('id="noegletal"')
    summary = section(html, "sammendrag")
    # 365 days × 10 page views; the best month September with 700; one story dated in it.
    assert "Sider på voresishoj.dk blev vist 3.650 gange i perioden" in summary
    assert "I den bedste måned, september 2025, brugte 700 forskellige læsere" in summary
    assert "1 historier dateret i perioden" in summary
    assert summary.count("<li>") == 4  # every goal with its status, one sentence each
    assert "Målet om 500 brugere i portalens første år (1.2.2025–31.1.2026) er nået" in summary


def test_a_timeline_note_is_on_the_chart_and_beside_its_month(reader):
    counted(YEAR.start, YEAR.end)
    TimelineNote.objects.create(date=datetime.date(2025, 7, 6), text="Byttemarked")
    TimelineNote.objects.create(date=datetime.date(2024, 7, 6), text="Før perioden")
    html = report_html(reader, YEAR)
    months = section(html, "maaneder")
    chart = months[: months.index("</svg>")]
    assert 'stroke-dasharray="4 3"' in chart and ">1</text>" in chart
    assert "1. 6. juli 2025: Byttemarked" in html
    assert "Byttemarked" in row(html, "juli 2025")
    assert "Før perioden" not in html


def test_unique_visitors_have_a_chart_of_their_own_scale(reader):
    # 310 page views a month against 30 readers: on one axis the readers would lie flat.
    counted(YEAR.start, YEAR.end)
    months = section(report_html(reader, YEAR), "maaneder")
    charts = re.findall(r"<svg.*?</svg>", months, re.S)
    assert len(charts) == 2
    assert 'aria-label="Unikke besøgende pr. måned"' in charts[1]
    # The readers' axis goes to 50 (the round number above 30), the views' to 500.
    assert ">50</text>" in charts[1] and ">500</text>" in charts[0]
