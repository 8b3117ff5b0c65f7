"""One teller's pay statement in the piece-rate PDF: who, the period, units by type, adjustments, pay, signatures.

Each statement starts on its own page, so the branch can hand every teller their sheet to sign.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale

from queueing.piece_rate_report import PieceRateReport, TellerRow

STATEMENT_STYLE = """
table.pay td.label { padding-right: 16px; }
tr.net td { font-weight: 700; border-top: 1px solid #1f2a37; }
p.sign { margin-top: 36px; }
"""


def _t(text: str) -> str:
    return QCoreApplication.translate("PayStatement", text)


def _n(locale: QLocale, value: float, decimals: int = 1) -> str:
    return locale.toString(float(value), "f", decimals)


def _types(row: TellerRow, locale: QLocale, type_names: Mapping[str, str]) -> str:
    head = (
        f"<tr><th>{escape(_t('Transaction type'))}</th><th class='num'>{escape(_t('Count'))}</th>"
        f"<th class='num'>{escape(_t('Units each'))}</th><th class='num'>{escape(_t('Units'))}</th></tr>"
    )
    lines = []
    for t in row.output.units_by_type:
        each = t.units / t.items if t.items else 0.0
        lines.append(
            f"<tr><td>{escape(type_names.get(t.code, t.code))} ({escape(t.code)})</td>"
            f"<td class='num'>{_n(locale, t.items, 0)}</td><td class='num'>× {_n(locale, each, 2)}</td>"
            f"<td class='num'>{_n(locale, t.units)}</td></tr>"
        )
    if not lines:
        lines.append(f"<tr><td colspan='4'>{escape(_t('No paid transactions in the period'))}</td></tr>")
    return f"<table border='1' cellspacing='0' cellpadding='3' width='70%'>{head}{''.join(lines)}</table>"


def _pay_lines(row: TellerRow, report: PieceRateReport, locale: QLocale) -> str:
    o, e = row.output, row.evaluation
    withheld = o.short_pending + o.short_rejected
    rows = [
        (_t("Standard units (count × units, above)"), _n(locale, e.standard_units)),
        (
            _t("of which approved short visits: %1").replace("%1", str(o.short_approved)),
            _n(locale, o.short_approved_units),
        ),
        (
            _t("Short visits not paid (awaiting review or rejected): %1").replace("%1", str(withheld)),
            f"({_n(locale, o.short_withheld_units)})",
        ),
        (_t("Quality bonus"), "+ " + _n(locale, e.quality_bonus_units)),
        (
            _t("Quality deductions (%1 minor, %2 major errors, %3 complaints)")
            .replace("%1", str(o.errors_minor))
            .replace("%2", str(o.errors_major))
            .replace("%3", str(o.complaints)),
            "− " + _n(locale, e.deduction_units),
        ),
        (
            _t("Cross-sell credit (%1 accepted)").replace("%1", str(o.cross_sell_accepted)),
            "+ " + _n(locale, e.cross_sell_units),
        ),
    ]
    body = "".join(
        f"<tr><td class='label'>{escape(label)}</td><td class='num'>{escape(value)}</td></tr>" for label, value in rows
    )
    net = (
        f"<tr class='net'><td class='label'>{escape(_t('Net units'))}</td>"
        f"<td class='num'>{_n(locale, e.net_units)}</td></tr>"
    )
    target = (
        f"<tr><td class='label'>{escape(_t('Target units for the period'))}</td>"
        f"<td class='num'>{_n(locale, e.target_units)}</td></tr>"
        f"<tr><td class='label'>{escape(_t('Attainment'))}</td>"
        f"<td class='num'>{_n(locale, e.attainment * 100)}%</td></tr>"
    )
    pay = (
        f"<tr class='net'><td class='label'>{escape(_t('Piece-rate pay'))}</td>"
        f"<td class='num'>{escape(report.currency)} {_n(locale, e.pay, 2)}</td></tr>"
    )
    return f"<table class='pay' cellspacing='0' cellpadding='3'>{body}{net}{target}{pay}</table>"


def statement_html(row: TellerRow, report: PieceRateReport, type_names: Mapping[str, str], period_text: str) -> str:
    """One teller's statement; starts a new page."""
    locale = QLocale()
    who = _t("Teller %1 · ID %2").replace("%1", row.name).replace("%2", row.teller)
    signature = "_" * 28
    return (
        f"<h1 style='page-break-before: always'>{escape(_t('Piece-rate pay statement'))}</h1>"
        f"<p class='meta'>{escape(who)} · {escape(period_text)}</p>"
        f"<h2>{escape(_t('Units by transaction type'))}</h2>{_types(row, locale, type_names)}"
        f"<h2>{escape(_t('Pay breakdown'))}</h2>{_pay_lines(row, report, locale)}"
        f"<p class='sign'>{escape(_t('Teller'))}: {escape(row.name)} {signature} "
        f"&nbsp;&nbsp; {escape(_t('Date'))}: ____________</p>"
        f"<p class='sign'>{escape(_t('Supervisor'))}: {signature} "
        f"&nbsp;&nbsp; {escape(_t('Date'))}: ____________</p>"
    )
