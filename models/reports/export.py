"""Export the piece-rate report to CSV and XLSX.

CSV is written as UTF-8 with a byte-order mark, so a spreadsheet opening it
keeps Chinese and Korean names intact. XLSX (openpyxl) keeps real types:
numbers stay numbers with a display format, period dates are date cells.
Headers are English unless the caller passes translated ones by column key.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from models.reports.cell_text import shown_as_text
from models.reports.table_export import new_workbook, save_workbook
from queueing.reports.piece_rate_report import BranchTotals, Output, PieceRateReport, TellerRow

HOUR = 3600.0

# How each kind of value is rounded in CSV and shown in XLSX.
_DECIMALS = {"int": 0, "units": 2, "ratio": 3, "percent": 4, "hours": 2, "money": 2, "rating": 2}
_XLSX_FORMAT = {
    "int": "0",
    "units": "0.00",
    "ratio": "0.000",
    "percent": "0.0%",
    "hours": "0.00",
    "money": "#,##0.00",
    "rating": "0.00",
    "date": "yyyy-mm-dd",
    "text": "@",
}


@dataclass(frozen=True)
class Line:
    """One line of the export: a teller's row or the branch total, with the fields the columns read."""

    rank: int | None
    teller: str
    name: str
    output: Output
    signed_in_s: float
    serving_s: float
    paused_s: float
    idle_s: float
    bonus: float | None
    deductions: float | None
    cross_sell_units: float | None
    net_units: float
    target: float | None
    attainment: float | None
    pay: float


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str
    value: Callable[[Line], Any]


COLUMNS: tuple[Column, ...] = (
    Column("rank", "Rank", "int", lambda r: r.rank),
    Column("teller", "Teller ID", "text", lambda r: r.teller),
    Column("name", "Name", "text", lambda r: r.name),
    Column("visits", "Visits", "int", lambda r: r.output.visits),
    Column("standard_units", "Standard units", "units", lambda r: r.output.standard_units),
    Column("units_per_hour", "Units per serving hour", "units", lambda r: r.output.units_per_serving_hour),
    Column("service_ratio", "Service time / standard", "ratio", lambda r: r.output.service_ratio),
    Column("overrun_share", "Overrun share", "percent", lambda r: r.output.overrun_share),
    Column("avg_rating", "Average rating", "rating", lambda r: r.output.avg_rating),
    Column("ratings", "Ratings", "int", lambda r: r.output.ratings),
    Column("errors_minor", "Minor errors", "int", lambda r: r.output.errors_minor),
    Column("errors_major", "Major errors", "int", lambda r: r.output.errors_major),
    Column("complaints", "Complaints", "int", lambda r: r.output.complaints),
    Column("corrected", "Corrected visits", "int", lambda r: r.output.corrected_visits),
    Column("cross_sell", "Cross-sell accepted", "int", lambda r: r.output.cross_sell_accepted),
    Column("short_pending", "Short visits awaiting review", "int", lambda r: r.output.short_pending),
    Column("short_withheld", "Units withheld (short visits)", "units", lambda r: r.output.short_withheld_units),
    Column("signed_in_h", "Signed-in hours", "hours", lambda r: r.signed_in_s / HOUR),
    Column("serving_h", "Serving hours", "hours", lambda r: r.serving_s / HOUR),
    Column("paused_h", "Paused hours", "hours", lambda r: r.paused_s / HOUR),
    Column("idle_h", "Idle hours", "hours", lambda r: r.idle_s / HOUR),
    Column("bonus_units", "Quality bonus units", "units", lambda r: r.bonus),
    Column("deduction_units", "Deduction units", "units", lambda r: r.deductions),
    Column("cross_sell_units", "Cross-sell units", "units", lambda r: r.cross_sell_units),
    Column("net_units", "Net units", "units", lambda r: r.net_units),
    Column("target_units", "Target units", "units", lambda r: r.target),
    Column("attainment", "Attainment", "percent", lambda r: r.attainment),
    Column("pay", "Pay", "money", lambda r: r.pay),
)


def teller_line(row: TellerRow) -> Line:
    ev = row.evaluation
    return Line(
        row.rank, row.teller, row.name, row.output, row.time.signed_in_s, row.time.serving_s, row.time.paused_s,
        row.time.idle_s, ev.quality_bonus_units, ev.deduction_units, ev.cross_sell_units, ev.net_units,
        ev.target_units, ev.attainment, ev.pay,
    )


def total_line(totals: BranchTotals, label: str) -> Line:
    # The branch has no single target, bonus or deduction: those cells stay empty.
    return Line(
        None, "", label, totals.output, totals.signed_in_s, totals.output.serving_s, totals.paused_s, totals.idle_s,
        None, None, None, totals.net_units, None, None, totals.pay,
    )


def _lines(report: PieceRateReport, total_label: str) -> list[Line]:
    return [*(teller_line(row) for row in report.rows), total_line(report.totals, total_label)]


