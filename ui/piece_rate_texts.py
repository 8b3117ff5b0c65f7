"""The piece-rate report's words in the reader's language, shared by the panel, the PDF and the exports.

Column keys are those of models/report_export.py, so CSV and XLSX headers follow the language too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("PieceRateReport", text)


def column_headers() -> dict[str, str]:
    """Translated headers by column key (models.report_export.COLUMNS, the period and the units-by-type sheet)."""
    return {
        "rank": _t("Rank"),
        "teller": _t("Teller ID"),
        "name": _t("Name"),
        "visits": _t("Visits"),
        "standard_units": _t("Standard units"),
        "units_per_hour": _t("Units per serving hour"),
        "service_ratio": _t("Service time / standard"),
        "overrun_share": _t("Overrun share"),
        "avg_rating": _t("Average rating"),
        "ratings": _t("Ratings"),
        "errors_minor": _t("Minor errors"),
        "errors_major": _t("Major errors"),
        "complaints": _t("Complaints"),
        "corrected": _t("Corrected visits"),
        "cross_sell": _t("Cross-sell accepted"),
        "signed_in_h": _t("Signed-in hours"),
        "serving_h": _t("Serving hours"),
        "paused_h": _t("Paused hours"),
        "idle_h": _t("Idle hours"),
        "bonus_units": _t("Quality bonus units"),
        "deduction_units": _t("Deduction units"),
        "cross_sell_units": _t("Cross-sell units"),
        "net_units": _t("Net units"),
        "target_units": _t("Target units"),
        "attainment": _t("Attainment"),
        "pay": _t("Pay"),
        "period_first": _t("From"),
        "period_last": _t("To"),
        "type": _t("Transaction type"),
        "type_name": _t("Type name"),
        "items": _t("Items"),
        "units": _t("Units"),
        "actual_h": _t("Service hours"),
        "standard_h": _t("Standard hours"),
    }


def total_label() -> str:
    return _t("Branch total")


def report_title() -> str:
    return _t("Piece-rate report")


def chart_texts() -> dict[str, str]:
    return {
        "units_title": _t("Units per teller"),
        "units_axis": _t("units"),
        "standard": _t("standard"),
        "net": _t("net"),
        "service_title": _t("Service times per teller"),
        "service_axis": _t("minutes"),
        "types_title": _t("Units by transaction type, whole branch"),
    }
