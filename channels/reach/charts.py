"""Trend charts drawn on the server as SVG: no JavaScript, prints as it shows.

A missing value (None) breaks the line, so a gap in the data is a gap on the
chart, never a drop to zero. Every label is placed inside the drawing's own
box (the SVG scales as a whole, so what fits the box fits any width), numbers
and dates are Danish, and the colours keep at least 4.5:1 against white. The
report always prints the chart's figures as a table beside it.
"""

import datetime
import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Each at least 4.5:1 against white (WCAG 1.4.11 asks 3:1 for graphics).
PALETTE = ("#1d5c8c", "#a8470f", "#2b6e3b", "#7a3b96", "#5c5c5c")
TEXT = "#222222"
GRID = "#d0d0d0"
NOTE = "#6b3a00"
CHAR_WIDTH = 0.62
"""A generous average glyph width of the sans-serif fonts, as a share of font size."""

SHORT_MONTHS_DA = (
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "maj",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int | None]


@dataclass(frozen=True)
class ChartNote:
    """A numbered mark on the timeline; the report lists the numbers' texts."""

    number: int
    position: float
    """Index along the x axis (fractions fall between two points)."""


def month_label(month: datetime.date) -> str:
    return f"{SHORT_MONTHS_DA[month.month - 1]} {month.year}"


def day_label(day: datetime.date) -> str:
    return f"{day.day}. {SHORT_MONTHS_DA[day.month - 1]}"


def month_position(months: list[datetime.date], day: datetime.date) -> float:
    """Where a day falls on a chart with one point per month."""
    first = months[0]
    index = (day.year - first.year) * 12 + day.month - first.month
    next_month = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    length = (next_month - day.replace(day=1)).days
    return index + (day.day - 1) / length


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def fit(text: str, width: float, size: float) -> str:
    """Shorten to the room there is, with an ellipsis; the table has it in full."""
    room = int(width / (size * CHAR_WIDTH))
    return text if len(text) <= room else text[: max(room - 1, 1)].rstrip() + "…"


