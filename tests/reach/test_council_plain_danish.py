"""The council report's "Klart dansk": the median LIX of the period's Danish
stories, with what it counts, in the HTML report, its CSV/XLSX and its PDF.

Each story's text is its title ("Haven", a line of its own) and its intro, one
of the hand-counted examples in tests/home/lix_examples.py:
  "Vi mødes i haven. ..."      11 words + 1 = 12, 1 long, 3 + 1 = 4 sentences: 3 + 8.33 → 11
  "Naboerne mødtes ... gården." 19 + 1 = 20, 4 long, 2 + 1 = 3: 6.67 + 20 → 27
  "Kommunalbestyrelsens ..."    7 + 1 = 8, 7 long, 1 + 1 = 2: 4 + 87.5 → 92 (half up)
The median of 11, 27 and 92 is 27 ("let"); two are at or under the target 35.
"""

import csv
import datetime
import io

import pypdf
import pytest
from openpyxl import load_workbook
from wagtail.models import Locale

from home.models import SiteSettings
from tests.factories import default_site, make_story
from tests.home.lix_examples import EXAMPLES

pytestmark = pytest.mark.django_db

URL = "/admin/raekkevidde/evalueringsrapport/?fra=2025-01-01&til=2025-12-31"
EASY, LET, HARD = EXAMPLES[0], EXAMPLES[1], EXAMPLES[5]


def _story(intro: str, date: datetime.date, **fields):
    return make_story(title="Haven", intro=intro, body=[], date=date, **fields)


@pytest.fixture
def stories():
    _story(EASY.text, datetime.date(2025, 3, 1))
    _story(LET.text, datetime.date(2025, 6, 1))
    _story(HARD.text, datetime.date(2025, 9, 1))
    # Not counted: dated outside the period, and a story in Arabic.
    _story(HARD.text, datetime.date(2024, 12, 31), slug="gammel")
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    _story(HARD.text, datetime.date(2025, 5, 1), slug="arabisk", locale=arabic)


def _section(html: str) -> str:
    start = html.index('id="klart-dansk"')
    return html[start : html.index("</section>", start)]


def test_the_report_shows_the_median_lix_of_the_periods_danish_stories(reader, stories):
    section = _section(reader.get(URL).content.decode())
    assert '<td class="num" data-lix-median>27</td>' in section
    assert "let" in section
    assert "halvdelen af historierne havde lavere LIX" in section  # what it counts
    assert "Historier på andre sprog tælles ikke" in section
    assert '<th scope="row">Danske historier målt</th><td class="num">3</td>' in section
    assert '<th scope="row">Historier på eller under målet</th><td class="num">2</td>' in section


def test_the_target_is_the_sites_setting(reader, stories):
    settings = SiteSettings.for_site(default_site())
    settings.lix_target = 20
    settings.save()
    section = _section(reader.get(URL).content.decode())
    assert '<th scope="row">Historier på eller under målet</th><td class="num">1</td>' in section
    assert "LIX 20 eller lavere" in section


def test_a_period_without_danish_stories_says_so(reader, stories):
    html = reader.get(URL.replace("2025", "2023")).content.decode()
    assert "Ingen danske historier dateret i perioden" in _section(html)


def test_the_csv_lists_each_story_and_the_labelled_median(reader, stories):
    response = reader.get(URL + "&format=csv&tabel=klart-dansk-lix")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-2:] == ["LIX", "Niveau"]
    assert [(r[1], r[-2], r[-1]) for r in rows[1:-1]] == [
        ("2025-03-01", "11", "meget let"),
        ("2025-06-01", "27", "let"),
        ("2025-09-01", "92", "meget svær"),
    ]
    assert rows[-1][0].startswith("Median for perioden (3 danske historier; 2 på eller under")
    assert rows[-1][-2:] == ["27", "let"]


def test_the_xlsx_has_a_klart_dansk_sheet(reader, stories):
    workbook = load_workbook(io.BytesIO(reader.get(URL + "&format=xlsx").content))
    sheet = workbook["Klart dansk (LIX)"]
    last = [cell.value for cell in list(sheet.rows)[-1]]
    assert last[-2:] == [27, "let"]


def test_the_pdf_prints_the_median_with_what_it_counts(reader, stories):
    pdf = reader.get(URL + "&format=pdf").content
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Klart dansk" in text
    assert "LIX for en typisk historie (median)" in text
    assert "Historier på andre sprog tælles ikke" in text
