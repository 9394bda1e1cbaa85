"""Charts a reader can read: nothing clipped at any width, Danish formats, contrast."""

import datetime

import pytest

from channels.reach import charts
from tests.browser import browser_page  # noqa: F401

LONG_TITLES = [
    "Byttemarkedet den 6. juli på Bredekærgård havde 300 gæster og 360 kilo tøj byttede ejermand",
    "Cykling uden alder",
    "Ældrecaféen i Ishøj bryder ensomheden – og nu kommer der også en strikkeklub til",
]


def _contrast(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("colour", [*charts.PALETTE, charts.TEXT, charts.NOTE])
def test_chart_colours_stand_out_from_white(colour):
    assert _contrast(colour) >= 4.5


def test_axes_speak_danish():
    months = [datetime.date(2025, m, 1) for m in (1, 5, 10)]
    assert [charts.month_label(m) for m in months] == ["jan. 2025", "maj 2025", "okt. 2025"]
    assert charts.day_label(datetime.date(2025, 7, 6)) == "6. jul."
    svg = charts.line_chart(
        "Sidevisninger", ["a", "b"], [charts.Series("Sidevisninger", [0, 12345])]
    )
    assert "20.000" in svg  # the axis maximum with a Danish thousands separator


@pytest.mark.parametrize("width", [320, 1280])
def test_no_chart_label_is_cut_off_at_any_width(browser_page, width):  # noqa: F811
    months = [datetime.date(2025, m, 1) for m in range(1, 13)]
    html = "".join(
        [
            "<!DOCTYPE html><html lang=da><body style='margin:0'>",
            charts.bar_chart(
                "Mest læste historier", [(t, 2400 - 100 * i) for i, t in enumerate(LONG_TITLES)]
            ),
            charts.line_chart(
                "Sidevisninger og unikke besøgende pr. måned",
                [charts.month_label(m) for m in months],
                [
                    charts.Series("Sidevisninger", [12000 + 900 * i for i in range(12)]),
                    charts.Series("Unikke besøgende i måneden", [None, *range(300, 1400, 100)]),
                ],
                notes=[
                    charts.ChartNote(1, charts.month_position(months, datetime.date(2025, 7, 6)))
                ],
            ),
            "</body></html>",
        ]
    )
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.set_content(html)
    outside = browser_page.evaluate(
        """() => [...document.querySelectorAll('svg')].flatMap(svg => {
            const box = svg.viewBox.baseVal;
            return [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox()])
              .filter(([, b]) => b.x < box.x || b.y < box.y ||
                      b.x + b.width > box.x + box.width || b.y + b.height > box.y + box.height)
              .map(([text]) => text);
        })"""
    )
    assert outside == []
    texts = browser_page.evaluate(
        "() => [...document.querySelectorAll('text')].map(t => t.textContent)"
    )
    assert any(t.startswith("Byttemarkedet den 6. juli på Bredekærgård havde 300") for t in texts)
