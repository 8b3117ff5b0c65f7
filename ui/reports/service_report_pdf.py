"""The service report as a PDF: one table, a block of lines per branch and the total of every branch.

Set as the piece-rate report is (ui/reports/piece_rate_pdf.py): HTML in a QTextDocument, printed on
A4 landscape in the bundled CJK font; numbers follow the current QLocale.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale

from models.reports.service_export import SERVICE_COLUMNS
from queueing.reports.service_report import ServiceLine, ServiceReport
from ui.common.branch_time import branch_now
from ui.reports.pdf_pages import print_html
from ui.reports.piece_rate_pdf import STYLE, _number
from ui.reports.service_report_texts import service_headers, service_note, service_title

_KINDS = {"units": "rating"}  # two decimals on the page as in the files


def _row(line: ServiceLine, locale: QLocale, css: str = "") -> str:
    cells = []
    for col in SERVICE_COLUMNS:
        value = col.value(line)
        if col.kind == "text":
            cells.append(f"<td nowrap>{escape(str(value or ''))}</td>")
        else:
            cells.append(f'<td class="num">{_number(locale, value, _KINDS.get(col.kind, col.kind))}</td>')
    return f'<tr class="{css}">{"".join(cells)}</tr>' if css else f"<tr>{''.join(cells)}</tr>"


def _table(report: ServiceReport, locale: QLocale, headers: Mapping[str, str]) -> str:
    head = "".join(
        f'<th class="{"" if col.kind == "text" else "num"}">{escape(headers[col.key])}</th>' for col in SERVICE_COLUMNS
    )
    rows: list[str] = []
    for branch in report.branches:
        rows.extend(_row(line, locale) for line in branch.lines)
        rows.append(_row(branch.total, locale, "total"))
    rows.append(_row(report.total, locale, "total"))
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{"".join(rows)}</table>'


def service_html(report: ServiceReport, generated: datetime) -> str:
    zones = ", ".join(f"{b.branch_id} {b.timezone}" for b in report.branches)
    meta = (
        f"{escape(report.first.isoformat())} – {escape(report.last.isoformat())} · {escape(zones)} · "
        f"{escape(generated.strftime('%Y-%m-%d %H:%M'))}"
    )
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        f"<h1>{escape(service_title())}</h1><p class='meta'>{meta}</p><p class='meta'>{escape(service_note())}</p>"
        f"{_table(report, QLocale(), service_headers())}</body></html>"
    )


def write_service_pdf(report: ServiceReport, path: Path | str, generated: datetime | None = None) -> None:
    """Write the service report to ``path`` (A4 landscape). Needs a QGuiApplication."""
    title = f"{service_title()} {report.first.isoformat()} – {report.last.isoformat()}"
    print_html(path, title, service_html(report, generated or branch_now()))
