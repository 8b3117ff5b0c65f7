"""Signing in to the supervisor's screen: staff id and PIN, checked by the staff service; the role comes with it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.staff.pin_lockout import AccountLocked
from models.staff.service import StaffService
from models.staff.session import StaffSession
from queueing.core.errors import DomainError
from queueing.core.roles import Action, Role, allowed


class SupervisorSignIn(QDialog):
    """Accepted once someone whose role may manage the queue signed in; ``staff`` is who."""

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff_service = staff
        self.staff: StaffSession | None = None
        self.setWindowTitle(self.tr("Supervisor sign-in"))
        layout = QFormLayout(self)
        self.staff_id = QLineEdit()
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("Staff id"), self.staff_id)
        layout.addRow(self.tr("PIN"), self.pin)
        self.message = QLabel(objectName="error", wordWrap=True)
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def try_sign_in(self) -> bool:
        try:
            staff = self.staff_service.verify(self.staff_id.text(), self.pin.text())
        except AccountLocked as exc:
            from ui.station.errors import locked_text

            self.message.setText(locked_text(exc))
            self.pin.clear()
            return False
        except DomainError:
            self.message.setText(self.tr("Unknown staff id or wrong PIN."))
            self.pin.clear()
            return False
        if not allowed(Role(staff.role), Action.MANAGE_COUNTERS):
            self.message.setText(self.tr("Only supervisors and administrators may use this screen."))
            return False
        self.staff = staff
        self.accept()
        return True
