"""The piece-rate report as a PDF: QTextDocument (HTML tables) printed on a QPdfWriter, A4 landscape.

Needs a QGuiApplication (fonts and painting); the CLI makes one. Text is set in the
bundled Noto Sans CJK face (ui/common/fonts.py), which embeds in the PDF, so Chinese and
Korean names print on a machine with no CJK font. Numbers follow the current QLocale
(the language manager sets it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QSizeF, QUrl
from PySide6.QtGui import QTextDocument

from queueing.reports.piece_rate_report import PieceRateReport, TellerRow
from ui.common.branch_time import branch_now
from ui.reports.pay_statement_pdf import STATEMENT_STYLE, statement_html
from ui.reports.pdf_charts import service_image, units_image
from ui.reports.pdf_pages import new_pdf_writer, print_document, report_document
from ui.reports.piece_rate_texts import chart_texts, column_headers, report_title, total_label

# (column key, kind) of the table on the page: the CSV and XLSX carry every column, the page the main ones.
PAGE_COLUMNS = (
    ("rank", "int"), ("name", "text"), ("visits", "int"), ("standard_units", "units"), ("units_per_hour", "units"),
    ("service_ratio", "ratio"), ("overrun_share", "percent"), ("avg_rating", "rating"), ("errors_minor", "int"),
    ("errors_major", "int"), ("complaints", "int"), ("cross_sell", "int"), ("net_units", "units"),
    ("attainment", "percent"), ("pay", "money"),
)  # fmt: skip
_DECIMALS = {"int": 0, "units": 1, "ratio": 2, "rating": 2, "money": 2}
CHART_WIDTH = 1000  # document pixels (1/96 inch): A4 landscape within 12 mm margins is 1032 wide
CHART_HEIGHT = 300

STYLE = """
body { color: #1f2a37; font-size: 9pt; }
h1 { font-size: 16pt; margin-bottom: 2px; }
h2 { font-size: 11pt; margin-top: 14px; }
p.meta { color: #5b6b7d; }
th { background-color: #e8eef5; font-weight: 600; font-size: 8pt; }
td { font-size: 8pt; }
td.num, th.num { text-align: right; }
tr.total td { font-weight: 700; background-color: #f3f6f9; }
"""


def _number(locale: QLocale, value: float | None, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "percent":
        return locale.toString(value * 100, "f", 1) + "%"
    return locale.toString(float(value), "f", _DECIMALS.get(kind, 2))


def _cells(values: Mapping[str, object], locale: QLocale, columns: Sequence[tuple[str, str]] = PAGE_COLUMNS) -> str:
    cells = []
    for key, kind in columns:
        value = values.get(key)
        if kind == "text":
            cells.append(f"<td nowrap>{escape(str(value or ''))}</td>")
        elif value is None or isinstance(value, int | float):
            cells.append(f'<td class="num">{_number(locale, value, kind)}</td>')
        else:
            raise TypeError(f"the {key} column holds {type(value).__name__}, not a number")
    return "".join(cells)


def _row_values(row: TellerRow) -> dict[str, object]:
    o = row.output
    return {
        "rank": row.rank, "name": row.name, "visits": o.visits, "standard_units": o.standard_units,
        "units_per_hour": o.units_per_serving_hour, "service_ratio": o.service_ratio,
        "overrun_share": o.overrun_share, "avg_rating": o.avg_rating, "errors_minor": o.errors_minor,
        "errors_major": o.errors_major, "complaints": o.complaints, "cross_sell": o.cross_sell_accepted,
        "net_units": row.evaluation.net_units, "attainment": row.evaluation.attainment, "pay": row.evaluation.pay,
    }  # fmt: skip


def _tellers_table(report: PieceRateReport, locale: QLocale) -> str:
    headers = column_headers()
    head = "".join(
        f'<th class="{"" if kind == "text" else "num"}">{escape(headers[key])}</th>' for key, kind in PAGE_COLUMNS
    )
    body = [f"<tr>{_cells(_row_values(row), locale)}</tr>" for row in report.rows]
    total = _row_values_totals(report)
    total["name"] = total_label()
    body.append(f'<tr class="total">{_cells(total, locale)}</tr>')
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{"".join(body)}</table>'


def _row_values_totals(report: PieceRateReport) -> dict[str, object]:
    o = report.totals.output
    return {
        "rank": None, "visits": o.visits, "standard_units": o.standard_units,
        "units_per_hour": o.units_per_serving_hour, "service_ratio": o.service_ratio,
        "overrun_share": o.overrun_share, "avg_rating": o.avg_rating, "errors_minor": o.errors_minor,
        "errors_major": o.errors_major, "complaints": o.complaints, "cross_sell": o.cross_sell_accepted,
        "net_units": report.totals.net_units, "attainment": None, "pay": report.totals.pay,
    }  # fmt: skip


def _types_table(report: PieceRateReport, locale: QLocale, type_names: Mapping[str, str]) -> str:
    h = column_headers()
    head = (
        f"<tr><th>{escape(h['type'])}</th><th>{escape(h['type_name'])}</th><th class='num'>{escape(h['items'])}</th>"
        f"<th class='num'>{escape(h['units'])}</th><th class='num'>{escape(h['service_ratio'])}</th></tr>"
    )
    rows = [
        f"<tr><td>{escape(t.code)}</td><td>{escape(type_names.get(t.code, t.code))}</td>"
        f"<td class='num'>{_number(locale, t.items, 'units')}</td><td class='num'>{_number(locale, t.units, 'units')}"
        f"</td><td class='num'>{_number(locale, t.service_ratio, 'ratio')}</td></tr>"
        for t in report.totals.output.units_by_type
    ]
    return f'<table border="1" cellspacing="0" cellpadding="3">{head}{"".join(rows)}</table>'


def _date(day: date) -> str:
    # ISO dates on a payroll document: 01/11 means a different day to different readers.
    return day.isoformat()


def report_html(report: PieceRateReport, branch_name: str, type_names: Mapping[str, str], generated: datetime) -> str:
    locale = QLocale()
    tr = chart_texts()
    meta = (
        f"{escape(branch_name)} · {escape(_date(report.period.first))} – "
        f"{escape(_date(report.period.last))} · {escape(report.currency)} · "
        f"{escape(generated.strftime('%Y-%m-%d %H:%M'))}"
    )
    period = f"{_date(report.period.first)} – {_date(report.period.last)}"
    statements = "".join(statement_html(row, report, type_names, period) for row in report.rows)
    return (
        f"<html><head><style>{STYLE}{STATEMENT_STYLE}</style></head><body>"
        f"<h1>{escape(report_title())}</h1><p class='meta'>{meta}</p>"
        f"{_tellers_table(report, locale)}"
        f"<p><img src='units.png' width='{CHART_WIDTH}' height='{CHART_HEIGHT}'></p>"
        f"<p><img src='service.png' width='{CHART_WIDTH}' height='{CHART_HEIGHT}'></p>"
        f"<h2>{escape(tr['types_title'])}</h2>{_types_table(report, locale, type_names)}"
        f"{statements}"
        "</body></html>"
    )


def build_document(
    report: PieceRateReport,
    branch_name: str,
    type_names: Mapping[str, str],
    generated: datetime,
    page: QSizeF | None = None,
) -> QTextDocument:
    """The report as a document; ``page``: its page size in document pixels (the printable area)."""
    document = report_document(page)
    names = [row.name for row in report.rows]
    texts = chart_texts()
    standard = [b.standard_units for b in report.units_chart]
    units = units_image(names, standard, [b.net_units for b in report.units_chart], texts, CHART_WIDTH, CHART_HEIGHT)
    minutes = [tuple(v / 60.0 for v in d.five_numbers) for d in report.service_chart]
    service = service_image(names, minutes, texts, CHART_WIDTH, CHART_HEIGHT)
    image = QTextDocument.ResourceType.ImageResource
    document.addResource(image, QUrl("units.png"), units)
    document.addResource(image, QUrl("service.png"), service)
    document.setHtml(report_html(report, branch_name, type_names, generated))
    return document


def write_pdf(
    report: PieceRateReport,
    path: Path | str,
    branch_name: str,
    type_names: Mapping[str, str] | None = None,
    generated: datetime | None = None,
) -> None:
    """Write the report to ``path`` (A4 landscape). Needs a QGuiApplication."""
    title = f"{report_title()} {report.period.first.isoformat()} – {report.period.last.isoformat()}"
    writer, page = new_pdf_writer(path, title)
    document = build_document(report, branch_name, type_names or {}, generated or branch_now(), page)
    print_document(document, writer, path)
