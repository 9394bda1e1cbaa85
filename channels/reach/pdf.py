"""The council's evaluation report as PDF, drawn with ReportLab.

ReportLab is pure Python (no system Pango/Cairo as WeasyPrint needs), so the
PDF is made the same way on a laptop and on any Procfile host. Helvetica's
WinAnsi encoding covers æ, ø and å.
"""

import io
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .charts import nice_max
from .council_report import CouncilReport
from .templatetags.reach_tags import danish_number, procent, vaekst

TABLE_STYLE = TableStyle(
    [
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
        ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _table(rows: list[list], widths: list[float], numeric: tuple[int, ...] = ()) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TABLE_STYLE)
    for column in numeric:
        table.setStyle(TableStyle([("ALIGN", (column, 0), (column, -1), "RIGHT")]))
    return table


def _month_chart(report: CouncilReport) -> Drawing:
    """Page views and unique visitors per month; a month without data is a gap."""
    width, height, left, bottom = 170 * mm, 62 * mm, 16 * mm, 10 * mm
    plot_w, plot_h = width - left - 4 * mm, height - bottom - 12 * mm
    series = [
        ("Sidevisninger", [m.views for m in report.months], colors.HexColor("#1d5c8c")),
        ("Unikke besøgende", [m.visitors for m in report.months], colors.HexColor("#d0682b")),
    ]
    top = nice_max(max((v for _, vs, _ in series for v in vs if v is not None), default=0))
    count = max(len(report.months), 1)
    drawing = Drawing(width, height)

    def x(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: float) -> float:
        return bottom + plot_h * v / top

    for step in range(5):
        v = top * step / 4
        drawing.add(Line(left, y(v), left + plot_w, y(v), strokeColor=colors.lightgrey))
        drawing.add(String(left - 2, y(v) - 2, danish_number(v), fontSize=6, textAnchor="end"))
    for i, month in enumerate(report.months):
        drawing.add(
            String(x(i), 2 * mm, month.month.strftime("%m.%y"), fontSize=6, textAnchor="middle")
        )
    for n, (name, values, color) in enumerate(series):
        segment: list[float] = []
        for i, v in enumerate([*values, None]):
            if v is not None:
                segment += [x(i), y(v)]
                continue
            if len(segment) >= 4:
                drawing.add(PolyLine(segment, strokeColor=color, strokeWidth=1.5))
            elif segment:
                drawing.add(Circle(segment[0], segment[1], 1.5, fillColor=color, strokeColor=color))
            segment = []
        drawing.add(String(left + n * 40 * mm, height - 5 * mm, name, fontSize=8, fillColor=color))
    return drawing


def council_report_pdf(report: CouncilReport) -> bytes:
    styles = getSampleStyleSheet()
    h1, h2, body = styles["Title"], styles["Heading2"], styles["BodyText"]
    small = styles["Italic"]
    members = report.group_members
    story = [
        Paragraph("Vores Ishøj – evalueringsrapport", h1),
        Paragraph(f"Periode: {escape(report.period.label)}", body),
        Paragraph(f"Sammenlignet med {escape(report.period.previous().label)}", small),
        Spacer(1, 4 * mm),
        Paragraph("Nøgletal", h2),
        _table(
            [
                ["", "Perioden", "Før", "Vækst"],
                [
                    "Unikke brugere",
                    danish_number(report.visitors.value),
                    danish_number(report.visitors_previous.value),
                    vaekst(report.visitors_growth),
                ],
                [
                    "Sidevisninger",
                    danish_number(report.views),
                    danish_number(report.views_previous),
                    vaekst(report.views_growth),
                ],
                [
                    "Medlemmer af Facebook-gruppen",
                    danish_number(members.value) if members.value is not None else "ikke indtastet",
                    danish_number(members.previous),
                    "",
                ],
            ],
            [70, 35, 35, 30],
            numeric=(1, 2, 3),
        ),
        Paragraph(f"Unikke brugere: {escape(report.visitors.note)}.", small),
        Paragraph("Mål", h2),
        _table(
            [["Mål", "Opnået", "Mål", "Status"]]
            + [
                [Paragraph(escape(t.label), body), danish_number(t.value), t.target_label, t.status]
                for t in report.targets
            ],
            [80, 25, 25, 40],
            numeric=(1, 2),
        ),
        Paragraph("Udvikling pr. måned", h2),
        _month_chart(report),
        Paragraph("Mest læste historier", h2),
        _table(
            [["Historie", "Sidevisninger", "Unikke*"]]
            + [
                [
                    Paragraph(escape(r.title), body),
                    danish_number(r.views),
                    danish_number(r.visitors),
                ]
                for r in report.top_stories
            ],
            [100, 35, 35],
            numeric=(1, 2),
        ),
        Paragraph("* Unikke besøgende: summen af dagenes unikke besøgende.", small),
        Paragraph("Kanalmiks", h2),
        _table(
            [["Kilde", "Sidevisninger", "Andel"]]
            + [[s.label, danish_number(s.views), procent(s.share)] for s in report.sources],
            [80, 45, 45],
            numeric=(1, 2),
        ),
    ]
    if report.channel_totals:
        story += [
            Spacer(1, 3 * mm),
            _table(
                [["Kanal", "Måltal (platformens navn)", "Værdi"]]
                + [
                    [channel, name, danish_number(value)]
                    for channel, metrics in report.channel_totals.items()
                    for name, value in metrics.items()
                ],
                [60, 70, 40],
                numeric=(2,),
            ),
        ]
    story += [
        Paragraph("Presseomtale", h2),
        _table(
            [["Dato", "Medie", "Dækning", "Historie"]]
            + [
                [
                    p.date.strftime("%d.%m.%Y"),
                    p.outlet,
                    p.get_level_display(),
                    Paragraph(escape(p.story.title if p.story else p.headline), body),
                ]
                for p in report.press
            ],
            [25, 40, 30, 75],
        ),
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title="Vores Ishøj – evalueringsrapport",
        author="Vores Ishøj",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    ).build(story)
    return buffer.getvalue()
