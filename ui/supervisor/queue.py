"""Waiting per category (count, longest wait, share over target) and the waiting tickets, with the move action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
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
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.strings import priority_text
from ui.supervisor.counters import clock_text

LATE = QColor("#b83a3a")
CLOSE = QColor("#b7791f")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Row(NamedTuple):
    key: str  # the ticket id, or the category code
    cells: tuple[str, ...]
    colour: QColor | None  # of the coloured columns, when late
    coloured: frozenset[int]


class _RowsModel(RowTableModel):
    """Rows shown as they are; a refresh with as many rows as before changes the cells in place.

    A QTableWidget made a new item per cell at every refresh, and with columns sized to their
    contents each item measured the column again: at a busy moment (40 waiting) that was most of
    the supervisor's refresh. Here a refresh is one signal, and the view measures once.
    """

    def __init__(
        self, titles: Callable[[], tuple[str, ...]], right: frozenset[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._titles = titles
        self._right = right
        self._headers: tuple[str, ...] | None = None
        self.fitted: tuple = ()  # what the columns were last sized for (see _fit_columns)

    def headers(self) -> tuple[str, ...]:
        # Asked at every columnCount(), thousands of times a refresh: translated once per language.
        if self._headers is None:
            self._headers = self._titles()
        return self._headers

    def retranslate(self) -> None:
        self._headers = None
        super().retranslate()

    def cells(self, row: _Row) -> tuple[str, ...]:
        return row.cells

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.colour is not None and column in row.coloured:
            return QBrush(row.colour)
        return None

    def update_rows(self, rows: tuple[_Row, ...]) -> None:
        if len(rows) != len(self.rows) or not rows:
            self.set_rows(rows)
            return
        changed = [i for i, (old, new) in enumerate(zip(self.rows, rows, strict=True)) if old != new]
        self.rows = rows
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1))


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(RIGHT)
    return item


def _table(columns: int) -> QTableWidget:
    """A small fixed table (the staffing panel's): items set once, not at every refresh."""
    table = QTableWidget(0, columns)
    _look(table)
    return table


def _view(model: _RowsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    _look(table)
    # Sized by _fit_columns when the widest text changes: sized to contents, the header measured every
    # cell of every row again at each refresh (a third of a busy moment's layout and paint).
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fit_columns(table: QTableView, model: _RowsModel) -> None:
    """Columns as wide as their widest text and title, measured again only when one of those changes."""
    metrics = table.fontMetrics()
    widest = tuple(
        max((metrics.horizontalAdvance(row.cells[column]) for row in model.rows), default=0)
        for column in range(model.columnCount())
    )
    fitted = (widest, model.headers())
    if fitted != model.fitted:
        model.fitted = fitted
        table.resizeColumnsToContents()


def _look(table: QTableView) -> None:
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)


class CategoryTable(QWidget):
    """One row per category: waiting, longest wait, share over target, target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = _RowsModel(self._headers, frozenset({1, 2, 3, 4}), self)
        self.table = _view(self.model)
        layout.addWidget(self.table)
        self._language: str | None = None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Service"),
            self.tr("Waiting"),
            self.tr("Longest wait"),
            self.tr("Over target"),
            self.tr("Target"),
        )

    def retranslate(self) -> None:
        self.model.retranslate()
        describe(
            self.table, self.tr("Waiting by service"), self.tr("One row per service: waiting, longest wait, target")
        )

    def show_rows(self, rows: tuple[CategoryWaiting, ...], config: BranchConfig, language: str) -> None:
        if language != self._language:  # at the first refresh and after a change of language, not at every one
            self._language = language
            self.retranslate()
        shown = []
        for row in rows:
            late = row.longest_s > row.target_s
            longest = f"{row.longest_number}  {clock_text(row.longest_s)}" if row.longest_number else "—"
            longest = marked_wait(longest, late) if row.longest_number else longest
            share = f"{row.share_over_target:.0%}" if row.waiting else "—"
            cells = (
                config.category(row.category).name(language),
                str(row.waiting),
                longest,
                share,
                self.tr("%1 min").replace("%1", f"{row.target_s / 60:g}"),
            )
            shown.append(_Row(row.category, cells, LATE if late else None, frozenset({2, 3})))
        self.model.update_rows(tuple(shown))
        _fit_columns(self.table, self.model)

    def cell(self, row: int, column: int) -> str:
        """The text shown at (row, column)."""
        return self.model.rows[row].cells[column]


class WaitingList(QWidget):
    """Every waiting ticket, longest wait first; a selected one can be moved to another queue or counter."""

    sig_move_requested = Signal(str)
    """Carries the id of the waiting ticket the supervisor wants to move."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = _RowsModel(self._headers, frozenset({3}), self)
        self.table = _view(self.model)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.hint = named(QLabel(), "muted")
        self.hint.setWordWrap(True)
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self._move)
        row.addWidget(self.hint)
        row.addStretch(1)
        row.addWidget(self.move_button)
        layout.addLayout(row)
        self.ticket_ids: list[str] = []
        self._language: str | None = None

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Ticket"), self.tr("Service"), self.tr("Priority"), self.tr("Waited"))

    def retranslate(self) -> None:
        self.model.retranslate()
        self.move_button.setText(self.tr("Move ticket…"))
        describe(self.table, self.tr("Waiting tickets"), self.tr("Every waiting ticket, longest wait first"))
        describe(
            self.move_button,
            self.tr("Move ticket"),
            self.tr("Moves the selected ticket to another service or counter"),
        )
        self.hint.setText(self.tr("Select a ticket to move it to another service or counter"))

    def show_tickets(self, tickets: tuple[TicketView, ...], config: BranchConfig, language: str) -> None:
        if language != self._language:  # at the first refresh and after a change of language, not at every one
            self._language = language
            self.retranslate()
        selected = self.selected_ticket()
        ordered = sorted(tickets, key=lambda t: -t.live_wait_s)
        shown = []
        for ticket in ordered:
            wait = ticket.live_wait_s
            category = config.categories.get(ticket.category)
            over_target = category is not None and wait > category.target_wait_s
            over_max = category is not None and wait > category.max_wait_s
            cells = (
                ticket.number,
                # A category gone from a configuration changed by hand: its code, not a screen that stops.
                category.name(language) if category is not None else ticket.category,
                priority_text(PriorityClass(ticket.priority)),
                marked_wait(clock_text(wait), over_target, over_max),
            )
            colour = (LATE if over_max else CLOSE) if over_target else None
            shown.append(_Row(ticket.id, cells, colour, frozenset({3})))
        self.model.update_rows(tuple(shown))
        _fit_columns(self.table, self.model)
        self.ticket_ids = [t.id for t in ordered]
        if selected in self.ticket_ids:
            index = self.ticket_ids.index(selected)
            if self.selected_ticket() != selected:
                self.table.selectRow(index)
        else:
            self.table.clearSelection()
        self.move_button.setEnabled(bool(ordered))

    def cell(self, row: int, column: int) -> str:
        """The text shown at (row, column)."""
        return self.model.rows[row].cells[column]

    def selected_ticket(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.ticket_ids):
            return None
        return self.ticket_ids[rows[0].row()]

    def _move(self) -> None:
        ticket = self.selected_ticket()
        if ticket is not None:
            self.sig_move_requested.emit(ticket)
