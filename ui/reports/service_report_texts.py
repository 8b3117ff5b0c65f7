"""The service report's words in the reader's language, for its CSV, XLSX and PDF.

Keys are the column keys of models/reports/service_export.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def service_headers() -> dict[str, str]:
    """Translated headers by column key (models.reports.service_export.SERVICE_COLUMNS and the period)."""
    return {
        "branch": QCoreApplication.translate("ServiceReport", "Branch ID"),
        "branch_name": QCoreApplication.translate("ServiceReport", "Branch"),
        "category": QCoreApplication.translate("ServiceReport", "Category"),
        "category_name": QCoreApplication.translate("ServiceReport", "Category name"),
        "issued": QCoreApplication.translate("ServiceReport", "Tickets issued"),
        "served": QCoreApplication.translate("ServiceReport", "Served"),
        "no_shows": QCoreApplication.translate("ServiceReport", "No-shows"),
        "expired": QCoreApplication.translate(
            "ServiceReport", "Expired (day ended)", "tickets not served: their business day ended while they waited"
        ),
        "mean_wait": QCoreApplication.translate("ServiceReport", "Mean wait (min)"),
        "p90_wait": QCoreApplication.translate("ServiceReport", "90th percentile wait (min)"),
        "target_wait": QCoreApplication.translate("ServiceReport", "Target wait (min)"),
        "service_level": QCoreApplication.translate("ServiceReport", "Served within target"),
        "mean_service": QCoreApplication.translate("ServiceReport", "Mean service time (min)"),
        "period_first": QCoreApplication.translate("ServiceReport", "From"),
        "period_last": QCoreApplication.translate("ServiceReport", "To"),
        "sheet_service": service_title(),  # the XLSX sheet's name
    }


def total_names() -> tuple[str, str]:
    """The name of a branch's total line and of the line over every branch."""
    return (
        QCoreApplication.translate("ServiceReport", "Branch total"),
        QCoreApplication.translate("ServiceReport", "All branches"),
    )


def service_title() -> str:
    return QCoreApplication.translate("ServiceReport", "Service report")


def service_note() -> str:
    """What the figures count, under the title of the PDF."""
    return QCoreApplication.translate(
        "ServiceReport",
        "Tickets by the local date they were issued in each branch; waits from issue to first call, of served "
        "tickets; service level: served within the category's target wait.",
    )
