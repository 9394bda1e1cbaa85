"""Spreadsheet cells that cannot run: OWASP's advice on CSV injection.

Residents write names, titles and texts that end up in the admin's CSV and
XLSX exports (sign-ups, personal data, reports, Wagtail's own reports). A
cell starting with "=", "+", "-", "@", a tab or a carriage return is a formula
to Excel and LibreOffice: "=HYPERLINK(...)" or a DDE command would run on the
secretariat's machine. Such a text cell is neutralised:

- in CSV, by a leading apostrophe (OWASP), so "+45 12 34 56 78" reads
  "'+45 12 34 56 78": the number stays whole and readable;
- in XLSX, by storing it as text with Excel's "quote prefix" flag, so the
  cell shows exactly what was typed (+45 12 34 56 78) and stays text even when
  someone edits it.

Numbers and dates are not text and pass unchanged. Wagtail's own exports
(SpreadsheetExportMixin) get the same treatment (`protect_wagtail_exports`).
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs."""
    return "'" + value if is_formula_like(value) else value


def csv_row(values) -> list:
    return [csv_cell(value) for value in values]


def xlsx_cell(sheet, value: Any):
    """An openpyxl cell for a write-only or normal sheet: formula-like text is
    kept as typed, as text with the quote prefix."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    if is_formula_like(value) or cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def protect_wagtail_exports() -> None:
    """Wagtail's admin exports (reports, form submissions, listings) neutralise too.

    Wagtail already stores XLSX formulas as text, but writes CSV cells as they
    are; its one hook for every value is `preprocess_field_value`.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_voresishoj_protected", False):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return csv_cell(value)
        return value

    original_row = SpreadsheetExportMixin.generate_xlsx_row

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in original_row(self, worksheet, row_dict, date_format):
            if is_formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
    SpreadsheetExportMixin._voresishoj_protected = True
