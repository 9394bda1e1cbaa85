"""Trend charts drawn on the server as SVG: no JavaScript, prints as it shows.

A missing value (None) breaks the line, so a gap in the data is a gap on the
chart, never a drop to zero.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#1d5c8c", "#d0682b", "#3a8a4f", "#8e44ad", "#b8860b", "#555555")


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int | None]


def nice_max(value: float) -> float:
    """A round axis maximum above value: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return f"{int(value):,}".replace(",", ".")


def line_chart(
    title: str, labels: list[str], series: list[Series], width: int = 720, height: int = 260
) -> SafeString:
    left, right, top, bottom = 64, 16, 28, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s.values if v is not None]
    top_value = nice_max(max(values, default=0))
    count = max(len(labels), 1)

    def x(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / top_value

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="reach-chart">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(5):
        v = top_value * i / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#333">{_number(v)}</text>'
        )
    step = max(1, math.ceil(count / 12))
    for i, label in enumerate(labels):
        if i % step == 0 or i == count - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'font-size="11" fill="#333">{escape(label)}</text>'
            )
    for n, s in enumerate(series):
        color = PALETTE[n % len(PALETTE)]
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(s.values):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(v):.1f}")
        if segment:
            segments.append(segment)
        for points in segments:
            if len(points) == 1:
                cx, cy = points[0].split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{color}"/>')
            else:
                parts.append(
                    f'<polyline fill="none" stroke="{color}" stroke-width="2.5" '
                    f'points="{" ".join(points)}"/>'
                )
        parts.append(
            f'<rect x="{left + n * 170}" y="8" width="12" height="12" fill="{color}"/>'
            f'<text x="{left + n * 170 + 16}" y="18" font-size="12" fill="#222">'
            f"{escape(s.name)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart(title: str, rows: list[tuple[str, int]], width: int = 720) -> SafeString:
    """Horizontal bars, one per row, each labelled with its value."""
    bar_h, gap, left, right, top = 20, 8, 170, 70, 8
    height = top + len(rows) * (bar_h + gap) + 8
    top_value = max((v for _, v in rows), default=0) or 1
    plot_w = width - left - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="reach-chart">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = plot_w * value / top_value
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'fill="#222">{escape(label)}</text>'
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{left + w + 6:.1f}" y="{y + 15}" font-size="12" '
            f'fill="#222">{_number(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
