"""Export the service report to CSV and XLSX: a line per branch and category, each branch's total, the overall total.

The same habits as models/reports/export.py: CSV in UTF-8 with a byte-order mark,
numbers rounded by kind; XLSX with real numbers, dates and display formats; headers
English unless the caller passes translated ones by column key. Times are in minutes.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from models.reports.export import _csv_cell, _put, period_cells, period_titles, put_period
from models.reports.table_export import new_workbook, save_workbook
from queueing.reports.service_report import ServiceLine, ServiceReport

MINUTE = 60.0


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / MINUTE


@dataclass(frozen=True)
class ServiceColumn:
    key: str
    header: str
    kind: str  # a kind of models/reports/export.py: text, int, units (2 decimals), percent
    value: Callable[[ServiceLine], Any]


SERVICE_COLUMNS: tuple[ServiceColumn, ...] = (
    ServiceColumn("branch", "Branch ID", "text", lambda s: s.branch_id),
    ServiceColumn("branch_name", "Branch", "text", lambda s: s.branch_name),
    ServiceColumn("category", "Category", "text", lambda s: s.category),
    ServiceColumn("category_name", "Category name", "text", lambda s: s.category_name),
    ServiceColumn("issued", "Tickets issued", "int", lambda s: s.counts.issued),
    ServiceColumn("served", "Served", "int", lambda s: s.counts.served),
    ServiceColumn("no_shows", "No-shows", "int", lambda s: s.counts.no_shows),
    ServiceColumn("expired", "Expired (day ended)", "int", lambda s: s.counts.expired),
    ServiceColumn("mean_wait", "Mean wait (min)", "units", lambda s: _minutes(s.mean_wait_s)),
    ServiceColumn("p90_wait", "90th percentile wait (min)", "units", lambda s: _minutes(s.p90_wait_s)),
    ServiceColumn("target_wait", "Target wait (min)", "units", lambda s: _minutes(s.target_wait_s)),
    ServiceColumn("service_level", "Served within target", "percent", lambda s: s.service_level),
    ServiceColumn("mean_service", "Mean service time (min)", "units", lambda s: _minutes(s.mean_service_s)),
)


def service_headers(headers: Mapping[str, str] | None = None) -> list[str]:
    return [(headers or {}).get(col.key, col.header) for col in SERVICE_COLUMNS]


def write_service_csv(report: ServiceReport, path: Path | str, headers: Mapping[str, str] | None = None) -> None:
    """The header line, then every line of the report in reading order, each led by the period; an empty period
    still gets its lines."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*period_titles(headers), *service_headers(headers)])
        period = period_cells(report.first, report.last)
        for line in report.lines():
            writer.writerow([*period, *(_csv_cell(col.value(line), col.kind) for col in SERVICE_COLUMNS)])


def write_service_xlsx(report: ServiceReport, path: Path | str, headers: Mapping[str, str] | None = None) -> None:
    """Sheet "Service" (``headers["sheet_service"]``): the period's first and last date, then the columns, a row
    per line."""
    book, sheet = new_workbook()
    sheet.title = (headers or {}).get("sheet_service", "Service")[:31]  # Excel's limit
    titles = [*period_titles(headers), *service_headers(headers)]
    sheet.append(titles)
    for r, line in enumerate(report.lines(), start=2):
        put_period(sheet, r, report.first, report.last)
        for c, col in enumerate(SERVICE_COLUMNS, start=3):
            _put(sheet, r, c, col.value(line), col.kind)
    sheet.freeze_panes = "G2"
    for c, title in enumerate(titles, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(10, min(28, len(title) + 2))
    save_workbook(book, path)
