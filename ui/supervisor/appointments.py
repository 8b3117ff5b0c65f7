"""The supervisor's "Appointments" tab: a day's bookings (masked names), booking by card, phone or number, cancel.

Every call goes through AppointmentService on the runner's thread; the service checks the role, so an
actor without the right (the kiosk's) is refused there, not here. The booking dialog is
ui/supervisor/appointment_dialog.py.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.appointments.service import AppointmentService, AppointmentView
from models.staff.session import StaffSession
from queueing.appointments.rules import AppointmentStatus
from queueing.core.categories import BranchConfig
from queueing.core.errors import DomainError
from ui.common.branch_time import qt_date
from ui.common.empty_state import EmptyNote
from ui.common.plain_label import plain_label
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.window_tab import WindowTab
from ui.supervisor.appointment_dialog import DAY_FORMAT, BookDialog, FindCustomer
from ui.supervisor.refusals import refusal_text

log = logging.getLogger(__name__)


def status_text(status: AppointmentStatus) -> str:
    texts = {
        AppointmentStatus.BOOKED: lambda: QCoreApplication.translate("Appointments", "Booked", "appointment status"),
        AppointmentStatus.ARRIVED: lambda: QCoreApplication.translate("Appointments", "Arrived", "appointment status"),
        AppointmentStatus.CANCELLED: lambda: QCoreApplication.translate(
            "Appointments", "Cancelled", "appointment status"
        ),
        AppointmentStatus.NO_SHOW: lambda: QCoreApplication.translate(
            "Appointments", "No-show", "appointment status: the customer did not come"
        ),
    }
    return texts[status]()


class AppointmentsModel(RowTableModel):
    def __init__(self, config: BranchConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.language = "en"

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Customer"),
            self.tr("Customer number"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Note"),
        )

    def cells(self, view: AppointmentView) -> tuple[str, ...]:
        a = view.appointment
        end = view.local_start + (a.end - a.start)
        return (
            f"{view.local_start:%H:%M}-{end:%H:%M}",
            view.masked_name,
            view.customer_no,
            self.config.category(a.category).name(self.language),
            status_text(a.status),
            a.note,
        )

    def role_data(self, view: AppointmentView, role: int) -> Any:
        return view.appointment.id if role == Qt.ItemDataRole.UserRole else None


class AppointmentsPanel(WindowTab):
    def __init__(
        self,
        appointments: AppointmentService,
        actor: StaffSession,
        find: FindCustomer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.appointments = appointments
        self.actor = actor
        self.find_customer = find  # not self.find: that is QWidget.find, a widget by its window id
        self.language = "en"
        self.runner = Runner(self)
        self.book_dialog: BookDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.model = AppointmentsModel(appointments.branch.config, self)
        today = appointments.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DAY_FORMAT)
        self.day.dateChanged.connect(self.reload)
        self.previous = QPushButton("◀")
        self.next = QPushButton("▶")
        self.today_button = QPushButton()
        self.book_button = QPushButton()
        self.cancel_button = QPushButton()
        self.no_show_button = QPushButton()
        self.count = QLabel()
        self.status = plain_label(word_wrap=True)  # says a customer's name
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table_empty = EmptyNote(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._enable)
        top = QHBoxLayout()
        self.day_label = QLabel()
        for widget in (self.day_label, self.previous, self.day, self.next, self.today_button):
            top.addWidget(widget)
        top.addStretch(1)
        for button in (self.book_button, self.cancel_button, self.no_show_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.status)
        self.previous.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        self.next.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(1)))
        self.today_button.clicked.connect(self.go_today)
        self.book_button.clicked.connect(self.ask_book)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.no_show_button.clicked.connect(self.mark_no_shows)
        self.retranslate()
        self.reload()

    # -- texts -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.table_empty.set_text(self.tr("No appointments on this day"))
        self.day_label.setText(self.tr("Day"))
        self.today_button.setText(self.tr("Today"))
        self.book_button.setText(self.tr("Book…"))
        self.cancel_button.setText(self.tr("Cancel appointment"))
        self.no_show_button.setText(self.tr("Mark no-shows"))
        self.model.language = self.language
        self.model.retranslate()
        self._show_count()
        self._enable()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _error(self, exc: Exception) -> str:
        if isinstance(exc, DomainError):
            return self.tr("Not done: %1").replace("%1", refusal_text(exc))
        log.error("appointment action failed: %s", exc)
        return self.tr("Not done: the store could not be reached. Please try again.")

    # -- the day -----------------------------------------------------------------
    def chosen_day(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def go_today(self) -> None:
        today = self.appointments.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.reload()

    def reload(self, *_: object) -> None:
        day = self.chosen_day()
        self.runner.submit(lambda: self.appointments.day(self.actor, day), self._shown, self._failed)

    def _shown(self, rows: tuple[AppointmentView, ...]) -> None:
        self.model.set_rows(rows)
        self._show_count()
        self._enable()

    def _show_count(self) -> None:
        booked = sum(1 for v in self.model.rows if v.appointment.status is AppointmentStatus.BOOKED)
        self.count.setText(self.tr("%n appointment(s) still expected this day", "", booked))

    def _failed(self, exc: Exception) -> None:
        self.say(self._error(exc))
        self._enable()

    def selected(self) -> AppointmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self, *_: object) -> None:
        chosen = self.selected()
        self.cancel_button.setEnabled(chosen is not None and chosen.appointment.status is AppointmentStatus.BOOKED)

    # -- actions -----------------------------------------------------------------
    def ask_book(self) -> None:
        dialog = BookDialog(self.appointments, self.actor, self.find_customer, self.chosen_day(), self.language, self)
        dialog.sig_booking.connect(self.book)
        self.book_dialog = dialog
        dialog.open()

    def book(self, booking: tuple[int, str, datetime, str]) -> None:
        customer_id, category, start, note = booking
        self.runner.submit(
            lambda: self.appointments.book(self.actor, customer_id, category, start, note=note),
            self._booked,
            self._failed,
        )

    def _booked(self, view: AppointmentView) -> None:
        day = view.local_start.date()
        self.say(self.tr("Booked %1 at %2.").replace("%1", view.masked_name).replace("%2", f"{view.local_start:%H:%M}"))
        if day != self.chosen_day():
            self.day.setDate(qt_date(day))  # reloads through dateChanged
        else:
            self.reload()

    def ask_cancel(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel appointment"),
            self.tr("Cancel the appointment of %1 at %2?")
            .replace("%1", chosen.masked_name)
            .replace("%2", f"{chosen.local_start:%H:%M}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.cancel(chosen.appointment.id))
        self.confirm_box = box
        box.open()

    def cancel(self, appointment_id: int) -> None:
        self.runner.submit(lambda: self.appointments.cancel(self.actor, appointment_id), self._cancelled, self._failed)

    def _cancelled(self, view: AppointmentView) -> None:
        self.say(
            self.tr("Cancelled the appointment of %1 at %2.")
            .replace("%1", view.masked_name)
            .replace("%2", f"{view.local_start:%H:%M}")
        )
        self.reload()

    def mark_no_shows(self) -> None:
        day = self.chosen_day()
        self.runner.submit(lambda: self.appointments.mark_no_shows(self.actor, day), self._no_shows, self._failed)

    def _no_shows(self, views: tuple[AppointmentView, ...]) -> None:
        self.say(self.tr("%n appointment(s) marked as no-show", "", len(views)))
        self.reload()

    def closeEvent(self, event) -> None:
        self.runner.wait()
        super().closeEvent(event)
