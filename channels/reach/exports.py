"""CSV and XLSX of the same tables the admin shows.

A gap stays empty in the file: a spreadsheet sum over it must not pretend a
platform reported zero.
"""

import csv
import io
from dataclasses import dataclass

from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from home.spreadsheets import csv_row, xlsx_cell

from .channel_figures import metric_info
from .models import Source
from .participation import Participation
from .periods import Period
from .reports import MonthPoint, SourceRow, StoryRow

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def story_table(rows: list[StoryRow], period: Period | None = None) -> Table:
    """Channel columns are headed with the Danish name and the platform's own in
    brackets, so a figure can still be checked against the platform's tools."""
    columns = {
        (f.channel, f.label, name) for r in rows for f in r.channels.values() for name in f.metrics
    }
    metric_columns = sorted(columns)
    headers = [
        "Historie",
        "Dato",
        "Adresse",
        "Sidevisninger",
        "Besøg (læsere pr. dag, lagt sammen)",
        *[f"Sidevisninger fra {label}" for _, label in Source.choices],
        *[
            f"{label}: {metric_info(channel, name, period).label_da} ({name})"
            for channel, label, name in metric_columns
        ],
    ]
    table_rows: list[list[Cell]] = []
    for r in rows:
        metrics: list[Cell] = []
        for channel, _, name in metric_columns:
            figures = r.channels.get(channel)
            metric = figures.metrics.get(name) if figures else None
            metrics.append(metric.value if metric else None)
        table_rows.append(
            [
                r.title,
                r.date.isoformat(),
                r.url,
                r.views,
                r.visitors,
                *[r.sources.get(value, 0) for value, _ in Source.choices],
                *metrics,
            ]
        )
    return Table("Historier", headers, table_rows)


def month_table(months: list[MonthPoint]) -> Table:
    return Table(
        "Måneder",
        [
            "Måned",
            "Sidevisninger",
            "Unikke besøgende i måneden (hver måned for sig)",
            "Ikke en hel måned",
        ],
        [[m.month.strftime("%Y-%m"), m.views, m.visitors, m.incomplete] for m in months],
    )


def source_table(sources: list[SourceRow]) -> Table:
    return Table(
        "Kilder",
        ["Kilde", "Sidevisninger", "Andel (%)", "Besøg (læsere pr. dag, lagt sammen)"],
        [[s.label, s.views, round(100 * s.share, 1), s.visitors] for s in sources],
    )


def channel_table(figures) -> Table:
    """Counts of people stay per post (median, best, share above the threshold);
    only counts that add up have a total, so no spreadsheet sum can mislead."""
    return Table(
        "Kanaler",
        [
            "Kanal",
            "Tal",
            "Platformens navn",
            "Opslag sendt i perioden",
            "Alle opslagene tilsammen (kun tal, der kan lægges sammen)",
            "Typisk opslag (median)",
            "Bedste opslag",
            "Bedste opslags tal",
            "Opslag, der nåede tærsklen",
            "Tærskel",
            "Sådan tæller platformen",
            "Bemærkning om perioden",
        ],
        [
            [
                f.channel_label,
                f.label_da,
                f.name,
                f.posts,
                f.total,
                f.median,
                f.best_title or None,
                f.best_value,
                f.above if f.counts_people else None,
                f.threshold if f.counts_people else None,
                f.definition_da,
                f.change_note_da,
            ]
            for f in figures
        ],
    )


def participation_tables(data: Participation) -> list[Table]:
    """The council report's participation, each figure with what it counts."""
    figures = Table(
        "Borgernes deltagelse",
        ["Tal", "Perioden", "Enhed", "Hvad tallet tæller"],
        [[f.label, f.value, f.unit or "antal", f.counts] for f in data.figures],
    )
    months = Table(
        "Indsendelser pr. måned",
        ["Måned", *[label for _, label in data.kinds], "I alt", "Ikke en hel måned"],
        [
            [
                m.month.strftime("%Y-%m"),
                *[m.per_kind[value] for value, _ in data.kinds],
                m.total,
                m.incomplete,
            ]
            for m in data.months
        ],
    )
    return [figures, months]


def chosen_table(tables: list[Table], name: str) -> Table | None:
    """The table a CSV holds (a CSV has room for one): the first, or the one whose
    title `?tabel=` names as a slug ("klart-dansk-lix" for "Klart dansk (LIX)"); None if
    no table has that name."""
    if not name:
        return tables[0]
    return next((t for t in tables if slugify(t.title) == name), None)


def to_csv(table: Table) -> bytes:
    """UTF-8 with BOM and semicolons: what Danish Excel opens without a wizard."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(csv_row(table.headers))
    for row in table.rows:
        writer.writerow(csv_row("" if cell is None else cell for cell in row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(tables: list[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.title[:31])
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([xlsx_cell(sheet, value) for value in row])
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
