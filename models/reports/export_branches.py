"""Export the piece-rate report over several branches to CSV and XLSX, the single-branch columns led by the branch.

Every branch's tellers in rank order, then its total; after the last branch the grand
total of all of them. The first line names the pay scheme every branch was paid by.
Cells are written as models/reports/export.py writes them (same rounding, same formats).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from models.reports.export import (
    COLUMNS,
    Line,
    _csv_cell,
    _headers,
    _put,
    fit_widths,
    period_cells,
    period_titles,
    put_period,
    put_type_rows,
    teller_line,
    total_line,
    type_titles,
)
from models.reports.table_export import new_workbook, save_workbook
from queueing.reports.piece_rate_branches import BranchesPieceRate

# Headers by key of the columns that lead each line, and of the texts around the table.
BRANCH_TEXTS = {
    "branch": "Branch ID",
    "branch_name": "Branch",
    "branch_total": "Branch total",
    "grand_total": "All branches",
    "scheme": "Pay scheme (the same for every branch)",
}


def _texts(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {key: (headers or {}).get(key, text) for key, text in BRANCH_TEXTS.items()}


def branch_lines(report: BranchesPieceRate, texts: Mapping[str, str]) -> list[tuple[str, str, Line]]:
    """(branch id, branch name, line) in reading order; the grand total's branch cells are empty."""
    lines = []
    for branch in report.branches:
        for row in branch.report.rows:
            lines.append((branch.branch_id, branch.name, teller_line(row)))
        lines.append((branch.branch_id, branch.name, total_line(branch.report.totals, texts["branch_total"])))
    lines.append(("", "", total_line(report.totals, texts["grand_total"])))
    return lines


def write_branches_csv(report: BranchesPieceRate, path: Path | str, headers: Mapping[str, str] | None = None) -> None:
    """A line naming the scheme, the header line, then the lines; UTF-8 with BOM like the single-branch CSV."""
    texts = _texts(headers)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([texts["scheme"], _csv_cell(report.scheme_name, "text"), _csv_cell(report.currency, "text")])
        writer.writerow([*period_titles(headers), texts["branch"], texts["branch_name"], *_headers(headers)])
        period = period_cells(report.first, report.last)
        for branch_id, name, line in branch_lines(report, texts):
            writer.writerow(
                [*period, _csv_cell(branch_id, "text"), _csv_cell(name, "text")]
                + [_csv_cell(col.value(line), col.kind) for col in COLUMNS]
            )


def _tellers_sheet(sheet: Any, report: BranchesPieceRate, headers: Mapping[str, str] | None) -> None:
    texts = _texts(headers)
    # The scheme's file name and currency are text, whatever they start with (a name is never run as a formula).
    for c, value in enumerate((texts["scheme"], report.scheme_name, report.currency), start=1):
        _put(sheet, 1, c, value, "text")
    titles = [*period_titles(headers), texts["branch"], texts["branch_name"], *_headers(headers)]
    sheet.append(titles)
    for r, (branch_id, name, line) in enumerate(branch_lines(report, texts), start=3):
        put_period(sheet, r, report.first, report.last)
        _put(sheet, r, 3, branch_id, "text")
        _put(sheet, r, 4, name, "text")
        for c, col in enumerate(COLUMNS, start=5):
            _put(sheet, r, c, col.value(line), col.kind)
    sheet.freeze_panes = "F3"
    fit_widths(sheet, titles)


def _types_sheet(
    sheet: Any, report: BranchesPieceRate, headers: Mapping[str, str] | None, type_names: Mapping[str, str]
) -> None:
    sheet.append([_texts(headers)["branch"], *type_titles(headers)])
    r = 2
    for branch in report.branches:
        for row in branch.report.rows:
            r = put_type_rows(sheet, r, row, type_names, lead=((branch.branch_id, "text"),))


def write_branches_xlsx(
    report: BranchesPieceRate,
    path: Path | str,
    headers: Mapping[str, str] | None = None,
    type_names: Mapping[str, str] | None = None,
) -> None:
    """Sheet "Tellers" (the scheme line, then a row per teller with branch totals and the grand total) and
    sheet "Units by type" (a row per teller and type, led by the branch)."""
    book, tellers = new_workbook()
    tellers.title = (headers or {}).get("sheet_tellers", "Tellers")[:31]  # Excel's limit
    _tellers_sheet(tellers, report, headers)
    types = book.create_sheet((headers or {}).get("sheet_types", "Units by type")[:31])
    _types_sheet(types, report, headers, type_names or {})
    save_workbook(book, path)
