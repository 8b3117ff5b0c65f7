"""The words of the cross-sell conversion report, in the interface language (the tab, the PDF, the exports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from queueing.crosssell.report import Dimension


def conversion_rate(conversion: float | None, locale: QLocale | None = None) -> str:
    """A conversion as a percentage with the language's decimal mark (es: 12,5 %), as the tab and the PDF show it."""
    if conversion is None:
        return "—"
    return (locale or QLocale()).toString(conversion * 100, "f", 1) + " %"


def report_title() -> str:
    return QCoreApplication.translate("CrossSellReport", "Cross-sell conversion")


def report_texts() -> dict[str, str]:
    """Column titles and grouping names by key (models.marketing.crosssell_export.ENGLISH's keys)."""
    return {
        "dimension": QCoreApplication.translate("CrossSellReport", "Grouped by"),
        "key": QCoreApplication.translate("CrossSellReport", "Key", "the rule, teller, tier or week a line is about"),
        "offered": QCoreApplication.translate("CrossSellReport", "Offered", "prompts put to the customer"),
        "interested": QCoreApplication.translate("CrossSellReport", "Interested"),
        "accepted": QCoreApplication.translate("CrossSellReport", "Accepted"),
        "declined": QCoreApplication.translate("CrossSellReport", "Declined"),
        "referred": QCoreApplication.translate("CrossSellReport", "Referred", "handed to a relationship manager"),
        "not_offered": QCoreApplication.translate("CrossSellReport", "Not offered"),
        "conversion": QCoreApplication.translate("CrossSellReport", "Conversion", "accepted out of offered"),
        "total": QCoreApplication.translate("CrossSellReport", "Total"),
        Dimension.RULE: QCoreApplication.translate("CrossSellReport", "Rule", "a cross-sell rule"),
        Dimension.TELLER: QCoreApplication.translate("CrossSellReport", "Teller"),
        Dimension.TIER: QCoreApplication.translate("CrossSellReport", "Tier", "customer tier by assets"),
        Dimension.WEEK: QCoreApplication.translate("CrossSellReport", "Week"),
    }
