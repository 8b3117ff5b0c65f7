"""Waiting per category (count, longest wait, share over target) and the waiting tickets, with the move action."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import TicketView
from queueing.core.categories import BranchConfig
from queueing.core.tickets import PriorityClass
from queueing.supervisor.service_level import CategoryWaiting
from ui.common.accessibility import describe, marked_wait
from ui.common.strings import priority_text
from ui.supervisor.counters import clock_text

LATE = QColor("#b83a3a")
CLOSE = QColor("#b7791f")


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class CategoryTable(QWidget):
    """One row per category: waiting, longest wait, share over target, target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = _table(5)
        layout.addWidget(self.table)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Service"), self.tr("Waiting"), self.tr("Longest wait"), self.tr("Over target"), self.tr("Target")]
        )
        describe(
            self.table, self.tr("Waiting by service"), self.tr("One row per service: waiting, longest wait, target")
        )

    def show_rows(self, rows: tuple[CategoryWaiting, ...], config: BranchConfig, language: str) -> None:
        self.retranslate()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            late = row.longest_s > row.target_s
            longest = f"{row.longest_number}  {clock_text(row.longest_s)}" if row.longest_number else "—"
            longest = marked_wait(longest, late) if row.longest_number else longest
            share = f"{row.share_over_target:.0%}" if row.waiting else "—"
            cells = [
                _item(config.category(row.category).name(language)),
                _item(str(row.waiting), True),
                _item(longest, True),
                _item(share, True),
                _item(self.tr("%1 min").replace("%1", f"{row.target_s / 60:g}"), True),
            ]
            for column, cell in enumerate(cells):
                if late and column in (2, 3):
                    cell.setForeground(QBrush(LATE))
                self.table.setItem(index, column, cell)


class WaitingList(QWidget):
    """Every waiting ticket, longest wait first; a selected one can be moved to another queue or counter."""

    sig_move_requested = Signal(str)
    """Carries the id of the waiting ticket the supervisor wants to move."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = _table(4)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.hint = QLabel(objectName="muted", wordWrap=True)
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self._move)
        row.addWidget(self.hint)
        row.addStretch(1)
        row.addWidget(self.move_button)
        layout.addLayout(row)
        self.ticket_ids: list[str] = []

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Service"), self.tr("Priority"), self.tr("Waited")]
        )
        self.move_button.setText(self.tr("Move ticket…"))
        describe(self.table, self.tr("Waiting tickets"), self.tr("Every waiting ticket, longest wait first"))
        describe(
            self.move_button,
            self.tr("Move ticket"),
            self.tr("Moves the selected ticket to another service or counter"),
        )
        self.hint.setText(self.tr("Select a ticket to move it to another service or counter"))

    def show_tickets(self, tickets: tuple[TicketView, ...], config: BranchConfig, language: str) -> None:
        self.retranslate()
        selected = self.selected_ticket()
        ordered = sorted(tickets, key=lambda t: -t.waited_s)
        self.ticket_ids = [t.id for t in ordered]
        self.table.setRowCount(len(ordered))
        for index, ticket in enumerate(ordered):
            category = config.category(ticket.category)
            over_target, over_max = ticket.waited_s > category.target_wait_s, ticket.waited_s > category.max_wait_s
            waited = _item(marked_wait(clock_text(ticket.waited_s), over_target, over_max), True)
            if over_target:
                waited.setForeground(QBrush(LATE if ticket.waited_s > category.max_wait_s else CLOSE))
            cells = [
                _item(ticket.number),
                _item(category.name(language)),
                _item(priority_text(PriorityClass(ticket.priority))),
                waited,
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(index, column, cell)
        if selected in self.ticket_ids:
            self.table.selectRow(self.ticket_ids.index(selected))
        self.move_button.setEnabled(bool(ordered))

    def selected_ticket(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.ticket_ids):
            return None
        return self.ticket_ids[rows[0].row()]

    def _move(self) -> None:
        ticket = self.selected_ticket()
        if ticket is not None:
            self.sig_move_requested.emit(ticket)
