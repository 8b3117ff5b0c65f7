"""The supervisor's "Short visits" tab: visits finished faster than their minimum service time, approved or rejected.

A short visit earns no units until a supervisor approves it here. Every call goes through RecordsService on the
runner's thread; the service checks the role, refuses anyone's own visits and audits each decision.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.reports.records_service import RecordsService
from models.staff.session import StaffSession
from queueing.core.errors import DomainError
from queueing.records.visits import ShortDecision, VisitRecord
from ui.common.branch_time import python_date, qt_date, set_branch_zone, to_branch
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.style import ALERT
from ui.common.window_tab import DeskTab
from ui.reports.piece_rate_panel import month_of
from ui.supervisor.refusals import refusal_text

log = logging.getLogger(__name__)



def _figure(value: float, decimals: int) -> str:
    """A figure with the interface language's separators (es: 1,4): QLocale's default follows the language."""
    return QLocale().toString(float(value), "f", decimals)


def _units(value: float) -> str:
    """Standard units as few decimals as they need (1, 1,5), with the language's separators."""
    return QLocale().toString(float(value), "g", 12)

class ShortVisitsModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}
        self.type_names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Finished"),
            self.tr("Ticket"),
            self.tr("Teller"),
            self.tr("Transactions"),
            self.tr("Service (s)"),
            self.tr("Minimum (s)"),
            self.tr("Units"),
            self.tr("Decision"),
            self.tr("Decided by"),
            self.tr("Note"),
        )

    def decision(self, visit: VisitRecord) -> str:
        review = visit.short_review
        if review is None:
            return self.tr("Awaiting review")
        return self.tr("Approved: paid") if review.decision is ShortDecision.APPROVED else self.tr("Rejected: not paid")

    def cells(self, v: VisitRecord) -> tuple[str, ...]:
        teller = f"{self.names.get(v.teller, v.teller)} ({v.teller})" if v.teller else "—"
        types = ", ".join(self.type_names.get(line.code, line.code) for line in v.lines)
        review = v.short_review
        by = (self.names.get(review.by, review.by) if review.by else "") if review else ""
        return (
            f"{to_branch(v.finished_at):%Y-%m-%d %H:%M}", v.number, teller, types, _figure(v.service_s, 1),
            _figure(v.minimum_s, 0), _units(v.units), self.decision(v), by or "", review.note if review else "",
        )  # fmt: skip

    def role_data(self, v: VisitRecord, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return v.ticket_id
        if role == Qt.ItemDataRole.ForegroundRole and v.short_review is None:
            return QColor(ALERT)
        return None


class DecisionDialog(QDialog):
    """Approve or reject one short visit, with a note (a rejection needs one: the teller will ask why)."""

    def __init__(self, visit: VisitRecord, decision: ShortDecision, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortVisitDecision")
        self.decision = decision
        approve = decision is ShortDecision.APPROVED
        self.setWindowTitle(self.tr("Approve short visit") if approve else self.tr("Reject short visit"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr("Ticket %1: served in %2 s, minimum %3 s, %4 unit(s).")
            .replace("%1", visit.number)
            .replace("%2", _figure(visit.service_s, 1))
            .replace("%3", _figure(visit.minimum_s, 0))
            .replace("%4", _units(visit.units))
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.note = named(QLineEdit(), "shortVisitNote")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Why, e.g. the customer had the form filled in"))
        layout.addWidget(self.note)
        self.error = named(QLabel(), "error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Approve: pay the units") if approve else self.tr("Reject: no units"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def written(self) -> str:
        return self.note.text().strip()

    def _accept(self) -> None:
        if self.decision is ShortDecision.REJECTED and not self.written():
            self.error.setText(self.tr("Please say why the visit is not paid."))
            return
        self.accept()


class ShortVisitsPanel(DeskTab):
    def __init__(
        self, records: RecordsService, actor: StaffSession, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.records = records
        self.actor = actor
        self.language = "en"
        set_branch_zone(records.timezone)  # the finish times are the branch's, as the period's days are
        self.runner = Runner(self)
        self.dialog: DecisionDialog | None = None
        self.model = ShortVisitsModel(self)
        first, last = month_of(today)
        self.first = named(QDateEdit(qt_date(first)), "shortFirst")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("yyyy-MM-dd")
        self.last = named(QDateEdit(qt_date(last)), "shortLast")
        self.last.setCalendarPopup(True)
        self.last.setDisplayFormat("yyyy-MM-dd")
        self.from_label, self.to_label = QLabel(), QLabel()
        self.refresh_button = QPushButton()
        self.approve_button = named(QPushButton(), "approveShort")
        self.reject_button = named(QPushButton(), "rejectShort")
        self.explain = named(QLabel(), "muted")
        self.explain.setWordWrap(True)
        self.count = QLabel()
        self.status = QLabel(wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._enable)
        top = QHBoxLayout()
        for widget in (self.from_label, self.first, self.to_label, self.last, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.approve_button)
        top.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.reload)
        self.approve_button.clicked.connect(lambda: self.ask(ShortDecision.APPROVED))
        self.reject_button.clicked.connect(lambda: self.ask(ShortDecision.REJECTED))
        self.retranslate()
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Short visits")

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.approve_button.setText(self.tr("Approve…"))
        self.reject_button.setText(self.tr("Reject…"))
        self.explain.setText(
            self.tr(
                "Visits finished faster than the minimum service time of their transactions earn no units until "
                "a supervisor approves them. Nobody reviews their own visits."
            )
        )
        self.model.type_names = self.records.type_names(self.language)
        self.model.retranslate()
        self._show_count()
        self._enable()

    def reload(self) -> None:
        first, last = python_date(self.first.date()), python_date(self.last.date())
        if last < first:  # the service's refusal has no text of its own: it read "This action is not allowed."
            self.status.setText(self.tr("The period ends before it starts."))
            return

        def load() -> tuple[dict[str, str], list[VisitRecord]]:
            period = self.records.period(first, last)
            names = self.records.staff_names()
            return names, self.records.short_visits(self.actor, period)

        self.runner.submit(load, self._shown, self._failed)

    def _shown(self, result: tuple[dict[str, str], list[VisitRecord]]) -> None:
        names, visits = result
        self.model.names = names
        self.model.set_rows(tuple(visits))
        self._show_count()
        self._enable()

    def _show_count(self) -> None:
        waiting = sum(1 for v in self.model.rows if v.short_review is None)
        listed = self.tr("%n short visit(s) listed", "", len(self.model.rows))
        awaiting = self.tr("awaiting review: %1").replace("%1", str(waiting))
        self.count.setText(f"{listed} · {awaiting}")

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(self.tr("Not done: %1").replace("%1", refusal_text(exc)))
        else:
            log.error("short visits failed: %s", exc)
            self.status.setText(self.tr("Not done: the store could not be reached. Please try again."))

    def selected(self) -> VisitRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self, *_: object) -> None:
        chosen = self.selected()
        open_ = chosen is not None and chosen.short_review is None
        self.approve_button.setEnabled(open_)
        self.reject_button.setEnabled(open_)

    def ask(self, decision: ShortDecision) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = DecisionDialog(chosen, decision, self)
        dialog.accepted.connect(lambda: self.decide(chosen.ticket_id, decision, dialog.written()))
        self.dialog = dialog
        dialog.open()

    def decide(self, ticket_id: str, decision: ShortDecision, note: str) -> None:
        work = lambda: self.records.review_short(self.actor, ticket_id, decision, note)  # noqa: E731
        self.runner.submit(work, self._decided, self._failed)

    def _decided(self, visit: VisitRecord) -> None:
        text = (
            self.tr("Ticket %1 approved: its units are paid.")
            if (visit.short_review and visit.short_review.decision is ShortDecision.APPROVED)
            else self.tr("Ticket %1 rejected: no units.")
        )
        self.status.setText(text.replace("%1", visit.number))
        self.reload()

    def closeEvent(self, event) -> None:
        self.runner.wait()
        super().closeEvent(event)
