"""The council report's participation figures against submissions whose answers
are known by hand: counts per kind and month, published, the median and 90th
percentile time to an answer, and confirmed task sign-ups."""

import csv
import datetime
import io

import pypdf
import pytest
from django.utils import timezone
from openpyxl import load_workbook

from channels.reach.participation import nearest_rank, participation
from channels.reach.periods import Period
from home.models import Contribution
from stories.models import TaskSignup
from tests.community.helpers import make_group

pytestmark = pytest.mark.django_db

Q1 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
REPORT = "/admin/raekkevidde/evalueringsrapport/?fra=2025-01-01&til=2025-03-31"


def at(month, day, hour=10):
    year = 2024 if month == 0 else 2025
    return timezone.make_aware(datetime.datetime(year, month or 12, day, hour))


# kind, received, answered, status; waits by hand: 1, 3, 2, 5, 10 and 21 days.
SUBMISSIONS = [
    ("historie", at(1, 5), at(1, 6), "udgivet"),
    ("historie", at(1, 10), at(1, 13), "afvist"),
    ("opskrift", at(1, 20), at(1, 22), "udgivet"),
    ("billede", at(2, 2), at(2, 7), "udgivet"),
    ("begivenhed", at(2, 14), at(2, 24), "udgivet"),
    ("sted", at(3, 1), None, "modtaget"),
    ("begivenhed", at(3, 3), None, "trukket"),
    # Received in the period, answered after it: its wait counts, in full.
    ("historie", at(3, 30), at(4, 20), "udgivet"),
    # Outside the period on either side: not counted.
    ("historie", at(0, 31), at(1, 2), "udgivet"),
    ("sted", at(4, 1), at(4, 2), "udgivet"),
]


@pytest.fixture
def fixture():
    for kind, received, answered, status in SUBMISSIONS:
        Contribution.objects.create(
            kind=kind, title=f"{kind} {received:%d.%m}", received_at=received,
            answered_at=answered, status=status, reason="Begrundelse" if status == "afvist" else "",
        )  # fmt: skip
    group = make_group(tasks=(("Kaffe til loppemarkedet", 10),))
    task = group.tasks.get()
    signups = [
        (at(1, 15), at(1, 15, 12)),  # confirmed, counts
        (at(3, 2), at(3, 3)),  # confirmed, counts
        (at(2, 1), None),  # never confirmed: does not count
        (at(4, 3), at(4, 3, 11)),  # after the period
    ]
    for created, confirmed in signups:
        signup = TaskSignup.objects.create(task=task, name="Ib", contact="ib@example.dk")
        TaskSignup.objects.filter(pk=signup.pk).update(created_at=created, confirmed_at=confirmed)


def test_the_figures_match_the_answers_worked_out_by_hand(fixture):
    data = participation(Q1, datetime.date(2025, 6, 1))
    values = {f.label: f.value for f in data.figures}
    assert values["Indsendelser modtaget"] == 8
    assert values["Heraf udgivet"] == 5
    assert values["Heraf afvist med begrundelse"] == 1
    assert values["Heraf uden svar endnu"] == 1
    assert values["Svartid, median"] == 4.0  # (3 + 5) / 2
    assert values["Svartid, 90 %-fraktil"] == 21.0  # rank ceil(0.9 × 6) = 6
    assert values["Tilmeldinger til opgaver"] == 2
    months = {m.month.month: (m.per_kind, m.total) for m in data.months}
    assert months[1] == ({"historie": 2, "opskrift": 1, "billede": 0, "begivenhed": 0,
                          "sted": 0}, 3)  # fmt: skip
    assert months[2][0]["billede"] == 1 and months[2][0]["begivenhed"] == 1 and months[2][1] == 2
    assert months[3][0]["sted"] == 1 and months[3][0]["historie"] == 1 and months[3][1] == 3
    assert all(f.counts for f in data.figures)


def test_the_percentile_is_one_of_the_waits():
    assert nearest_rank([], 0.9) is None
    assert nearest_rank([4.0], 0.9) == 4.0
    assert nearest_rank([float(n) for n in range(1, 11)], 0.9) == 9.0
    assert nearest_rank([float(n) for n in range(1, 12)], 0.9) == 10.0


def test_the_report_shows_each_figure_with_what_it_counts(fixture, reader):
    html = reader.get(REPORT).content.decode()
    section = html[html.index('id="deltagelse"') :]
    assert "Borgernes deltagelse" in html
    assert "Svartid, median" in section and "4,0 dage" in section
    assert "21,0 dage" in section
    assert "halvdelen fik svar" in section
    assert "ubekræftede tilmeldinger tæller ikke" in section


def test_csv_and_xlsx_carry_the_same_figures(fixture, reader):
    rows = list(csv.reader(io.StringIO(reader.get(REPORT + "&format=csv").content.decode(
        "utf-8-sig")), delimiter=";"))  # fmt: skip
    assert rows[0] == ["Tal", "Perioden", "Enhed", "Hvad tallet tæller"]
    by_label = {row[0]: row for row in rows[1:]}
    assert by_label["Indsendelser modtaget"][1] == "8"
    assert by_label["Svartid, 90 %-fraktil"][1:3] == ["21.0", "dage"]
    assert "halvdelen" in by_label["Svartid, median"][3]

    workbook = load_workbook(io.BytesIO(reader.get(REPORT + "&format=xlsx").content))
    # The participation sheets open the workbook; the report's other tables follow.
    assert workbook.sheetnames[:2] == ["Borgernes deltagelse", "Indsendelser pr. måned"]
    assert "Klart dansk (LIX)" in workbook.sheetnames
    months = list(workbook["Indsendelser pr. måned"].values)
    assert months[0][:7] == ("Måned", "Historie", "Mad med historie", "Billede", "Begivenhed",
                             "Sted", "I alt")  # fmt: skip
    assert months[1][:7] == ("2025-01", 2, 1, 0, 0, 0, 3)


def test_the_pdf_has_the_participation_section(fixture, reader):
    response = reader.get(REPORT + "&format=pdf")
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Borgernes deltagelse" in text
    words = " ".join(text.split())  # table cells wrap inside the PDF
    assert "Svartid, median 4,0 dage" in words
    assert "21,0 dage Samme svartid, 90 %-fraktilen" in words
    assert "Tilmeldinger til opgaver 2" in words
