"""A read-only table over a tuple of rows: a subclass names its headers and the cells of one row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

DISPLAY = Qt.ItemDataRole.DisplayRole


class RowTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple = ()

    # -- what a subclass says ---------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        """The column titles, in the current language."""
        raise NotImplementedError

    def cells(self, row: Any) -> tuple[Any, ...]:
        """What each column shows for ``row``."""
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> Any:
        """What ``column`` shows for ``row``; a subclass whose cells cost something computes only the one asked."""
        return self.cells(row)[column]

    def role_data(self, row: Any, role: int) -> Any:
        """Anything but the shown text (an id for UserRole, say); nothing by default."""
        return None

    def cell_data(self, row: Any, column: int, role: int) -> Any:
        """Anything but the shown text that depends on the column too (alignment, colour); ``role_data`` by default."""
        return self.role_data(row, role)

    # -- the model ----------------------------------------------------------------
    def set_rows(self, rows: tuple) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return self.headers()[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == DISPLAY:
            return self.cell(row, index.column())
        return self.cell_data(row, index.column(), role)
