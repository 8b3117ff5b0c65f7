"""The Administration screen's Counters tab: the branch's counters, the services each takes (with precedence)
and the transaction types that follows from them; add a counter or change one's name and services.

Changes go through SupervisorService.configure_counter with the administrator's session, which checks
the role and the account inside the service; the event reaches every station like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import CounterView
from models.supervisor.service import SupervisorService
from queueing.core.counters import CounterStatus
from queueing.core.transaction_types import TransactionCatalogue
from ui.admin.dialogs import CounterDialog
from ui.admin.errors import admin_failure_text
from ui.admin.staff_tab import shown_text
from ui.common.accessibility import describe
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.shown_text import plain_tip
from ui.common.strings import counter_status_text
from ui.common.style import ALERT, OK

SERVICES_COLUMN, SERVICES_WIDTH = 3, 560  # a counter taking four services still shows them all


class CountersModel(RowTableModel):
    def __init__(self, panel: CountersPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Counter ID"),
            self.tr("Name"),
            self.tr("State"),
            self.tr("Services (precedence)"),
            self.tr("Transaction types"),
        )

    def cells(self, c: CounterView) -> tuple[str, ...]:
        return (
            shown_text(c.id),
            shown_text(c.name),
            counter_status_text(CounterStatus(c.status)),
            self.panel.services_text(c),
            self.panel.types_text(c),
        )

    def role_data(self, c: CounterView, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{self.panel.services_text(c)}\n{self.panel.types_text(c)}")
        return None


class CountersPanel(QWidget):
    def __init__(
        self,
        supervisor: SupervisorService,
        catalogue: TransactionCatalogue,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        """``language``: the screen's language now (category and transaction type names come in every language)."""
        super().__init__(parent)
        self.supervisor = supervisor
        self.config = supervisor.config
        self.catalogue = catalogue
        self.language = language
        self.runner = Runner(self)
        self.model = CountersModel(self, self)
        self.table = named(QTableView(), "countersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        # Titles at the start of their column: centred, the last one would float mid-way over the stretched column.
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.table.doubleClicked.connect(lambda _index: self.ask_edit())
        self.add_button = named(QPushButton(), "counterAdd")
        self.edit_button = named(QPushButton(), "counterEdit")
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button.clicked.connect(self.ask_edit)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        self.note = named(QLabel(), "muted")
        self.note.setWordWrap(True)
        self.status = named(QLabel(), "adminStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        self.retranslate()
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Counters")

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add counter…"))
        self.edit_button.setText(self.tr("Change services…"))
        describe(self.add_button, self.add_button.text(), self.tr("Adds a counter with the services it takes"))
        describe(self.edit_button, self.edit_button.text(), self.tr("Changes the chosen counter's name and services"))
        describe(self.table, self.tr("Counters"), self.tr("The branch's counters and the services each takes"))
        self.note.setText(
            self.tr("A counter's transaction types are those of the services it takes; edit them under Settings.")
        )
        self.model.retranslate()
        self._fit_columns()

    def services_text(self, c: CounterView) -> str:
        served = sorted(c.profile.items(), key=lambda item: (item[1], item[0]))
        language = self.language()
        names = []
        for code, level in served:
            category = self.config.categories.get(code)
            names.append(f"{category.name(language) if category else shown_text(code)} ({level})")
        return " · ".join(names)

    def types_text(self, c: CounterView) -> str:
        language = self.language()
        seen = dict.fromkeys(t.name(language) for code in c.profile for t in self.catalogue.for_category(code))
        return ", ".join(seen)

    # -- reading ------------------------------------------------------------------
    def reload(self) -> None:
        self.runner.submit(lambda: self.supervisor.branch.snapshot().counters, self._shown, self._read_failed)

    def _shown(self, counters: tuple[CounterView, ...]) -> None:
        chosen = self.selected()
        self.model.set_rows(counters)
        self._fit_columns()
        if chosen is not None:
            for index, counter in enumerate(counters):
                if counter.id == chosen.id:
                    self.table.selectRow(index)
        self._enable()

    def _fit_columns(self) -> None:
        # Every column but the last (which stretches) to its content, up to a cap: a long name is elided.
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)
            cap = SERVICES_WIDTH if column == SERVICES_COLUMN else 360
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))

    def selected(self) -> CounterView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    # -- changing -------------------------------------------------------------------
    def ask_add(self) -> None:
        dialog = CounterDialog(self.config, self.language(), None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            counter_id, name, profile = dialog.values()
            if any(c.id == counter_id for c in self.model.rows):
                self._say(self.tr("Counter %1 exists already: choose it in the list to change it.")
                          .replace("%1", shown_text(counter_id)), ok=False)
                return
            self.configure(counter_id, name, profile)

    def ask_edit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            dialog = CounterDialog(self.config, self.language(), chosen, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.configure(*dialog.values())

    def configure(self, counter_id: str, name: str, profile: dict[str, int]) -> None:
        def done(_result: object) -> None:
            self._say(self.tr("%1 saved.", "a counter").replace("%1", named_counter_phrase(name, alone=True)), ok=True)
            self.reload()

        def failed(exc: Exception) -> None:
            self._failed(exc)
            self.reload()  # a save whose answer was lost may have been made: the list as the store holds it

        self.runner.submit(lambda: self.supervisor.configure_counter(counter_id, name, profile), done, failed)

    def _failed(self, exc: Exception) -> None:
        self._say(admin_failure_text(exc), ok=False)

    def _read_failed(self, exc: Exception) -> None:
        self._say(admin_failure_text(exc, reading=True), ok=False)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {OK};" if ok else f"color: {ALERT}; font-weight: 600;")