def _headers(headers: Mapping[str, str] | None) -> list[str]:
    return [(headers or {}).get(col.key, col.header) for col in COLUMNS]


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "text" and isinstance(value, str):
        return shown_as_text(value)  # a name is shown, never evaluated
    if kind in _DECIMALS:
        digits = _DECIMALS[kind]
        return int(round(value)) if digits == 0 else round(float(value), digits)
    return value


def period_titles(headers: Mapping[str, str] | None) -> list[str]:
    """The first two columns of every report export: the period's first and last day."""
    return [(headers or {}).get("period_first", "From"), (headers or {}).get("period_last", "To")]


def period_cells(first: date, last: date) -> list[str]:
    # ISO dates: a payroll file read in another country, or a year on, says the same period.
    return [first.isoformat(), last.isoformat()]


def write_csv(
    report: PieceRateReport, path: Path | str, headers: Mapping[str, str] | None = None, total_label: str = "Total"
) -> None:
    """One line per teller in rank order, then the branch total, each led by the period; UTF-8 with BOM."""
    period = period_cells(report.period.first, report.period.last)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*period_titles(headers), *_headers(headers)])
        for line in _lines(report, total_label):
            writer.writerow([*period, *(_csv_cell(col.value(line), col.kind) for col in COLUMNS)])


def put_period(sheet: Any, row: int, first: date, last: date) -> None:
    """The period's first and last day as date cells, in the first two columns of ``row``."""
    _put(sheet, row, 1, first, "date")
    _put(sheet, row, 2, last, "date")


def _put(sheet: Any, row: int, column: int, value: Any, kind: str) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if kind == "text" and isinstance(value, str):
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
    cell.number_format = _XLSX_FORMAT.get(kind, "General")


def _tellers_sheet(sheet: Any, report: PieceRateReport, headers: Mapping[str, str] | None, total_label: str) -> None:
    titles = period_titles(headers) + _headers(headers)
    sheet.append(titles)
    for r, line in enumerate(_lines(report, total_label), start=2):
        put_period(sheet, r, report.period.first, report.period.last)
        for c, col in enumerate(COLUMNS, start=3):
            _put(sheet, r, c, col.value(line), col.kind)
    sheet.freeze_panes = "D2"
    fit_widths(sheet, titles)


def fit_widths(sheet: Any, titles: list[str]) -> None:
    """Each column as wide as its title, within reason."""
    for c, title in enumerate(titles, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(10, min(28, len(title) + 2))


# The "Units by type" sheet: (key, English title, cell kind) per column.
TYPE_COLUMNS = (
    ("teller", "Teller ID", "text"),
    ("name", "Name", "text"),
    ("type", "Transaction type", "text"),
    ("type_name", "Type name", "text"),
    ("items", "Items", "units"),
    ("units", "Units", "units"),
    ("actual_h", "Service hours", "hours"),
    ("standard_h", "Standard hours", "hours"),
    ("service_ratio", "Service time / standard", "ratio"),
)


def type_titles(headers: Mapping[str, str] | None) -> list[str]:
    return [(headers or {}).get(key, title) for key, title, _ in TYPE_COLUMNS]


def put_type_rows(
    sheet: Any, r: int, row: TellerRow, type_names: Mapping[str, str], lead: tuple[tuple[Any, str], ...] = ()
) -> int:
    """The teller's units by type, one sheet row each from row ``r``, led by the ``lead`` (value, kind) cells.

    Returns the next free sheet row.
    """
    kinds = [kind for _, kind in lead] + [kind for _, _, kind in TYPE_COLUMNS]
    for t in row.output.units_by_type:
        values = [value for value, _ in lead] + [
            row.teller, row.name, t.code, type_names.get(t.code, t.code), t.items, t.units,
            t.actual_s / HOUR, t.standard_s / HOUR, t.service_ratio,
        ]  # fmt: skip
        for c, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            _put(sheet, r, c, value, kind)
        r += 1
    return r


def _types_sheet(
    sheet: Any, report: PieceRateReport, headers: Mapping[str, str] | None, type_names: Mapping[str, str]
) -> None:
    sheet.append(type_titles(headers))
    r = 2
    for row in report.rows:
        r = put_type_rows(sheet, r, row, type_names)


def write_xlsx(
    report: PieceRateReport,
    path: Path | str,
    headers: Mapping[str, str] | None = None,
    total_label: str = "Total",
    type_names: Mapping[str, str] | None = None,
) -> None:
    """Sheet "Tellers" (one row per teller, then the total) and sheet "Units by type".

    ``type_names`` maps transaction codes to names in the reader's language
    (``{t.code: t.name(lang) for t in catalogue.types.values()}``).
    """
    book, tellers = new_workbook()
    tellers.title = (headers or {}).get("sheet_tellers", "Tellers")[:31]  # Excel's limit
    _tellers_sheet(tellers, report, headers, total_label)
    types = book.create_sheet((headers or {}).get("sheet_types", "Units by type")[:31])
    _types_sheet(types, report, headers, type_names or {})
    save_workbook(book, path)
