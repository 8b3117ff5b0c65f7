"""Issuing a ticket at the counter, and showing the new number large for the customer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from queueing.core.tickets import PriorityClass
from ui.common.strings import priority_text
from ui.station.window_context import StationContext

ISSUED_SHOWN_MS = 15_000
# Appointments come from the booking system with their booked time, not from the counter.
COUNTER_PRIORITIES = (PriorityClass.REGULAR, PriorityClass.VIP, PriorityClass.ELDERLY)


class IssueTicketDialog(QDialog):
    """Category, priority class and an optional customer. Enter issues; Ctrl+Enter issues and calls."""

    def __init__(self, ctx: StationContext, served: set[str], can_call: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setObjectName("issueDialog")
        self.setWindowTitle(self.tr("New ticket"))
        self.setMinimumWidth(480)
        self.call_now = False
        self.category = QComboBox(objectName="issueCategory")
        for code in sorted(ctx.branch.config.categories, key=lambda c: (c not in served, c)):
            self.category.addItem(ctx.category_name(code), code)
        self.priority = QComboBox(objectName="issuePriority")
        for priority in COUNTER_PRIORITIES:
            self.priority.addItem(priority_text(priority), priority.value)
        self.customer = QLineEdit(objectName="issueCustomer")
        self.customer.setPlaceholderText(self.tr("Card number, ID number or phone (optional)"))
        self.customer.setEnabled(ctx.customers is not None)
        form = QFormLayout()
        form.addRow(self.tr("Service"), self.category)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Customer"), self.customer)
        buttons = QDialogButtonBox()
        issue = buttons.addButton(self.tr("Issue ticket"), QDialogButtonBox.ButtonRole.AcceptRole)
        issue.setDefault(True)
        self.issue_and_call = QPushButton(self.tr("Issue and call now (Ctrl+Enter)"), objectName="issueAndCall")
        self.issue_and_call.setEnabled(can_call)
        buttons.addButton(self.issue_and_call, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.issue_and_call.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.issue_and_call.clicked.connect(self._call_now)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._call_now)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.category.setFocus()

    def _call_now(self) -> None:
        if self.issue_and_call.isEnabled():
            self.call_now = True
            self.accept()

    def choice(self) -> tuple[str, str, str]:
        """(category, priority, customer search text)."""
        return self.category.currentData(), self.priority.currentData(), self.customer.text().strip()


class TicketIssuedDialog(QDialog):
    """The new number, large enough to read across the counter; any key closes it."""

    def __init__(self, number: str, service: str, ahead: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setObjectName("issuedDialog")
        self.setWindowTitle(self.tr("Your ticket"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        for text, name in ((service, "category"), (number, "bigNumber"), (ahead, "muted")):
            label = QLabel(text, objectName=name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        close = QPushButton(self.tr("Close"), objectName="primary")
        close.clicked.connect(self.accept)
        close.setDefault(True)
        layout.addWidget(close)
        QTimer.singleShot(ISSUED_SHOWN_MS, self.accept)
