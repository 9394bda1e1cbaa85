"""The council report as a council member reads it: every figure labelled,
growth only against comparable periods, the goals beside figures of their
own kind, and the secretariat's notes on the timeline."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User

from channels.reach.comparison import NO_COMPARISON
from channels.reach.council_report import (
    BEST_MONTH_COUNT,
    MONTH_SUM_COUNT,
    NO_YEAR_FIGURE,
    VIEWS_COUNT,
    VISITS_COUNT,
    council_report,
)
from channels.reach.models import ManualFigure, SiteDay, SiteMonth, TimelineNote
from channels.reach.periods import Period, month_end, next_month
from tests.factories import default_site

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)
YEAR = Period(datetime.date(2025, 3, 1), datetime.date(2026, 2, 28))


@pytest.fixture
def reader(client):
    user = User.objects.create_user("laeser")
    user.groups.add(Group.objects.get(name="Rapportlæsere"))
    client.force_login(user)
    return client


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


def report_html(reader, period: Period) -> str:
    url = f"/admin/raekkevidde/evalueringsrapport/?fra={period.start}&til={period.end}"
    return reader.get(url).content.decode()


def table_after(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</table>", start)]


def test_every_key_figure_says_what_it_counts_and_no_year_of_people_is_invented(reader):
    counted(datetime.date(2025, 3, 1), datetime.date(2026, 2, 28))
    html = report_html(reader, YEAR)
    figures = table_after(html, "noegletal")
    for label, counts in (
        ("Sidevisninger", VIEWS_COUNT),
        ("Besøg (læsere pr. dag, lagt sammen)", VISITS_COUNT),
        ("Unikke besøgende i den bedste måned", BEST_MONTH_COUNT),
        ("Summen af månedernes unikke besøgende", MONTH_SUM_COUNT),
    ):
        row = re.search(rf"<th scope=\"row\">{re.escape(label)}.*?</tr>", figures, re.S)
        assert row and counts in row.group(0), label
    assert "Unikke brugere" not in html
    assert NO_YEAR_FIGURE in html
    assert "tæller igen" in MONTH_SUM_COUNT


def test_growth_against_a_year_with_one_month_of_data_is_not_a_percentage(reader):
    counted(datetime.date(2025, 2, 1), datetime.date(2026, 2, 28))  # the year before: February
    html = report_html(reader, YEAR)
    figures = table_after(html, "noegletal")
    assert figures.count(NO_COMPARISON) == 4
    assert "%" not in figures.replace(NO_COMPARISON, "")


def test_a_running_period_is_not_compared_either():
    counted(datetime.date(2025, 1, 1), datetime.date(2025, 3, 14))
    running = Period(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    report = council_report(running, default_site(), datetime.date(2025, 3, 15))
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


def _goals(html: str) -> tuple[list[str], dict[str, str]]:
    table = table_after(html, "maal")
    headings = re.findall(r'<th scope="col">(.*?)</th>', table)
    rows = {
        m.group(1): m.group(0)
        for m in re.finditer(r'<th scope="row">(.*?)</th>.*?</tr>', table, re.S)
    }
    return headings, rows


def test_the_goals_table_has_distinct_headings_and_every_goal_with_period_figure_source(reader):
    counted(datetime.date(2025, 3, 1), datetime.date(2026, 2, 28))
    ManualFigure.objects.create(
        kind="facebook_group_members",
        value=3104,
        date=datetime.date(2026, 2, 20),
        source="Gruppens forside, aflæst af sekretariatet",
    )
    headings, rows = _goals(report_html(reader, YEAR))
    assert len(headings) == len(set(headings)) and headings.count("Mål") == 1
    assert set(rows) == {
        "Brugere på voresishoj.dk inden for et år",
        "Fortællinger til brandingkampagnen »Alt ligger på vejen hjem«",
        "Regionale eller landsdækkende historier",
        "Medlemmer af Facebook-gruppen Vores Ishøj",
    }
    assert "3.104 (aflæst 20. februar 2026)" in rows["Medlemmer af Facebook-gruppen Vores Ishøj"]
    assert "aflæst af sekretariatet" in rows["Medlemmer af Facebook-gruppen Vores Ishøj"]
    assert YEAR.label in rows["Regionale eller landsdækkende historier"]


@pytest.mark.parametrize(
    ("best", "others", "status"),
    [
        (620, 100, "Nået (mindst 620 forskellige i én måned)"),
        (80, 30, "Ikke nået"),
        (300, 250, "Kan ikke afgøres"),  # a floor of 300 and a ceiling of 550
    ],
)
def test_the_users_goal_is_judged_by_figures_of_its_own_kind(reader, best, others, status):
    march = datetime.date(2025, 3, 1)
    monthly = {march: best, **{next_month(march): others}}
    counted(march, datetime.date(2025, 4, 30), monthly=monthly)
    report = council_report(YEAR, default_site(), TODAY)
    users = report.goals[0]
    assert users.status == status
    assert "Kan ikke tælles uden cookies" in users.achieved
    assert f"{best} unikke besøgende i den bedste måned (marts 2025)" in users.achieved


def test_a_timeline_note_is_on_the_chart_and_beside_its_month(reader):
    counted(datetime.date(2025, 3, 1), datetime.date(2026, 2, 28))
    TimelineNote.objects.create(date=datetime.date(2025, 7, 6), text="Byttemarked")
    TimelineNote.objects.create(date=datetime.date(2024, 7, 6), text="Før perioden")
    html = report_html(reader, YEAR)
    chart = html[html.index('id="maaneder"') : html.index("</svg>", html.index('id="maaneder"'))]
    assert 'stroke-dasharray="4 3"' in chart and ">1</text>" in chart
    assert "1. 6. juli 2025: Byttemarked" in html
    month_row = re.search(r"<th scope=\"row\">juli 2025</th>.*?</tr>", html, re.S).group(0)
    assert "Byttemarked" in month_row
    assert "Før perioden" not in html
