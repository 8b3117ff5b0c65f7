"""The "Call list" tab: tomorrow's appointments to remind, then deposits maturing soon (largest first), masked.

The phone number is revealed one customer at a time with a typed reason (CustomerService.reveal checks
the role and audits it): revealing the next customer's masks the previous one's again. A call's result is
recorded with one button; "Appointment booked…" opens the booking dialog with the customer filled in and
records the result only once the booking is made. The deposits are the largest MATURITY_PAGE of the window,
with a note when there are more (a big branch has tens of thousands in a month); the days box reloads once
the supervisor stops changing it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.appointments.service import AppointmentService, CustomerPick
from models.marketing.call_list import CallListService, LastCall, MaturityCall, MaturityPage, Reminder
from models.staff.session import StaffSession, may
from queueing.core.errors import DomainError
from queueing.core.roles import Action
from queueing.customers.profiles import CallResult
from ui.common.branch_time import branch_stamp
from ui.common.empty_state import EmptyNote
from ui.common.object_name import named
from ui.common.page_list import settled_reload, size_by_first_rows
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.shown_text import plain_tip
from ui.common.style import ACCENT
from ui.common.window_tab import DeskTab
from ui.supervisor.appointment_dialog import BookDialog
from ui.supervisor.call_list_dialogs import RevealDialog, call_result_text
from ui.supervisor.refusals import refusal_text

if TYPE_CHECKING:  # rule_engine loads with the customer service
    from models.customers.service import CustomerService

log = logging.getLogger(__name__)
DEFAULT_DAYS = 30
AMOUNT_COLUMN = 2


@dataclass(frozen=True)
class CallRow:
    """One call to make: a reminder (``reminder`` set) or a maturing deposit (``deposit`` set)."""

    reminder: Reminder | None = None
    deposit: MaturityCall | None = None

    def __post_init__(self) -> None:
        if (self.reminder is None) == (self.deposit is None):
            raise ValueError("a call row is either a reminder or a maturing deposit")

    @property
    def item(self) -> Reminder | MaturityCall:
        if self.reminder is not None:
            return self.reminder
        if self.deposit is not None:
            return self.deposit
        raise ValueError("a call row is either a reminder or a maturing deposit")

    @property
    def customer_id(self) -> int:
        return self.item.customer_id

    @property
    def pick(self) -> CustomerPick:
        item = self.item
        return CustomerPick(item.customer_id, item.customer_no, item.masked_name)

    @property
    def last_call(self) -> LastCall | None:
        return self.item.last_call


class CallListModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.revealed: dict[int, str] = {}  # the one customer id -> phone shown, until the next reload or reveal
        self.category_name = lambda code: code

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Why"),
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("Customer"),
            self.tr("Customer number"),
            self.tr("Phone"),
            self.tr("Marketing"),
            self.tr("Last call"),
        )

    def cells(self, row: CallRow) -> tuple[str, ...]:
        phone = self.revealed.get(row.customer_id, row.item.masked_phone)
        last = call_result_text(row.last_call.result) if row.last_call else ""
        if row.reminder is not None:
            r = row.reminder
            why = self.tr("Appointment reminder: %1").replace("%1", self.category_name(r.category))
            return (why, f"{r.local_start:%Y-%m-%d %H:%M}", "", r.masked_name, r.customer_no, phone, "", last)
        d = row.deposit
        if d is None:
            return ()
        why = self.tr("Deposit matures in %n day(s)", "", d.days_left) if d.days_left else self.tr("Matures today")
        consent = self.tr("yes") if d.marketing_consent else self.tr("opted out")
        return (
            why,
            d.matures_on.isoformat(),
            QLocale().toString(d.balance),  # the language's grouping (es: 900.000; a comma there is a decimal mark)
            d.masked_name,
            d.customer_no,
            phone,
            consent,
            last,
        )

    def role_data(self, row: CallRow, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.reminder is not None:
            return QColor(ACCENT)
        if role == Qt.ItemDataRole.ToolTipRole and row.last_call is not None:
            return plain_tip(f"{branch_stamp(row.last_call.at)} {row.last_call.staff_id}")  # stored in UTC
        return None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() == AMOUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class CallListPanel(DeskTab):
    def __init__(
        self,
        calls: CallListService,
        actor: StaffSession,
        customers: CustomerService | None = None,
        appointments: AppointmentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.calls = calls
        self.actor = actor
        self.customers = customers
        self.appointments = appointments
        self.language = "en"
        self.runner = Runner(self)
        self.dialog: QWidget | None = None
        self.model = CallListModel(self)
        if appointments is not None:
            config = appointments.branch.config
            self.model.category_name = lambda code: config.category(code).name(self.language)
        self.days = named(QSpinBox(minimum=0, maximum=366, value=DEFAULT_DAYS), "callDays")
        self.days_label = QLabel()
        self.refresh_button = QPushButton()
        self.reveal_button = named(QPushButton(), "revealPhone")
        self.reveal_button.setVisible(customers is not None and may(actor, Action.REVEAL))
        self.result_buttons = {result: named(QPushButton(), f"call_{result.value}") for result in CallResult}
        self.count = QLabel()
        self.capped = named(QLabel(wordWrap=True), "callListCapped")
        self.capped.hide()
        self.deposits_total = 0  # deposits maturing in the window; the list holds the largest MATURITY_PAGE
        self.status = QLabel(wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self._reload_soon = settled_reload(self, self.reload)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table_empty = EmptyNote(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        size_by_first_rows(self.table)  # the largest amount is on top
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._enable)
        top = QHBoxLayout()
        for widget in (self.days_label, self.days, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.reveal_button)
        actions = QHBoxLayout()
        self.result_label = QLabel()
        actions.addWidget(self.result_label)
        for button in self.result_buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.count)
        layout.addWidget(self.capped)
        layout.addWidget(self.status)
        self.days.valueChanged.connect(lambda _v: self._reload_soon.start())
        self.refresh_button.clicked.connect(self.reload)
        self.reveal_button.clicked.connect(self.ask_reveal)
        for result, button in self.result_buttons.items():
            button.clicked.connect(lambda _=False, r=result: self.record(r))
        self.retranslate()
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Call list")

    def retranslate(self) -> None:
        self.table_empty.set_text(self.tr("No deposits mature in this time"))
        self.days_label.setText(self.tr("Deposits maturing within"))
        self.days.setSuffix(self.tr(" days"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.reveal_button.setText(self.tr("Show phone number…"))
        self.result_label.setText(self.tr("Call result:"))
        for result, button in self.result_buttons.items():
            text = call_result_text(result)
            button.setText(text + ("…" if result is CallResult.APPOINTMENT_BOOKED else ""))
        self.model.retranslate()
        self._show_count()
        self._enable()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.say(self.tr("Not done: %1").replace("%1", refusal_text(exc)))
        else:
            log.error("call list failed: %s", exc)
            self.say(self.tr("Not done: the store could not be reached. Please try again."))

    # -- the list ------------------------------------------------------------------
    def reload(self) -> None:
        self._reload_soon.stop()
        days = self.days.value()

        def load() -> tuple[tuple[CallRow, ...], int]:
            reminders = self.calls.reminders(self.actor)
            page: MaturityPage = self.calls.maturity_page(self.actor, days)
            rows = (*(CallRow(reminder=r) for r in reminders), *(CallRow(deposit=d) for d in page.calls))
            return rows, page.total

        self.runner.submit(load, self._shown, self._failed)

    def _shown(self, loaded: tuple[tuple[CallRow, ...], int]) -> None:
        rows, self.deposits_total = loaded
        self.model.revealed = {}  # a revealed number does not outlive the list it was asked for
        self.model.set_rows(rows)
        self._show_count()
        self._enable()

    def _show_count(self) -> None:
        reminders = sum(1 for r in self.model.rows if r.reminder is not None)
        listed = len(self.model.rows) - reminders
        deposits = max(self.deposits_total, listed)
        self.count.setText(
            self.tr("%n deposit(s) to call about", "", deposits)
            + " · "
            + self.tr("%n appointment reminder(s) for tomorrow", "", reminders)
        )
        self.capped.setText(
            self.tr("Only the %1 largest are listed: shorten the window to see the others.").replace("%1", str(listed))
        )
        self.capped.setVisible(deposits > listed)

    def selected(self) -> CallRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self, *_: object) -> None:
        row = self.selected()
        self.reveal_button.setEnabled(row is not None)
        for result, button in self.result_buttons.items():
            booking = result is CallResult.APPOINTMENT_BOOKED
            button.setEnabled(row is not None and not (booking and (row.reminder or self.appointments is None)))

    # -- reveal ----------------------------------------------------------------------
    def ask_reveal(self) -> None:
        row = self.selected()
        if row is None or self.customers is None:
            return
        dialog = RevealDialog(row.pick.masked_name, self)
        dialog.sig_reason.connect(lambda reason: self.reveal(row.customer_id, reason))
        self.dialog = dialog
        dialog.open()

    def reveal(self, customer_id: int, reason: str) -> None:
        from models.customers.service import RevealField

        customers = self.customers
        if customers is None:
            return  # no customer service on this screen: the button is hidden
        self.runner.submit(
            lambda: customers.reveal(self.actor, customer_id, RevealField.PHONE, reason),
            lambda phone: self._revealed(customer_id, phone),
            self._failed,
        )

    def _revealed(self, customer_id: int, phone: str) -> None:
        # One customer's number at a time: the one shown before is masked again, so a screen never holds a list
        # of clear numbers for a glance, a screenshot or a screen share to carry away.
        self.model.revealed = {customer_id: phone}
        self.model.retranslate()  # repaints the cells
        self.say(self.tr("Phone number shown; the view is in the audit log."))

    # -- results ---------------------------------------------------------------------
    def record(self, result: CallResult) -> None:
        row = self.selected()
        if row is None:
            return
        if result is CallResult.APPOINTMENT_BOOKED:
            self.ask_booking(row)
            return
        holding = row.deposit.holding_id if row.deposit else None
        self.runner.submit(
            lambda: self.calls.record_call(self.actor, row.customer_id, result, holding),
            lambda _c: self._recorded(result),
            self._failed,
        )

    def ask_booking(self, row: CallRow) -> None:
        if self.appointments is None or row.deposit is None:
            return
        today = self.calls.today()
        day = max(row.deposit.matures_on, today)
        dialog = BookDialog(self.appointments, self.actor, None, day, self.language, self)
        dialog.choose(row.pick, day)
        dialog.sig_booking.connect(lambda booking: self.book(row, booking))
        self.dialog = dialog
        dialog.open()

    def book(self, row: CallRow, booking: tuple[int, str, datetime, str]) -> None:
        customer_id, category, start, note = booking
        holding = row.deposit.holding_id if row.deposit else None

        def work():
            # Two transactions: a booking whose call record then fails still stands (and the error is shown).
            view = self.appointments.book(self.actor, customer_id, category, start, note=note)
            self.calls.record_call(
                self.actor, customer_id, CallResult.APPOINTMENT_BOOKED, holding, f"appointment {view.appointment.id}"
            )
            return view

        self.runner.submit(work, self._booked, self._failed)

    def _booked(self, view) -> None:
        self.say(
            self.tr("Booked %1 at %2; call recorded.")
            .replace("%1", view.masked_name)
            .replace("%2", f"{view.local_start:%Y-%m-%d %H:%M}")
        )
        self.reload()

    def _recorded(self, result: CallResult) -> None:
        self.say(self.tr("Call recorded: %1").replace("%1", call_result_text(result)))
        self.reload()

    def closeEvent(self, event) -> None:
        self.runner.wait()
        super().closeEvent(event)
