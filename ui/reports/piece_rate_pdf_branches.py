"""The piece-rate report over several branches as a PDF: a table per branch, then the branches side by side.

Built as ui/reports/piece_rate_pdf.py builds the single-branch report (QTextDocument printed on a
QPdfWriter, A4 landscape, the bundled CJK font) and with its tables; the charts stay in
the single-branch report, where a teller's bar means something next to the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale

from queueing.reports.piece_rate_branches import BranchesPieceRate
from queueing.reports.piece_rate_report import BranchTotals
from ui.common.branch_time import branch_now
from ui.reports.pdf_pages import print_html
from ui.reports.piece_rate_pdf import STYLE, _cells, _tellers_table
from ui.reports.piece_rate_texts import branch_texts, column_headers, report_title

# The table of branches side by side: (key, kind) as ui/reports/piece_rate_pdf.PAGE_COLUMNS names them.
SUMMARY_COLUMNS = (
    ("name", "text"), ("visits", "int"), ("standard_units", "units"), ("units_per_hour", "units"),
    ("service_ratio", "ratio"), ("overrun_share", "percent"), ("avg_rating", "rating"), ("errors_minor", "int"),
    ("errors_major", "int"), ("complaints", "int"), ("cross_sell", "int"), ("net_units", "units"), ("pay", "money"),
)  # fmt: skip


def _totals_values(name: str, totals: BranchTotals) -> dict[str, object]:
    o = totals.output
    return {
        "name": name, "visits": o.visits, "standard_units": o.standard_units,
        "units_per_hour": o.units_per_serving_hour, "service_ratio": o.service_ratio,
        "overrun_share": o.overrun_share, "avg_rating": o.avg_rating, "errors_minor": o.errors_minor,
        "errors_major": o.errors_major, "complaints": o.complaints, "cross_sell": o.cross_sell_accepted,
        "net_units": totals.net_units, "pay": totals.pay,
    }  # fmt: skip


def _summary_table(report: BranchesPieceRate, locale: QLocale, columns: Sequence[tuple[str, str]]) -> str:
    headers = {**column_headers(), "name": branch_texts()["branch_name"]}
    head = "".join(
        f'<th class="{"" if kind == "text" else "num"}">{escape(headers[key])}</th>' for key, kind in columns
    )
    body = [f"<tr>{_cells(_totals_values(b.name, b.report.totals), locale, columns)}</tr>" for b in report.branches]
    grand = _totals_values(branch_texts()["grand_total"], report.totals)
    body.append(f'<tr class="total">{_cells(grand, locale, columns)}</tr>')
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{"".join(body)}</table>'


def branches_html(report: BranchesPieceRate, generated: datetime) -> str:
    locale = QLocale()
    texts = branch_texts()
    meta = (
        f"{escape(report.first.isoformat())} – {escape(report.last.isoformat())} · {escape(report.currency)} · "
        f"{escape(texts['scheme'])}: {escape(report.scheme_name)} · {escape(generated.strftime('%Y-%m-%d %H:%M'))}"
    )
    sections = [
        f"<h2>{escape(b.name)} ({escape(b.branch_id)}, {escape(b.report.period.timezone)})</h2>"
        f"{_tellers_table(b.report, locale)}"
        for b in report.branches
    ]
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        f"<h1>{escape(report_title())}</h1><p class='meta'>{meta}</p>"
        f"<h2>{escape(texts['grand_total'])}</h2>{_summary_table(report, locale, SUMMARY_COLUMNS)}"
        f"{''.join(sections)}</body></html>"
    )


def write_branches_pdf(report: BranchesPieceRate, path: Path | str, generated: datetime | None = None) -> None:
    """Write the report over branches to ``path`` (A4 landscape). Needs a QGuiApplication."""
    title = f"{report_title()} {report.first.isoformat()} – {report.last.isoformat()}"
    print_html(path, title, branches_html(report, generated or branch_now()))
