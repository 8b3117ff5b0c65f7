"""Signing in to the Administration screen: staff id and PIN, checked by the staff service; administrators only."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.staff.service import StaffService
from models.staff.session import StaffSession, may
from queueing.core.errors import DomainError
from queueing.core.roles import Action
from ui.common.object_name import named
from ui.station.errors import locked_text


class AdminSignIn(QDialog):
    """Accepted once an administrator signed in; ``staff`` is the session. Any other role is refused."""

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff_service = staff
        self.staff: StaffSession | None = None
        self.setWindowTitle(self.tr("Administrator sign-in"))
        self.setMinimumWidth(420)
        layout = QFormLayout(self)
        self.staff_id = named(QLineEdit(), "adminStaffId")
        self.pin = named(QLineEdit(), "adminPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("Staff ID"), self.staff_id)
        layout.addRow(self.tr("PIN"), self.pin)
        self.message = named(QLabel(), "error")
        self.message.setWordWrap(True)
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def try_sign_in(self) -> bool:
        try:
            staff = self.staff_service.verify(self.staff_id.text(), self.pin.text())
        except DomainError as exc:
            locked = exc.code == "account_locked"
            self.message.setText(locked_text(exc) if locked else self.tr("Unknown staff ID or wrong PIN."))
            return False
        finally:
            self.pin.clear()
        if not may(staff, Action.MANAGE_STAFF):
            self.message.setText(self.tr("Only administrators may use the Administration screen."))
            return False
        self.staff = staff
        self.accept()
        return True
