"""The supervisor's "Follow-ups" tab: open follow-ups due and overdue, by owner; mark one done with its result.

Every call goes through FollowUpService on the runner's thread; the service checks the role and audits.
Customers are shown masked, as on the teller's screen.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.marketing.follow_ups import MIN_RESULT_CHARS, DueFollowUp, DuePage, FollowUpService
from models.staff.session import StaffSession
from queueing.core.errors import DomainError
from ui.common.empty_state import EmptyNote
from ui.common.object_name import named
from ui.common.page_list import settled_reload, size_by_first_rows
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.shown_text import plain_tip
from ui.common.style import ALERT
from ui.common.window_tab import DeskTab
from ui.supervisor.refusals import refusal_text

log = logging.getLogger(__name__)
MAX_DAYS_AHEAD = 60


def one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class FollowUpsModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Due"),
            self.tr("When"),
            self.tr("Owner"),
            self.tr("Customer"),
            self.tr("Customer number"),
            self.tr("Phone"),
            self.tr("Note"),
        )

    def when(self, d: DueFollowUp) -> str:
        if d.overdue_days > 0:
            return self.tr("%n day(s) overdue", "", d.overdue_days)
        if d.overdue_days == 0:
            return self.tr("Today")
        return self.tr("in %n day(s)", "", -d.overdue_days)

    def cells(self, d: DueFollowUp) -> tuple[str, ...]:
        f = d.follow_up
        owner = self.names.get(f.owner, f.owner)
        due = f.next_action_on.isoformat() if f.next_action_on else ""
        return (
            due,
            self.when(d),
            owner,
            d.masked_name,
            d.customer_no,
            d.masked_phone,
            one_line(f.text),
        )

    def role_data(self, d: DueFollowUp, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return d.follow_up.id
        if role == Qt.ItemDataRole.ForegroundRole and d.overdue_days > 0:
            return QColor(ALERT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(d.follow_up.text)  # a teller's free text
        return None


class ResultDialog(QDialog):
    """What came of the follow-up, typed by the person who made it."""

    def __init__(self, d: DueFollowUp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpResultDialog")
        self.setWindowTitle(self.tr("Follow-up done"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        about = QLabel(f"{d.masked_name} · {one_line(d.follow_up.text, 80)}")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.result_text = named(QPlainTextEdit(), "followUpResult")
        self.result_text.setTabChangesFocus(True)
        self.result_text.setPlaceholderText(self.tr("What came of it, e.g. renewed for 12 months"))
        layout.addWidget(self.result_text)
        self.note = named(QLabel(), "error")
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark done"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def written(self) -> str:
        return self.result_text.toPlainText().strip()

    def _accept(self) -> None:
        if len(self.written()) < MIN_RESULT_CHARS:
            self.note.setText(self.tr("Please say in a few words what came of it."))
            return
        self.accept()


class FollowUpsPanel(DeskTab):
    def __init__(self, notes: FollowUpService, actor: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = notes
        self.actor = actor
        self.language = "en"
        self.runner = Runner(self)
        self.dialog: ResultDialog | None = None
        self.model = FollowUpsModel(self)
        self.owner = named(QComboBox(), "ownerFilter")
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.days = named(QSpinBox(minimum=0, maximum=MAX_DAYS_AHEAD, value=0), "daysAhead")
        self.refresh_button = QPushButton()
        self.done_button = named(QPushButton(), "markDone")
        self.owner_label, self.days_label = QLabel(), QLabel()
        self.count = QLabel()
        # The list holds the most overdue DUE_PAGE (a big branch has tens of thousands due): said when there are more.
        self.capped = named(QLabel(wordWrap=True), "followUpsCapped")
        self.capped.hide()
        self.due_total, self.overdue_total = 0, 0
        self._reload_soon = settled_reload(self, self.reload)
        self.status = QLabel(wordWrap=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table_empty = EmptyNote(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        size_by_first_rows(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _index: self.ask_done())
        top = QHBoxLayout()
        for widget in (self.owner_label, self.owner, self.days_label, self.days, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.capped)
        layout.addWidget(self.status)
        self.owner.currentIndexChanged.connect(lambda _i: self.reload())
        self.days.valueChanged.connect(lambda _v: self._reload_soon.start())
        self.refresh_button.clicked.connect(self.reload)
        self.done_button.clicked.connect(self.ask_done)
        self.retranslate()
        self.runner.submit(lambda: self.notes.owners(self.actor), self._owners, self._failed)

    def tab_title(self) -> str:
        return self.tr("Follow-ups")

    def retranslate(self) -> None:
        self.table_empty.set_text(self.tr("No follow-ups due in this time"))
        self.owner_label.setText(self.tr("Owner"))
        self.days_label.setText(self.tr("Due within"))
        self.days.setSuffix(self.tr(" days"))
        self.days.setSpecialValueText(self.tr("today and overdue"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.done_button.setText(self.tr("Mark done…"))
        if self.owner.count():
            self.owner.setItemText(0, self.tr("Everyone"))
        self.model.retranslate()
        self._show_count()
        self._enable()

    def _owners(self, names: dict[str, str]) -> None:
        self.model.names = names
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Everyone"), None)
        for staff_id, name in names.items():
            self.owner.addItem(f"{name} ({staff_id})", staff_id)
        self.owner.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self._reload_soon.stop()
        days, owner = self.days.value(), self.owner.currentData()
        self.runner.submit(lambda: self.notes.due_page(self.actor, days, owner), self._shown, self._failed)

    def _shown(self, page: DuePage) -> None:
        self.due_total, self.overdue_total = page.total, page.overdue
        self.model.set_rows(page.follow_ups)
        self._show_count()
        self._enable()

    def _show_count(self) -> None:
        shown = len(self.model.rows)
        overdue = max(self.overdue_total, sum(1 for d in self.model.rows if d.overdue_days > 0))
        listed = self.tr("%n follow-up(s) listed", "", shown)
        late = self.tr("overdue: %1").replace("%1", str(overdue))
        self.count.setText(f"{listed} · {late}")
        total = max(self.due_total, shown)
        self.capped.setText(
            self.tr("Only the %1 most overdue of %2 are listed: choose fewer days or one owner to see the others.")
            .replace("%1", str(shown))
            .replace("%2", str(total))
        )
        self.capped.setVisible(total > shown)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(self.tr("Not done: %1").replace("%1", refusal_text(exc)))
        else:
            log.error("follow-ups failed: %s", exc)
            self.status.setText(self.tr("Not done: the store could not be reached. Please try again."))

    def selected(self) -> DueFollowUp | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self, *_: object) -> None:
        self.done_button.setEnabled(self.selected() is not None)

    def ask_done(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = ResultDialog(chosen, self)
        dialog.accepted.connect(lambda: self.mark_done(chosen.follow_up.id, dialog.written()))
        self.dialog = dialog
        dialog.open()

    def mark_done(self, follow_up_id: int, result: str) -> None:
        self.runner.submit(lambda: self.notes.mark_done(self.actor, follow_up_id, result), self._done, self._failed)

    def _done(self, _follow_up: Any) -> None:
        self.status.setText(self.tr("Follow-up marked done."))
        self.reload()

    def closeEvent(self, event) -> None:
        self.runner.wait()
        super().closeEvent(event)
