"""The queue panel: this counter's waiting tickets in the order the policy will call them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import QueueSnapshot, TicketView
from queueing.core.tickets import PriorityClass
from ui.common.accessibility import describe, marked_wait
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.shown_text import plain_tip
from ui.common.strings import priority_text
from ui.common.style import ALERT, PRIORITY_COLOURS
from ui.station.window_context import WindowContext, format_duration

COLUMNS = ("number", "category", "priority", "waited", "estimate")


class QueueModel(RowTableModel):
    """Rows are TicketViews; a refresh replaces them all (the order can change every second)."""

    def __init__(self, ctx: WindowContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @property
    def tickets(self) -> tuple[TicketView, ...]:
        return self.rows

    def set_tickets(self, tickets: tuple[TicketView, ...]) -> None:
        if tickets == self.rows:
            return
        if len(tickets) == len(self.rows) and [t.id for t in tickets] == [t.id for t in self.rows]:
            self.rows = tickets  # the same tickets in the same order: repaint the cells, keep the selection
            self.dataChanged.emit(self.index(0, 0), self.index(len(tickets) - 1, len(COLUMNS) - 1))
            return
        self.set_rows(tickets)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Ticket"), self.tr("Service"), self.tr("Priority"), self.tr("Waited"), self.tr("Estimate"))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The whole title on hover: at a narrow window the header elides it ("Servi…").
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.headers()[section]
        return super().headerData(section, orientation, role)

    def cells(self, row: TicketView) -> tuple[str, ...]:
        return tuple(self._text(row, column) for column in COLUMNS)

    def cell(self, row: TicketView, column: int) -> str:
        return self._text(row, COLUMNS[column])

    def cell_data(self, ticket: TicketView, index: int, role: int) -> Any:
        column = COLUMNS[index]
        overdue = column == "waited" and self._overdue(ticket)
        if overdue and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            # Red alone would not reach a colour-blind teller: an overdue wait is also bold, and says so in
            # words to a screen reader and on hover. Not in the cell: "(supera el objetivo)" took the width
            # of the service and priority columns on a 1024-pixel station.
            words = marked_wait(self._text(ticket, column), True)
            return plain_tip(words) if role == Qt.ItemDataRole.ToolTipRole else words
        if overdue and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._text(ticket, column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "priority" and ticket.priority != "regular":
                return QColor(PRIORITY_COLOURS[ticket.priority])
            if column == "waited" and self._overdue(ticket):
                return QColor(ALERT)
        if role == Qt.ItemDataRole.UserRole:
            return ticket.id
        return None

    def _text(self, ticket: TicketView, column: str) -> str:
        if column == "number":
            return ticket.number
        if column == "category":
            return self.ctx.category_name(ticket.category)
        if column == "priority":
            return priority_text(PriorityClass(ticket.priority))
        if column == "waited":
            return format_duration(ticket.live_wait_s)  # in this queue: since a transfer to its end, if any
        return format_duration(ticket.estimate_mean_s)

    def _overdue(self, ticket: TicketView) -> bool:
        category = self.ctx.branch.config.categories.get(ticket.category)
        return category is not None and ticket.live_wait_s > category.target_wait_s



class QueuePanel(QFrame):
    sig_call_chosen = Signal(str)
    """Enter or a double click on a row: carries the ticket id the teller wants to call out of order."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.ctx = ctx
        self.snapshot: QueueSnapshot | None = None
        self.title = named(QLabel(wordWrap=True), "cardTitle")  # a 1024 px station: long titles wrap
        self.total = named(QLabel(), "category")
        self.counts = named(QLabel(), "muted")
        self.counts.setWordWrap(True)
        self.model = QueueModel(ctx, self)
        self.view = named(QTableView(), "queueView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setDefaultSectionSize(34)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Service and priority share the free width; a long priority name is elided (full text in the tooltip).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A header does not elide by default: squeezed, it cut its centred title at both ends ("ervic",
        # "riorit" at 1024 px in Spanish). Elided, the title keeps its start ("Servi…"); the tool tip has it all.
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(False)  # one line elided ("Caja y dep…"), not two cut lines in a 34 px row
        self.view.activated.connect(self._activated)
        self.empty = named(QLabel(), "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.total)
        layout.addLayout(head)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.retranslate()

    def _activated(self, index: QModelIndex) -> None:
        self.sig_call_chosen.emit(self.model.tickets[index.row()].id)

    def chosen_ticket(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.tickets[index.row()].id if index.isValid() else None

    def retranslate(self) -> None:
        self.model.retranslate()
        self.empty.setText(self.tr("Nobody is waiting for this counter."))
        describe(
            self.view,
            self.tr("Queue for this counter"),
            self.tr("Up and down choose a ticket; Enter calls it out of order"),
        )
        self.show_snapshot(self.snapshot)

    def show_snapshot(self, snapshot: QueueSnapshot | None) -> None:
        self.snapshot = snapshot
        waiting = snapshot.waiting if snapshot else ()
        self.title.setText(self.tr("QUEUE FOR THIS COUNTER"))
        self.total.setText(self.tr("%n ticket(s) waiting", "", len(waiting)))
        self.model.set_tickets(waiting)
        self.empty.setVisible(not waiting)
        self.counts.setText(self._counts_text(snapshot))

    def _counts_text(self, snapshot: QueueSnapshot | None) -> str:
        if snapshot is None:
            return ""
        served = self._served_categories(snapshot)
        locale = self.ctx.i18n.locale
        parts = [
            f"{self.ctx.category_name(code)} {locale.toString(count)}"
            for code, count in snapshot.waiting_by_category.items()
            if code in served
        ]
        return "   ·   ".join(parts)

    def _served_categories(self, snapshot: QueueSnapshot) -> set[str]:
        for counter in snapshot.counters:
            if counter.id == self.ctx.counter_id:
                return set(counter.profile)
        return set(snapshot.waiting_by_category)
