"""Identifying the customer at the counter by card number, ID number or phone, and linking the ticket."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.branch.records import CommandResult
from models.customers.desk import CustomerDesk, guess_kind
from models.staff.session import StaffSession
from models.station.counter_desk import CounterDesk
from queueing.core.tickets import PriorityClass
from queueing.customers.identity_keys import LookupKind
from queueing.customers.profiles import UnknownCustomer
from ui.common.object_name import named

if TYPE_CHECKING:
    from queueing.customers.profile_view import ProfileView


def find_and_link(
    desk: CustomerDesk,
    counters: CounterDesk,
    staff: StaffSession,
    counter_id: str,
    ticket_id: str,
    kind: LookupKind,
    value: str,
) -> ProfileView:
    """Runs on the worker: look the customer up, link the counter's ticket to them, return the masked profile."""
    profile = desk.find(staff, kind, value, ticket_id)
    if profile is None:
        raise UnknownCustomer(f"no customer for this {kind.value}", kind=kind.value)
    counters.link_customer(staff, counter_id, str(profile.customer_id))
    return profile


def issue_for_customer(
    desk: CustomerDesk | None,
    counters: CounterDesk,
    staff: StaffSession | None,
    counter_id: str,
    category: str,
    priority: str,
    customer_text: str,
    call_now: bool,
) -> CommandResult:
    """Runs on the worker: resolve the optional customer, then issue (and call at once when asked)."""
    customer_id = None
    if customer_text and desk is not None and staff is not None:
        profile = desk.find(staff, guess_kind(customer_text), customer_text, None)
        if profile is None:
            raise UnknownCustomer("no customer for the number typed", kind="any")
        customer_id = str(profile.customer_id)
    klass = PriorityClass(priority)
    if call_now:
        return counters.issue_and_call(staff, counter_id, category, klass, customer_id)
    return counters.branch.issue_ticket(category, klass, customer_id)


class IdentifyDialog(QDialog):
    """Type or swipe the number; its kind is guessed as you type and can be changed with the arrow keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identifyDialog")
        self.setWindowTitle(self.tr("Identify the customer"))
        self.setMinimumWidth(440)
        self.value = named(QLineEdit(), "identifyValue")
        self.value.setPlaceholderText(self.tr("Card number, ID number or phone"))
        self.kind = named(QComboBox(), "identifyKind")
        for kind, text in (
            (LookupKind.CARD_NUMBER, self.tr("Card number")),
            (LookupKind.ID_NUMBER, self.tr("ID number")),
            (LookupKind.PHONE, self.tr("Phone")),
        ):
            self.kind.addItem(text, kind.value)
        self.value.textEdited.connect(self._guess)
        self.note = named(QLabel(), "error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Find and link"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Number"), self.value)
        form.addRow(self.tr("Kind"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.value.setFocus()

    def _guess(self, text: str) -> None:
        if text.strip():
            self.kind.setCurrentIndex(self.kind.findData(guess_kind(text).value))

    def choice(self) -> tuple[LookupKind, str]:
        return LookupKind(self.kind.currentData()), self.value.text().strip()

    def _accept(self) -> None:
        if not self.value.text().strip():
            self.note.setText(self.tr("Type the number first."))
            return
        self.accept()
