"""A visit's outcome (queueing.core.tickets.VisitOutcome) as a supervisor reads it, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from queueing.core.tickets import VisitOutcome


def outcome_names() -> dict[str, str]:
    """Every known outcome -> its name in the language installed now."""
    return {
        VisitOutcome.COMPLETED: QCoreApplication.translate("VisitOutcome", "Completed"),
        VisitOutcome.INCOMPLETE: QCoreApplication.translate("VisitOutcome", "Incomplete"),
        VisitOutcome.REFERRED: QCoreApplication.translate("VisitOutcome", "Referred"),
    }


def outcome_name(outcome: str) -> str:
    """The name of ``outcome``; a word a newer version wrote is shown as it is stored."""
    return outcome_names().get(outcome, outcome)
