"""The council's PDF read back as a screen reader and a PDF checker see it."""

import datetime
import io

import pikepdf
import pypdf
import pytest
from django.contrib.auth.models import Group, User

from channels.reach.council_report import council_report
from channels.reach.council_views import report_charts
from channels.reach.models import SiteDay, SiteMonth, TimelineNote
from channels.reach.pdf import council_report_document, page_fill
from channels.reach.periods import Period
from tests.factories import default_site

pytestmark = pytest.mark.django_db

YEAR_2025 = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


@pytest.fixture
def pdf(client):
    user = User.objects.create_user("laeser")
    user.groups.add(Group.objects.get(name="Rapportlæsere"))
    client.force_login(user)
    for month in range(1, 13):
        start = datetime.date(2025, month, 1)
        SiteDay.objects.create(day=start, views=100 * month, visitors=40 * month)
        SiteMonth.objects.create(month=start, views=100 * month, visitors=30 * month)
    TimelineNote.objects.create(date=datetime.date(2025, 7, 6), text="Byttemarked")
    response = client.get(
        "/admin/raekkevidde/evalueringsrapport/?fra=2025-01-01&til=2025-12-31&format=pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _tags(node, found: set[str]) -> set[str]:
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.add(str(node.S))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            _tags(kid, found)
    return found


def test_the_pdf_is_tagged_in_danish_with_a_title_headings_and_header_cells(pdf):
    document = pikepdf.open(io.BytesIO(pdf))
    root = document.Root
    assert "/StructTreeRoot" in root and bool(root.MarkInfo.Marked)
    assert str(root.Lang) == "da"
    title = str(document.docinfo["/Title"])
    assert title == "Vores Ishøj – evalueringsrapport 1. januar 2025 – 31. december 2025"
    assert document.open_metadata().get("dc:title") == title
    tags = _tags(root.StructTreeRoot, set())
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/Figure"} <= tags
    assert "pdfuaid" in str(document.open_metadata())


def test_every_page_has_the_portals_name_and_its_number(pdf):
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert "Vores Ishøj · voresishoj.dk" in text
        assert f"Side {number} af {len(pages)}" in text


def test_each_chart_has_a_text_alternative_and_its_figures_as_a_table(pdf):
    document = pikepdf.open(io.BytesIO(pdf))
    figures = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                figures.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                walk(kid)

    walk(document.Root.StructTreeRoot)
    logo, *charts = figures
    assert logo == "Vores Ishøj"  # the portal's logo opens the first page
    assert len(charts) == 2 and all("tabellen under grafen" in alt for alt in charts)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "december 2025 1.200 360" in text  # December: views and unique visitors
    assert "Byttemarked" in text  # the timeline note, in the PDF as well


@pytest.fixture
def pages(pdf):
    """The same report laid out, page by page, as WeasyPrint's boxes."""
    report = council_report(YEAR_2025, default_site(), datetime.date(2026, 3, 1))
    return council_report_document(report, report_charts(report)).pages


def _boxes(box, inherited=()):
    """Every text box with the tags and classes of the elements it is inside."""
    tags = inherited + ((box.element_tag, box.style["font_size"]),)
    element = getattr(box, "element", None)
    classes = tuple(element.get("class", "").split()) if element is not None else ()
    tags = tags[:-1] + ((box.element_tag, classes),)
    if type(box).__name__ == "TextBox":
        yield box, tags
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child, tags)


def test_body_text_tables_and_notes_share_one_type_size(pages):
    sizes = {}
    for page in pages:
        root = page._page_box.children[0]  # the document, not the running heads
        for box, inside in _boxes(root):
            tags = {tag for tag, _ in inside}
            classes = {c for _, cs in inside for c in cs}
            if tags & {"h1", "h2", "h3", "svg"} or "big" in classes or not box.text.strip():
                continue
            sizes.setdefault(round(box.style["font_size"], 1), box.text)
    assert len(sizes) == 1, sizes


def test_no_page_is_near_empty(pages):
    """The summary is a page of its own; the pages after it are at least half full,
    the last one at least a third."""
    assert len(pages) >= 3
    for number, page in enumerate(pages[1:], start=2):
        filled = page_fill(page)
        least = 0.35 if number == len(pages) else 0.5
        assert filled >= least, f"side {number} af {len(pages)} er kun {filled:.0%} fyldt"
