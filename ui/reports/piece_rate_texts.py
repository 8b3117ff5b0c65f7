"""The piece-rate report's words in the reader's language, shared by the panel, the PDF and the exports.

Column keys are those of models/reports/export.py, so CSV and XLSX headers follow the language too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def column_headers() -> dict[str, str]:
    """Translated headers by column key (models.reports.export.COLUMNS, the period and the units-by-type sheet)."""
    return {
        "rank": QCoreApplication.translate("PieceRateReport", "Rank"),
        "teller": QCoreApplication.translate("PieceRateReport", "Teller ID"),
        "name": QCoreApplication.translate("PieceRateReport", "Name"),
        "visits": QCoreApplication.translate("PieceRateReport", "Visits"),
        "standard_units": QCoreApplication.translate("PieceRateReport", "Standard units"),
        "units_per_hour": QCoreApplication.translate("PieceRateReport", "Units per serving hour"),
        "service_ratio": QCoreApplication.translate("PieceRateReport", "Service time / standard"),
        "overrun_share": QCoreApplication.translate("PieceRateReport", "Overrun share"),
        "avg_rating": QCoreApplication.translate("PieceRateReport", "Average rating"),
        "ratings": QCoreApplication.translate("PieceRateReport", "Ratings"),
        "errors_minor": QCoreApplication.translate("PieceRateReport", "Minor errors"),
        "errors_major": QCoreApplication.translate("PieceRateReport", "Major errors"),
        "complaints": QCoreApplication.translate("PieceRateReport", "Complaints"),
        "corrected": QCoreApplication.translate("PieceRateReport", "Corrected visits"),
        "cross_sell": QCoreApplication.translate("PieceRateReport", "Cross-sell accepted"),
        "signed_in_h": QCoreApplication.translate("PieceRateReport", "Signed-in hours"),
        "serving_h": QCoreApplication.translate("PieceRateReport", "Serving hours"),
        "paused_h": QCoreApplication.translate("PieceRateReport", "Paused hours"),
        "idle_h": QCoreApplication.translate("PieceRateReport", "Idle hours"),
        "bonus_units": QCoreApplication.translate("PieceRateReport", "Quality bonus units"),
        "deduction_units": QCoreApplication.translate("PieceRateReport", "Deduction units"),
        "cross_sell_units": QCoreApplication.translate("PieceRateReport", "Cross-sell units"),
        "net_units": QCoreApplication.translate("PieceRateReport", "Net units"),
        "target_units": QCoreApplication.translate("PieceRateReport", "Target units"),
        "attainment": QCoreApplication.translate("PieceRateReport", "Attainment"),
        "pay": QCoreApplication.translate("PieceRateReport", "Pay"),
        "period_first": QCoreApplication.translate("PieceRateReport", "From"),
        "period_last": QCoreApplication.translate("PieceRateReport", "To"),
        "type": QCoreApplication.translate("PieceRateReport", "Transaction type"),
        "type_name": QCoreApplication.translate("PieceRateReport", "Type name"),
        "items": QCoreApplication.translate("PieceRateReport", "Items"),
        "units": QCoreApplication.translate("PieceRateReport", "Units"),
        "actual_h": QCoreApplication.translate("PieceRateReport", "Service hours"),
        "standard_h": QCoreApplication.translate("PieceRateReport", "Standard hours"),
        "sheet_tellers": QCoreApplication.translate("PieceRateReport", "Tellers", "XLSX sheet name"),
        "sheet_types": QCoreApplication.translate("PieceRateReport", "Units by type", "XLSX sheet name"),
    }


def total_label() -> str:
    return QCoreApplication.translate("PieceRateReport", "Branch total")


def report_title() -> str:
    return QCoreApplication.translate("PieceRateReport", "Piece-rate report")


def chart_texts() -> dict[str, str]:
    return {
        "units_title": QCoreApplication.translate("PieceRateReport", "Units per teller"),
        "units_axis": QCoreApplication.translate("PieceRateReport", "units"),
        "standard": QCoreApplication.translate("PieceRateReport", "standard"),
        "net": QCoreApplication.translate("PieceRateReport", "net"),
        "service_title": QCoreApplication.translate("PieceRateReport", "Service times per teller"),
        "service_axis": QCoreApplication.translate("PieceRateReport", "minutes"),
        "types_title": QCoreApplication.translate("PieceRateReport", "Units by transaction type, whole branch"),
    }


def branch_texts() -> dict[str, str]:
    """The words of the report over several branches (keys of models.reports.export_branches.BRANCH_TEXTS)."""
    return {
        "branch": QCoreApplication.translate("PieceRateReport", "Branch ID"),
        "branch_name": QCoreApplication.translate("PieceRateReport", "Branch"),
        "branch_total": QCoreApplication.translate("PieceRateReport", "Branch total"),
        "grand_total": QCoreApplication.translate("PieceRateReport", "All branches"),
        "scheme": QCoreApplication.translate("PieceRateReport", "Pay scheme (the same for every branch)"),
    }
