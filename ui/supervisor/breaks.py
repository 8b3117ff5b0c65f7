"""The Staffing tab's break plan: tellers' breaks for a day, from the rota or set by the supervisor.

Setting a break for a teller on a day replaces the teller's rota break that day (to move it); a break can
be cancelled. Every call goes through BreakService on the runner's thread: it checks the role, journals
the change (so it syncs) and audits it. The lunch-cover alerts on the Live tab read the same plan.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models.staff.session import StaffSession
from models.supervisor.breaks import MAX_DAYS_AHEAD, BreakService
from queueing.core.errors import DomainError
from queueing.supervisor.break_plan import MAX_MINUTES, MIN_MINUTES, Break, BreakGone
from ui.common.branch_time import python_date, qt_date
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.shown_text import shown_text
from ui.supervisor.refusals import refusal_text

log = logging.getLogger(__name__)


class BreaksModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}
        self.timezone = "UTC"

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Teller"), self.tr("From"), self.tr("To"), self.tr("Minutes"), self.tr("Set by"))

    def cells(self, b: Break) -> tuple[str, ...]:
        end = b.span(self.timezone)[1].astimezone(ZoneInfo(self.timezone))
        until = f"{end:%H:%M}" if end.date() == b.day else f"{end:%H:%M} (+1)"
        source = self.tr("Rota (staffing.toml)") if b.by is None else self.names.get(b.by, b.by)
        return (f"{self.names.get(b.staff_id, b.staff_id)} ({b.staff_id})", f"{b.start:%H:%M}", until,
                str(b.minutes), source)  # fmt: skip

    def role_data(self, b: Break, role: int) -> Any:
        return b.id if role == Qt.ItemDataRole.UserRole else None


class BreakDialog(QDialog):
    """Who goes on break, when and for how long."""

    def __init__(self, tellers: dict[str, str], chosen: Break | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakDialog")
        self.setWindowTitle(self.tr("Set a break"))
        form = QFormLayout(self)
        self.teller = named(QComboBox(), "breakTeller")
        for staff_id, name in sorted(tellers.items(), key=lambda item: item[1]):
            self.teller.addItem(f"{name} ({staff_id})", staff_id)
        self.start = named(QTimeEdit(), "breakStart")
        self.start.setDisplayFormat("HH:mm")
        self.minutes = named(QSpinBox(), "breakMinutes")
        self.minutes.setMinimum(MIN_MINUTES)
        self.minutes.setMaximum(MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        if chosen is not None:
            self.teller.setCurrentIndex(max(0, self.teller.findData(chosen.staff_id)))
            self.start.setTime(QTime(chosen.start.hour, chosen.start.minute))
            self.minutes.setValue(chosen.minutes)
        else:
            self.start.setTime(QTime(12, 0))
            self.minutes.setValue(45)
        form.addRow(self.tr("Teller"), self.teller)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Length"), self.minutes)
        note = QLabel(self.tr("This replaces the teller's break from the rota on that day."), wordWrap=True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set break"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, int]:
        return self.teller.currentData(), self.start.time().toString("HH:mm"), self.minutes.value()


class BreaksPanel(QWidget):
    def __init__(self, breaks: BreakService, actor: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.breaks = breaks
        self.actor = actor
        self.runner = Runner(self)
        self.tellers: dict[str, str] = {}
        self.dialog: BreakDialog | None = None
        self.model = BreaksModel(self)
        self.model.timezone = breaks.branch.config.timezone
        today = breaks.today()
        self.title = named(QLabel(), "sectionTitle")
        self.day = named(QDateEdit(qt_date(today)), "breakDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDateRange(qt_date(today), qt_date(today + timedelta(days=MAX_DAYS_AHEAD)))
        self.set_button = named(QPushButton(), "setBreak")
        self.cancel_button = named(QPushButton(), "cancelBreak")
        self.status = QLabel(wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._enable)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.set_button)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.set_button.clicked.connect(self.ask_set)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Breaks on"))
        self.set_button.setText(self.tr("Set or move a break…"))
        self.cancel_button.setText(self.tr("Cancel break"))
        self.model.retranslate()
        self._enable()

    def chosen_day(self) -> date:
        return python_date(self.day.date())

    def reload(self) -> None:
        day = self.chosen_day()
        self.runner.submit(lambda: (self.breaks.tellers(), self.breaks.day_breaks(day)), self._shown, self._failed)

    def _shown(self, result: tuple[dict[str, str], list[Break]]) -> None:
        tellers, plan = result
        self.tellers = {staff_id: shown_text(name) for staff_id, name in tellers.items()}  # a store's row: any text
        self.model.names = self.tellers
        self.model.set_rows(tuple(plan))
        self._enable()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(self.tr("Not done: %1").replace("%1", refusal_text(exc)))
            if isinstance(exc, BreakGone):
                self.reload()  # show the plan as another screen left it
        else:
            log.error("breaks failed: %s", exc)
            self.status.setText(self.tr("Not done: the store could not be reached. Please try again."))

    def selected(self) -> Break | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self, *_: object) -> None:
        self.cancel_button.setEnabled(self.selected() is not None)
        self.set_button.setEnabled(bool(self.tellers))

    def ask_set(self) -> None:
        chosen = self.selected()
        dialog = BreakDialog(self.tellers, chosen, self)
        dialog.accepted.connect(lambda: self._set_from(dialog, chosen))
        self.dialog = dialog
        dialog.open()

    def _set_from(self, dialog: BreakDialog, chosen: Break | None) -> None:
        staff_id, start, minutes = dialog.values()
        # Opened on a teller's break and kept for that teller: the break moves, it is not doubled.
        moving = chosen.id if chosen is not None and chosen.staff_id == staff_id else None
        self.set_break(staff_id, start, minutes, moving)

    def set_break(self, staff_id: str, start: str, minutes: int, replaces: str | None = None) -> None:
        day = self.chosen_day()
        work = lambda: self.breaks.schedule(self.actor, staff_id, day, start, minutes, replaces)  # noqa: E731
        self.runner.submit(work, lambda _b: self._done(self.tr("Break set.")), self._failed)

    def cancel_selected(self) -> None:
        chosen, day = self.selected(), self.chosen_day()
        if chosen is None:
            return
        work = lambda: self.breaks.cancel(self.actor, day, chosen.id)  # noqa: E731
        self.runner.submit(work, lambda _r: self._done(self.tr("Break cancelled.")), self._failed)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.reload()

    def closeEvent(self, event) -> None:
        self.runner.wait()
        super().closeEvent(event)
