"""A plain table (titles and rows of text, numbers and dates) written to CSV or XLSX, whole or not at all.

CSV is UTF-8 with a byte-order mark (a spreadsheet keeps Chinese and Korean intact). Text that a
spreadsheet would run as a formula is written so that it is shown, never evaluated.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.reports.cell_text import shown_as_text
from models.store.atomic_file import replaced_on_success

FORMATS = ("csv", "xlsx")
MAX_WIDTH = 60


def _shown(value: Any) -> Any:
    if isinstance(value, str):
        return shown_as_text(value)
    return "" if value is None else value


# One sheet of an XLSX file: its name, the column titles and the rows.
Sheet = tuple[str, Sequence[str], Sequence[Sequence[Any]]]


def write_table(path: Path | str, titles: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str = "Sheet") -> None:
    """``rows`` under ``titles``; the format follows the file's suffix (.csv or .xlsx)."""
    write_sheets(path, [(sheet, titles, rows)])


def write_sheets(path: Path | str, sheets: Sequence[Sheet], fmt: str | None = None) -> None:
    """XLSX: one sheet each. CSV takes the first sheet only (a CSV file has one table)."""
    target = Path(path)
    suffix = fmt or target.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{target.name}: the file must end in .csv or .xlsx")
    with replaced_on_success(target) as tmp:
        if suffix == "csv":
            _, titles, rows = sheets[0]
            with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(titles)
                writer.writerows([_shown(v) for v in row] for row in rows)
        else:
            book, first = new_workbook()
            book.remove(first)
            for title, titles, rows in sheets:
                _sheet(book.create_sheet(_sheet_name(title)), titles, rows)
            save_workbook(book, tmp)


def _sheet_name(title: str) -> str:
    # Excel refuses these characters in a sheet name and more than 31 characters.
    return "".join(" " if c in "[]:*?/\\" else c for c in title)[:31] or "Sheet"


def _sheet(sheet: Any, titles: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    sheet.append(list(titles))
    widths = [len(t) for t in titles]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would store "=..." as a formula
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, float):
                cell.number_format = "0.0%" if 0 <= value <= 1 else "#,##0.00"
            elif isinstance(value, int):
                cell.number_format = "#,##0"
            widths[c - 1] = max(widths[c - 1], len(str(value)))
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, width + 2)
    sheet.freeze_panes = "A2"


def new_workbook() -> tuple[Workbook, Worksheet]:
    """A new workbook and the sheet it starts with."""
    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # openpyxl's new workbook always starts with one plain sheet
        raise TypeError("openpyxl created a workbook without a worksheet")
    return book, sheet


def save_workbook(book: Workbook, path: Path | str) -> None:
    """``book`` written to ``path``, built in memory first.

    openpyxl's own save writes a zip archive straight to the file; when the disk fills up under it, the
    archive is left half-closed and tries to write again as it is collected, printing a traceback after the
    one-line error. Here the disk sees one plain write, whose OSError is the only one.
    """
    buffer = io.BytesIO()
    book.save(buffer)
    with open(path, "wb") as handle:
        handle.write(buffer.getbuffer())
