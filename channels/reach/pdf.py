"""The council's evaluation report as an accessible PDF (PDF/UA-1), by WeasyPrint.

The PDF is the HTML report printed: the same template, so the two never
disagree. WeasyPrint's `pdf/ua-1` variant tags headings, tables (with their
header cells) and figures, sets the document's language from `<html lang>`
and its title from `<title>`; each chart's `<title>` becomes its text
alternative, and its figures follow it as a table. Page numbers and the
portal's name come from the `@page` rules in the template.

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0,
libpangoft2-1.0-0, libharfbuzz-subset0; see README and .ci/run).
"""

from django.template.loader import render_to_string
from django.utils import timezone

from .council_report import CouncilReport

PDF_VARIANT = "pdf/ua-1"


def pdf_title(report: CouncilReport) -> str:
    return f"Vores Ishøj – evalueringsrapport {report.period.label}"


DENSITIES = ("", "compact", "compacter")
"""Layouts from roomy to tight (classes in reach/council/pdf.html), tried in turn."""
MIN_LAST_PAGE = 0.35
"""A last page filled less than this is near-empty: a tighter layout pulls it back."""


def _lowest_text(box) -> float:
    own = box.position_y + box.height if type(box).__name__ == "TextBox" else 0
    return max([own, *(_lowest_text(k) for k in getattr(box, "children", None) or [])])


def page_fill(page) -> float:
    """How far down its text area a laid-out page is filled, 0..1."""
    box = page._page_box
    document = box.children[0]  # the running heads are the other children
    return (_lowest_text(document) - box.content_box_y()) / box.height


def council_report_document(report: CouncilReport, charts: dict, base_url: str = ""):
    """The laid-out pages (weasyprint.Document), before they are written as PDF.

    A last page with a few lines on it looks like a printing error to a council
    member: when the roomy layout ends that way, a tighter one is tried.
    """
    from weasyprint import HTML  # loads Pango: only where a PDF is made

    context = {
        "report": report,
        "title": pdf_title(report),
        "generated": timezone.localtime(),
        **charts,
    }
    for density in DENSITIES:
        html = render_to_string("reach/council/pdf.html", {**context, "density": density})
        document = HTML(string=html, base_url=base_url or None).render(pdf_variant=PDF_VARIANT)
        if len(document.pages) <= 2 or page_fill(document.pages[-1]) >= MIN_LAST_PAGE:
            break
    return document


def council_report_pdf(report: CouncilReport, charts: dict, base_url: str = "") -> bytes:
    return council_report_document(report, charts, base_url).write_pdf(pdf_variant=PDF_VARIANT)
