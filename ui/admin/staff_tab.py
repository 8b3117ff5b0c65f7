"""The Administration screen's Staff tab: the branch's accounts, and add, deactivate, reactivate, reset PIN,
change role and unlock, each through the staff service with the signed-in administrator's session.

Every call runs on the runner's thread; a refusal is shown as one translated line and changed nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.staff.roster import StaffAccount, staff_roster
from models.staff.service import StaffExists, StaffService
from models.staff.session import StaffSession
from ui.admin.dialogs import AddStaffDialog, PinDialog, RoleDialog, role_text
from ui.admin.errors import admin_failure_text
from ui.common.accessibility import describe
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.shown_text import plain_tip, shown_text
from ui.common.style import ALERT, MUTED, OK


class StaffModel(RowTableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Staff ID"), self.tr("Name"), self.tr("Role"), self.tr("Active"), self.tr("Locked"))

    def cells(self, a: StaffAccount) -> tuple[str, ...]:
        return (
            shown_text(a.id),
            shown_text(a.name),
            role_text(a.role),
            self.tr("Yes") if a.active else self.tr("No, deactivated"),
            self.tr("Locked") if a.locked else "",
        )

    def role_data(self, a: StaffAccount, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(shown_text(a.name, 400))
        if role == Qt.ItemDataRole.ForegroundRole and (a.locked or not a.active):
            return QColor(ALERT) if a.locked else QColor(MUTED)
        return None


class StaffPanel(QWidget):
    def __init__(self, staff: StaffService, actor: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.actor = actor
        self.runner = Runner(self)
        self.model = StaffModel(self)
        # Asks before a deactivation; a test answers for the administrator.
        self.confirm: Callable[[str], bool] = self._ask
        self.table = named(QTableView(), "staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        # Titles at the start of their column: centred, the last one would float mid-way over the stretched column.
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        actions: tuple[tuple[str, Callable[[], None]], ...] = (
            ("add", self.ask_add),
            ("deactivate", self.ask_deactivate),
            ("reactivate", lambda: self._selected_do(self.reactivate)),
            ("reset_pin", self.ask_reset_pin),
            ("set_role", self.ask_set_role),
            ("unlock", lambda: self._selected_do(self.unlock)),
        )
        for key, act in actions:
            button = named(QPushButton(), f"staff_{key}")
            button.clicked.connect(act)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.status = named(QLabel(), "adminStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Staff")

    def retranslate(self) -> None:
        texts = {
            "add": (self.tr("Add…"), self.tr("Adds a staff account with its role and PIN")),
            "deactivate": (self.tr("Deactivate"), self.tr("A leaver: the account can no longer sign in")),
            "reactivate": (self.tr("Reactivate"), self.tr("Lets a deactivated account sign in again")),
            "reset_pin": (self.tr("Reset PIN…"), self.tr("Gives the account a new PIN and lifts its lock")),
            "set_role": (self.tr("Change role…"), self.tr("Makes the account a teller, supervisor or administrator")),
            "unlock": (self.tr("Unlock"), self.tr("Lifts the lock after too many wrong PINs")),
        }
        for key, (text, what) in texts.items():
            self.buttons[key].setText(text)
            describe(self.buttons[key], text, what)
        describe(self.table, self.tr("Staff accounts"), self.tr("The branch's staff accounts; choose one to change"))
        self.model.retranslate()
        self._fit_columns()

    # -- reading ------------------------------------------------------------------
    def reload(self) -> None:
        self.runner.submit(lambda: staff_roster(self.staff, self.actor), self._shown, self._read_failed)

    def _shown(self, accounts: tuple[StaffAccount, ...]) -> None:
        chosen = self.selected()
        self.model.set_rows(accounts)
        self._fit_columns()
        if chosen is not None:
            self.select(chosen.id)
        self._enable()

    def _fit_columns(self) -> None:
        # Every column but the last (which stretches) to its content, up to a cap: a long name is elided.
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))

    def selected(self) -> StaffAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, staff_id: str) -> None:
        for index, account in enumerate(self.model.rows):
            if account.id == staff_id:
                self.table.selectRow(index)
                return

    def _enable(self) -> None:
        chosen = self.selected()
        for key in ("deactivate", "reset_pin", "set_role"):
            self.buttons[key].setEnabled(chosen is not None)
        self.buttons["deactivate"].setEnabled(chosen is not None and chosen.active)
        self.buttons["reactivate"].setEnabled(chosen is not None and not chosen.active)
        self.buttons["unlock"].setEnabled(chosen is not None and chosen.locked)

    # -- asking -------------------------------------------------------------------
    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Deactivate"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _selected_do(self, act: Callable[[str], None]) -> None:
        chosen = self.selected()
        if chosen is not None:
            act(chosen.id)

    def ask_add(self) -> None:
        dialog = AddStaffDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(*dialog.values())

    def ask_deactivate(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.confirm(
            self.tr("Deactivate %1? The account can no longer sign in.").replace("%1", shown_text(chosen.name))
        ):
            self.deactivate(chosen.id)

    def ask_reset_pin(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            dialog = PinDialog(shown_text(chosen.name), self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.reset_pin(chosen.id, dialog.new_pin())

    def ask_set_role(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            dialog = RoleDialog(shown_text(chosen.name), chosen.role, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.set_role(chosen.id, *dialog.values())

    # -- doing --------------------------------------------------------------------
    def add(self, staff_id: str, name: str, role: str, pin: str) -> None:
        if any(a.id == staff_id.strip() for a in self.model.rows):
            # The service's add replaces an account of that id: the screen only ever creates one.
            self._say(self._exists_text(staff_id), ok=False)
            return
        self._do(
            lambda: self.staff.add(self.actor, staff_id, name, role, pin, replace=False),
            self.tr("Account %1 added."),
            exists=staff_id,
        )

    def deactivate(self, staff_id: str) -> None:
        self._do(lambda: self.staff.deactivate(self.actor, staff_id), self.tr("Account %1 deactivated."))

    def reactivate(self, staff_id: str) -> None:
        self._do(lambda: self.staff.reactivate(self.actor, staff_id), self.tr("Account %1 reactivated."))

    def reset_pin(self, staff_id: str, pin: str) -> None:
        self._do(lambda: self.staff.reset_pin(self.actor, staff_id, pin), self.tr("New PIN set for %1."))

    def set_role(self, staff_id: str, role: str, pin: str | None = None) -> None:
        self._do(lambda: self.staff.set_role(self.actor, staff_id, role, pin), self.tr("Role of %1 changed."))

    def unlock(self, staff_id: str) -> None:
        self._do(lambda: self.staff.unlock(self.actor, staff_id), self.tr("Account %1 unlocked."))

    def _do(self, work: Callable[[], Any], done: str, exists: str = "") -> None:
        def shown(view: Any) -> None:
            self._say(done.replace("%1", shown_text(f"{view.name} ({view.id})")), ok=True)
            self.reload()

        def failed(exc: Exception) -> None:
            if exists and isinstance(exc, StaffExists):  # another administrator created it since the list was read
                self._say(self._exists_text(exists), ok=False)
            else:
                self._failed(exc)
            self.reload()  # the list as the store holds it now, whatever was refused

        self.runner.submit(work, shown, failed)

    def _exists_text(self, staff_id: str) -> str:
        return self.tr("Staff ID %1 exists already: choose it in the list to change it.").replace(
            "%1", shown_text(staff_id)
        )

    def _failed(self, exc: Exception) -> None:
        self._say(admin_failure_text(exc), ok=False)

    def _read_failed(self, exc: Exception) -> None:
        self._say(admin_failure_text(exc, reading=True), ok=False)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("ok", ok)
        self.status.setStyleSheet(f"color: {OK};" if ok else f"color: {ALERT}; font-weight: 600;")
