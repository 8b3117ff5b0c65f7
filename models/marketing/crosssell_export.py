"""The cross-sell conversion report as CSV (one table, a column names the grouping) or XLSX (a sheet per
grouping). Titles are English unless the caller passes translated ones (ui/reports/crosssell_texts.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from models.reports.table_export import Sheet, write_sheets
from queueing.crosssell.report import ConversionLine, CrossSellReport, Dimension

COLUMNS = ("offered", "interested", "accepted", "declined", "referred", "not_offered", "conversion")
ENGLISH: dict[str, str] = {
    "dimension": "Grouped by",
    "key": "Key",
    "offered": "Offered",
    "interested": "Interested",
    "accepted": "Accepted",
    "declined": "Declined",
    "referred": "Referred",
    "not_offered": "Not offered",
    "conversion": "Conversion",
    "total": "Total",
    Dimension.RULE: "Rule",
    Dimension.TELLER: "Teller",
    Dimension.TIER: "Tier",
    Dimension.WEEK: "Week",
}


def figures(line: ConversionLine) -> list[Any]:
    rate = line.conversion
    return [line.offered, line.interested, line.accepted, line.declined, line.referred, line.not_offered,
            round(rate, 4) if rate is not None else None]  # fmt: skip


def _sheets(report: CrossSellReport, texts: Mapping[str, str]) -> list[Sheet]:
    t = {**ENGLISH, **texts}
    numbers = [t[c] for c in COLUMNS]
    everything = [
        [t[d], line.key, *figures(line)] for d in Dimension for line in report.lines[d]
    ] + [[t["total"], "", *figures(report.total)]]
    sheets: list[Sheet] = [(t["total"], [t["dimension"], t["key"], *numbers], everything)]
    for d in Dimension:
        rows = [[line.key, *figures(line)] for line in report.lines[d]] + [[t["total"], *figures(report.total)]]
        sheets.append((t[d], [t[d], *numbers], rows))
    return sheets


def write_crosssell(
    report: CrossSellReport, path: Path | str, fmt: str, texts: Mapping[str, str] | None = None
) -> None:
    """CSV: every grouping in one table; XLSX: that table first, then a sheet per grouping."""
    write_sheets(path, _sheets(report, texts or {}), fmt)
