"""The cross-sell conversion report as a PDF: one table per grouping (rule, teller, tier, week) and the total."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale

from queueing.crosssell.report import ConversionLine, CrossSellReport, Dimension
from ui.common.branch_time import branch_now
from ui.reports.crosssell_texts import conversion_rate, report_texts, report_title
from ui.reports.pdf_pages import print_html

STYLE = """
h1 { font-size: 16pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 14px; }
p.meta { color: #5b6b7d; }
table { border-collapse: collapse; }
th { background: #eef2f6; text-align: right; padding: 3px 8px; }
th.key, td.key { text-align: left; }
td { text-align: right; padding: 2px 8px; border-bottom: 1px solid #dde3ea; }
tr.total td { font-weight: bold; border-top: 1px solid #1f2a37; }
"""
NUMBERS = ("offered", "interested", "accepted", "declined", "referred", "not_offered")


def _cells(line: ConversionLine, key: str, locale: QLocale) -> str:
    numbers = "".join(f"<td>{locale.toString(getattr(line, n))}</td>" for n in NUMBERS)
    rate = conversion_rate(line.conversion, locale)
    return f"<td class='key'>{escape(key)}</td>{numbers}<td>{escape(rate)}</td>"


def _table(report: CrossSellReport, dimension: Dimension, t: dict[str, str], locale: QLocale) -> str:
    head = f"<th class='key'>{escape(t[dimension])}</th>" + "".join(
        f"<th>{escape(t[c])}</th>" for c in (*NUMBERS, "conversion")
    )
    body = "".join(f"<tr>{_cells(line, line.key, locale)}</tr>" for line in report.lines[dimension])
    total = f"<tr class='total'>{_cells(report.total, t['total'], locale)}</tr>"
    return f"<h2>{escape(t[dimension])}</h2><table width='100%'><tr>{head}</tr>{body}{total}</table>"


def report_html(report: CrossSellReport, branch_name: str, generated: datetime) -> str:
    t, locale = report_texts(), QLocale()
    meta = (
        f"{escape(branch_name)} · {report.first.isoformat()} – {report.last.isoformat()} · "
        f"{generated:%Y-%m-%d %H:%M}"
    )
    tables = "".join(_table(report, d, t, locale) for d in Dimension)
    return (
        f"<html><head><style>{STYLE}</style></head><body><h1>{escape(report_title())}</h1>"
        f"<p class='meta'>{meta}</p>{tables}</body></html>"
    )


def write_crosssell_pdf(
    report: CrossSellReport, path: Path | str, branch_name: str, generated: datetime | None = None
) -> None:
    """A4 landscape; needs a QGuiApplication."""
    title = f"{report_title()} {report.first.isoformat()} – {report.last.isoformat()}"
    print_html(path, title, report_html(report, branch_name, generated or branch_now()))
