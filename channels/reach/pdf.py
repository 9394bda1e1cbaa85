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


def council_report_pdf(report: CouncilReport, charts: dict, base_url: str = "") -> bytes:
    from weasyprint import HTML  # loads Pango: only where a PDF is made

    html = render_to_string(
        "reach/council/pdf.html",
        {
            "report": report,
            "title": pdf_title(report),
            "generated": timezone.localtime(),
            **charts,
        },
    )
    return HTML(string=html, base_url=base_url or None).write_pdf(pdf_variant=PDF_VARIANT)
