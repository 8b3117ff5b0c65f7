"""The booking dialog of the supervisor's Appointments tab: find the customer, then service, day and time.

The customer is found off the GUI thread through CustomerService's audited look-up (card or phone, see
``customer_finder``) or by customer number through AppointmentService.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models.appointments.service import AppointmentService, CustomerPick
from models.staff.session import StaffSession
from queueing.core.errors import DomainError
from queueing.customers.identity_keys import LookupKind
from ui.common.branch_time import qt_date
from ui.common.plain_label import plain_label
from ui.common.runner import Runner
from ui.supervisor.refusals import refusal_text

if TYPE_CHECKING:  # the customer service loads rule_engine; the dialog only calls what it is handed
    from models.customers.service import CustomerService

log = logging.getLogger(__name__)

# card / phone look-up through CustomerService (audited); None where this PC has no branch key.
FindCustomer = Callable[[LookupKind, str], CustomerPick | None]
BY_NUMBER = "customer_no"
DAY_FORMAT = "yyyy-MM-dd ddd"  # the weekday in the interface language; a year nobody misreads


def customer_finder(customers: CustomerService, actor: StaffSession) -> FindCustomer:
    """Card and phone look-up through CustomerService: audited as the actor's profile view."""

    def find(kind: LookupKind, value: str) -> CustomerPick | None:
        profile = customers.lookup(actor, kind, value)
        if profile is None:
            return None
        return CustomerPick(profile.customer_id, profile.customer_no, profile.masked_name)

    return find


class BookDialog(QDialog):
    """Find the customer (card, phone or customer number), then choose service, day and time."""

    sig_booking = Signal(object)
    """Carries (customer_id, category, local start datetime, note) when the supervisor confirms."""

    def __init__(
        self,
        appointments: AppointmentService,
        actor: StaffSession,
        find: FindCustomer | None,
        day: date,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Book an appointment"))
        self.appointments = appointments
        self.actor = actor
        self.find_customer = find  # not self.find: that is QWidget.find, a widget by its window id
        self.customer: CustomerPick | None = None
        self._runner = Runner(self)
        rules = appointments.rules
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        if find is not None:
            self.kind.addItem(self.tr("Bank card"), LookupKind.CARD_NUMBER.value)
            self.kind.addItem(self.tr("Phone number"), LookupKind.PHONE.value)
        self.kind.addItem(self.tr("Customer number"), BY_NUMBER)
        self.setMinimumWidth(560)
        self.number = QLineEdit()
        self.number.setMinimumWidth(240)  # a 19-digit card number in full
        self.number.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.number, 1)
        row.addWidget(self.find_button)
        form.addRow(self.tr("Customer"), row)
        self.found = plain_label(self.tr("No customer chosen yet"))  # shows a customer's name and number
        form.addRow("", self.found)
        self.category = QComboBox()
        for code, category in appointments.branch.config.categories.items():
            if rules.takes(code):
                self.category.addItem(category.name(language), code)
        form.addRow(self.tr("Service"), self.category)
        self.day = QDateEdit(qt_date(day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DAY_FORMAT)
        form.addRow(self.tr("Day"), self.day)
        self.time = QTimeEdit(QTime(10, 0))
        self.time.setDisplayFormat("HH:mm")
        # QTimeEdit steps its section under the cursor; minutes step by the slot length.
        self.time.setCurrentSection(QTimeEdit.Section.MinuteSection)
        form.addRow(self.tr("Time"), self.time)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Book"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.customer is not None)

    def look_up(self) -> None:
        value = self.number.text().strip()
        if not value or self._runner.busy:
            return
        kind = self.kind.currentData()
        self.customer = None
        self._enable()
        self.found.setText(self.tr("Looking up…"))
        find = self.find_customer
        work: Callable[[], CustomerPick | None]
        if kind == BY_NUMBER or find is None:  # without a look-up service only the customer number is offered
            work = lambda: self.appointments.customer_by_number(self.actor, value)  # noqa: E731
        else:
            work = lambda: find(LookupKind(kind), value)  # noqa: E731
        self._runner.submit(work, self._found, self._failed)

    def choose(self, customer: CustomerPick, day: date | None = None) -> None:
        """Open with the customer already known (from the call list): no look-up, straight to the time."""
        self.kind.setCurrentIndex(self.kind.findData(BY_NUMBER))
        self.number.setText(customer.customer_no)
        if day is not None:
            self.day.setDate(qt_date(day))
        self._found(customer)
        self.time.setFocus()

    def _found(self, customer: CustomerPick | None) -> None:
        self.customer = customer
        if customer is None:
            self.found.setText(self.tr("No customer has this number."))
        else:
            self.found.setText(f"{customer.masked_name} ({customer.customer_no})")
        self._enable()

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, DomainError):
            log.error("customer look-up for a booking failed: %s", exc)
        self.found.setText(self.tr("No customer found: %1").replace("%1", refusal_text(exc)))
        self._enable()

    def booking(self) -> tuple[int, str, datetime, str]:
        day, at = self.day.date(), self.time.time()
        start = datetime(day.year(), day.month(), day.day(), at.hour(), at.minute())
        if self.customer is None:
            raise ValueError("no customer chosen yet: the Book button stays disabled until one is")
        return self.customer.customer_id, self.category.currentData(), start, self.note.text()

    def confirm(self) -> None:
        if self.customer is None:
            return
        self.sig_booking.emit(self.booking())
        self.accept()

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)
