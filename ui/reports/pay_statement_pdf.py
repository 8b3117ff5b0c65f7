"""One teller's pay statement in the piece-rate PDF: who, the period, units by type, adjustments, pay, signatures.

Each statement starts on its own page, so the branch can hand every teller their sheet to sign.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale

from queueing.reports.piece_rate_report import PieceRateReport, TellerRow

STATEMENT_STYLE = """
table.pay td.label { padding-right: 16px; }
tr.net td { font-weight: 700; border-top: 1px solid #1f2a37; }
p.sign { margin-top: 36px; }
"""


def statement_texts() -> dict[str, str]:
    """The statement's words in the reader's language (escaped where they are used)."""
    return {
        "title": QCoreApplication.translate("PayStatement", "Piece-rate pay statement"),
        "who": QCoreApplication.translate("PayStatement", "Teller %1 · ID %2"),
        "by_type": QCoreApplication.translate("PayStatement", "Units by transaction type"),
        "type": QCoreApplication.translate("PayStatement", "Transaction type"),
        "count": QCoreApplication.translate("PayStatement", "Count"),
        "each": QCoreApplication.translate("PayStatement", "Units each"),
        "units": QCoreApplication.translate("PayStatement", "Units"),
        "none": QCoreApplication.translate("PayStatement", "No paid transactions in the period"),
        "breakdown": QCoreApplication.translate("PayStatement", "Pay breakdown"),
        "standard": QCoreApplication.translate("PayStatement", "Standard units (count × units, above)"),
        "approved": QCoreApplication.translate("PayStatement", "of which approved short visits: %1"),
        "withheld": QCoreApplication.translate(
            "PayStatement", "Short visits not paid (awaiting review or rejected): %1"
        ),
        "bonus": QCoreApplication.translate("PayStatement", "Quality bonus"),
        "deductions": QCoreApplication.translate(
            "PayStatement", "Quality deductions (%1 minor, %2 major errors, %3 complaints)"
        ),
        "cross_sell": QCoreApplication.translate("PayStatement", "Cross-sell credit (%1 accepted)"),
        "net": QCoreApplication.translate("PayStatement", "Net units"),
        "target": QCoreApplication.translate("PayStatement", "Target units for the period"),
        "attainment": QCoreApplication.translate("PayStatement", "Attainment"),
        "pay": QCoreApplication.translate("PayStatement", "Piece-rate pay"),
        "teller": QCoreApplication.translate("PayStatement", "Teller"),
        "supervisor": QCoreApplication.translate("PayStatement", "Supervisor"),
        "date": QCoreApplication.translate("PayStatement", "Date"),
    }


def _n(locale: QLocale, value: float, decimals: int = 1) -> str:
    return locale.toString(float(value), "f", decimals)


def _types(row: TellerRow, locale: QLocale, type_names: Mapping[str, str], t: Mapping[str, str]) -> str:
    head = (
        f"<tr><th>{escape(t['type'])}</th><th class='num'>{escape(t['count'])}</th>"
        f"<th class='num'>{escape(t['each'])}</th><th class='num'>{escape(t['units'])}</th></tr>"
    )
    lines = []
    for line in row.output.units_by_type:
        each = line.units / line.items if line.items else 0.0
        lines.append(
            f"<tr><td>{escape(type_names.get(line.code, line.code))} ({escape(line.code)})</td>"
            f"<td class='num'>{_n(locale, line.items, 0)}</td><td class='num'>× {_n(locale, each, 2)}</td>"
            f"<td class='num'>{_n(locale, line.units)}</td></tr>"
        )
    if not lines:
        lines.append(f"<tr><td colspan='4'>{escape(t['none'])}</td></tr>")
    return f"<table border='1' cellspacing='0' cellpadding='3' width='70%'>{head}{''.join(lines)}</table>"


def _pay_lines(row: TellerRow, report: PieceRateReport, locale: QLocale, t: Mapping[str, str]) -> str:
    o, e = row.output, row.evaluation
    deductions = (
        t["deductions"].replace("%1", str(o.errors_minor)).replace("%2", str(o.errors_major))
        .replace("%3", str(o.complaints))
    )  # fmt: skip
    rows = [
        (t["standard"], _n(locale, e.standard_units)),
        (t["approved"].replace("%1", str(o.short_approved)), _n(locale, o.short_approved_units)),
        (
            t["withheld"].replace("%1", str(o.short_pending + o.short_rejected)),
            f"({_n(locale, o.short_withheld_units)})",
        ),
        (t["bonus"], "+ " + _n(locale, e.quality_bonus_units)),
        (deductions, "− " + _n(locale, e.deduction_units)),
        (t["cross_sell"].replace("%1", str(o.cross_sell_accepted)), "+ " + _n(locale, e.cross_sell_units)),
    ]
    body = "".join(
        f"<tr><td class='label'>{escape(label)}</td><td class='num'>{escape(value)}</td></tr>" for label, value in rows
    )
    net = (
        f"<tr class='net'><td class='label'>{escape(t['net'])}</td>"
        f"<td class='num'>{_n(locale, e.net_units)}</td></tr>"
    )
    target = (
        f"<tr><td class='label'>{escape(t['target'])}</td><td class='num'>{_n(locale, e.target_units)}</td></tr>"
        f"<tr><td class='label'>{escape(t['attainment'])}</td>"
        f"<td class='num'>{_n(locale, e.attainment * 100)}%</td></tr>"
    )
    pay = (
        f"<tr class='net'><td class='label'>{escape(t['pay'])}</td>"
        f"<td class='num'>{escape(report.currency)} {_n(locale, e.pay, 2)}</td></tr>"
    )
    return f"<table class='pay' cellspacing='0' cellpadding='3'>{body}{net}{target}{pay}</table>"


def statement_html(row: TellerRow, report: PieceRateReport, type_names: Mapping[str, str], period_text: str) -> str:
    """One teller's statement; starts a new page."""
    locale, t = QLocale(), statement_texts()
    who = t["who"].replace("%2", row.teller).replace("%1", row.name)
    signature = "_" * 28
    date_line = f"&nbsp;&nbsp; {escape(t['date'])}: ____________"
    return (
        f"<h1 style='page-break-before: always'>{escape(t['title'])}</h1>"
        f"<p class='meta'>{escape(who)} · {escape(period_text)}</p>"
        f"<h2>{escape(t['by_type'])}</h2>{_types(row, locale, type_names, t)}"
        f"<h2>{escape(t['breakdown'])}</h2>{_pay_lines(row, report, locale, t)}"
        f"<p class='sign'>{escape(t['teller'])}: {escape(row.name)} {signature} {date_line}</p>"
        f"<p class='sign'>{escape(t['supervisor'])}: {signature} {date_line}</p>"
    )
