"""The supervisor's view of the append-only audit log: filter, page through, export to CSV.

Reading is itself audited by the service, and a teller's actor is refused there, not here.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.audit.service import AuditFilter, AuditPage, AuditService
from models.staff.session import StaffSession
from queueing.customers.audit_chain import AuditEntry
from ui.common.branch_time import branch_stamp
from ui.common.empty_state import EmptyNote
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.window_tab import WindowTab
from ui.supervisor.failures import read_failure_text

PAGE_SIZE = 100


class AuditModel(RowTableModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Staff"),
            self.tr("Station"),
            self.tr("Customer"),
            self.tr("Action"),
            self.tr("Detail"),
        )

    def cells(self, e: AuditEntry) -> tuple[str, ...]:
        return (
            branch_stamp(e.at, seconds=True),
            f"{e.staff_id} ({e.role})",
            e.station_id,
            "" if e.customer_id is None else str(e.customer_id),
            e.action,
            json.dumps(e.detail, ensure_ascii=False, sort_keys=True),
        )


class AuditPanel(WindowTab):
    def __init__(self, audit: AuditService, actor: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.actor = actor
        self.page = 1
        self.last: AuditPage | None = None
        self.runner = Runner(self)
        self.model = AuditModel(self)
        self.staff = QLineEdit()
        self.customer = QLineEdit()
        self.action = QLineEdit()
        self.search = QPushButton()
        self.previous = QPushButton()
        self.next = QPushButton()
        self.export = QPushButton()
        self.status = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table_empty = EmptyNote(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        filters = QHBoxLayout()
        for edit in (self.staff, self.customer, self.action):
            edit.returnPressed.connect(self.first_page)
            filters.addWidget(edit)
        for button in (self.search, self.previous, self.next, self.export):
            filters.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.search.clicked.connect(self.first_page)
        self.previous.clicked.connect(lambda: self.load(self.page - 1))
        self.next.clicked.connect(lambda: self.load(self.page + 1))
        self.export.clicked.connect(self.ask_export)
        self.retranslate()

    def retranslate(self) -> None:
        self.table_empty.set_text(self.tr("No audit entries match this search"))
        self.staff.setPlaceholderText(self.tr("Staff id"))
        self.customer.setPlaceholderText(self.tr("Customer number"))
        self.action.setPlaceholderText(self.tr("Action, e.g. profile_view"))
        self.search.setText(self.tr("Search"))
        self.previous.setText(self.tr("Previous"))
        self.next.setText(self.tr("Next"))
        self.export.setText(self.tr("Export CSV…"))
        self.model.retranslate()
        self._show_status()

    def filters(self) -> AuditFilter:
        customer = self.customer.text().strip()
        return AuditFilter(
            staff_id=self.staff.text().strip() or None,
            customer_id=int(customer) if customer.isdecimal() else None,
            action=self.action.text().strip() or None,
        )

    def first_page(self) -> None:
        self.load(1)

    def load(self, page: int) -> None:
        page = max(1, page)
        filters = self.filters()
        self.runner.submit(lambda: self.audit.browse(self.actor, filters, page, PAGE_SIZE), self._shown, self._failed)

    def _shown(self, result: AuditPage) -> None:
        self.last = result
        self.page = result.page
        self.model.set_rows(result.entries)
        self.previous.setEnabled(result.page > 1)
        self.next.setEnabled(result.page < result.pages)
        self._show_status()

    def _show_status(self) -> None:
        if self.last is not None:
            self.status.setText(
                self.tr("Page %1 of %2, %3 entries")
                .replace("%1", str(self.last.page))
                .replace("%2", str(self.last.pages))
                .replace("%3", str(self.last.total))
            )

    def _failed(self, exc: Exception) -> None:
        self.status.setText(read_failure_text(exc))

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), "audit.csv", "CSV (*.csv)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        filters = self.filters()
        self.runner.submit(
            lambda: self.audit.export_csv(self.actor, path, filters),
            lambda count: self.status.setText(
                self.tr("%1 entries written to %2").replace("%1", str(count)).replace("%2", path)
            ),
            self._failed,
        )