def nice_max(value: float) -> float:
    """A round axis maximum above value: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def danish_number(value: float) -> str:
    return f"{int(value):,}".replace(",", ".")


MIN_WIDTH = 560
"""Pixels below which a chart scrolls sideways instead of shrinking its text."""


def _open(title: str, width: int, height: int) -> list[str]:
    return [
        '<div class="reach-chart-scroll" style="overflow:auto">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="reach-chart" '
        f'style="min-width:{MIN_WIDTH}px" font-family="DejaVu Sans, Verdana, sans-serif">',
        f"<title>{escape(title)} (tallene står i tabellen under grafen)</title>",
    ]


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "start", fill=TEXT):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def no_data(title: str) -> SafeString:
    """An empty chart is a sentence, not an axis from 0 to 1 with nothing on it."""
    return format_html('<p class="reach-chart-empty">{}: ingen tal i perioden.</p>', title)


def line_chart(
    title: str,
    labels: list[str],
    series: list[Series],
    notes: list[ChartNote] = (),
    width: int = 720,
    height: int = 280,
    color_offset: int = 0,
) -> SafeString:
    values = [v for s in series for v in s.values if v is not None]
    if not labels or not any(values):
        return no_data(title)
    top_value = nice_max(max(values, default=0))
    axis_width = text_width(danish_number(top_value), 11)
    edge = text_width(max(labels, key=len, default=""), 11) / 2 + 4
    left, right = max(axis_width + 12, edge), edge
    top, bottom = 48, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    count = max(len(labels), 1)

    def x(i: float) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / top_value

    parts = _open(title, width, height)
    for i in range(5):
        v = top_value * i / 4
        parts.append(
            f'<line x1="{left:.1f}" x2="{width - right:.1f}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y(v) + 4, danish_number(v), anchor="end"))
    room = plot_w / max(count - 1, 1)
    widest = max((text_width(label, 11) for label in labels), default=0) + 8
    step = max(1, math.ceil(widest / room)) if count > 1 else 1
    for i, label in enumerate(labels):
        if i % step == 0:
            parts.append(_text(x(i), height - bottom + 18, label, anchor="middle"))
    for note in notes:
        nx = x(min(max(note.position, 0), count - 1))
        parts.append(
            f'<line x1="{nx:.1f}" x2="{nx:.1f}" y1="{top - 4}" y2="{top + plot_h}" '
            f'stroke="{NOTE}" stroke-width="1.5" stroke-dasharray="4 3"/>'
            f'<circle cx="{nx:.1f}" cy="{top - 12}" r="8" fill="#ffffff" stroke="{NOTE}"/>'
        )
        parts.append(_text(nx, top - 8, str(note.number), size=10, anchor="middle", fill=NOTE))
    legend_x = left
    for n, s in enumerate(series):
        color = PALETTE[(n + color_offset) % len(PALETTE)]
        segments: list[list[str]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                segments.append([])
            else:
                segments[-1].append(f"{x(i):.1f},{y(v):.1f}")
        for points in filter(None, segments):
            if len(points) == 1:
                cx, cy = points[0].split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{color}"/>')
            else:
                parts.append(
                    f'<polyline fill="none" stroke="{color}" stroke-width="2.5" '
                    f'points="{" ".join(points)}"/>'
                )
        parts.append(f'<rect x="{legend_x:.1f}" y="6" width="12" height="12" fill="{color}"/>')
        parts.append(_text(legend_x + 16, 16, s.name, size=12))
        legend_x += 16 + text_width(s.name, 12) + 20
    parts.append("</svg></div>")
    return mark_safe("".join(parts))


def bar_chart(title: str, rows: list[tuple[str, int]], width: int = 720) -> SafeString:
    """Horizontal bars, each with its label above it and its value after it."""
    if not any(value for _, value in rows):
        return no_data(title)
    size, bar_h, label_h, gap, top = 12, 16, 16, 10, 4
    value_room = max((text_width(danish_number(v), size) for _, v in rows), default=0) + 10
    plot_w = width - value_room - 2
    height = top + len(rows) * (label_h + bar_h + gap) + 4
    top_value = max((v for _, v in rows), default=0) or 1
    parts = _open(title, width, height)
    for i, (label, value) in enumerate(rows):
        y = top + i * (label_h + bar_h + gap)
        w = plot_w * value / top_value
        parts.append(_text(2, y + 12, fit(label, width - 4, size), size=size))
        parts.append(
            f'<rect x="2" y="{y + label_h}" width="{w:.1f}" height="{bar_h}" fill="{PALETTE[0]}"/>'
        )
        parts.append(_text(w + 8, y + label_h + 12, danish_number(value), size=size))
    parts.append("</svg></div>")
    return mark_safe("".join(parts))


def month_charts(months, notes=()) -> dict[str, SafeString]:
    """Page views and unique visitors per month, each on its own scale: on one
    axis the visitors (a tenth of the views) would lie flat along the bottom.
    Two charts rather than two axes, so no reader mixes up which scale is whose."""
    dates = [m.month for m in months]
    # A month whose figures are not a whole month's is starred; the table says why.
    labels = [month_label(m.month) + ("*" if m.incomplete else "") for m in months]
    marks = [ChartNote(n.number, month_position(dates, n.date)) for n in notes] if dates else []
    return {
        "month_chart": line_chart(
            "Sidevisninger pr. måned",
            labels,
            [Series("Sidevisninger", [m.views for m in months])],
            notes=marks,
        ),
        "visitor_chart": line_chart(
            "Unikke besøgende pr. måned",
            labels,
            [Series("Unikke besøgende i måneden", [m.visitors for m in months])],
            notes=marks,
            color_offset=1,
        ),
    }
