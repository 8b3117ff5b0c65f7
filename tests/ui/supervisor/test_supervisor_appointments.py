"""The supervisor's Appointments tab: the day's table, booking through the dialog by card or number, cancelling."""

import secrets
from dataclasses import replace
from datetime import date, datetime

import pytest
from label_text import shown_text
from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.appointments.service import AppointmentService
from models.customers.service import CustomerService
from models.demo.customers import generate_customers
from models.supervisor.service import SupervisorService
from queueing.appointments.rules import AppointmentStatus
from queueing.core.roles import Role
from queueing.customers.identity_keys import LookupKind
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.appointment_dialog import customer_finder
from ui.supervisor.appointments import AppointmentsPanel
from ui.supervisor.call_list_dialogs import RevealDialog
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")
TODAY = date(2026, 11, 23)  # the harness clock: Monday 09:30 at the demo branch


@pytest.fixture
def setup(tmp_path):
    branch = Branch(tmp_path)
    key = secrets.token_bytes(32)
    samples = generate_customers(branch.store, "DEMO", key, 10, today=TODAY, seed=5).samples
    customers = CustomerService(branch.store, "DEMO", key, clock=branch.clock, timezone="Asia/Shanghai")
    yield branch, samples, AppointmentService(branch.branch), customers
    branch.close()


def make_window(qtbot, branch, appointments, customers, actor=SUPERVISOR):
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    panel = AppointmentsPanel(appointments, actor, customer_finder(customers, actor))
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200, appointments=panel)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.count.text() != "", timeout=3000)
    return window, panel


def fill_dialog(qtbot, panel, kind, number, category, hour, minute, note=""):
    qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
    dialog = panel.book_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and not ok.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.number.setText(number)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ok.isEnabled(), timeout=3000)
    dialog.category.setCurrentIndex(dialog.category.findData(category))
    dialog.day.setDate(QDate(2026, 11, 23))
    dialog.time.setTime(QTime(hour, minute))
    dialog.note.setText(note)
    return dialog, ok


def test_the_tab_books_by_card_and_cancels_and_the_table_follows(qtbot, setup):
    branch, samples, appointments, customers = setup
    window, panel = make_window(qtbot, branch, appointments, customers)
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Appointments"
    assert panel.model.rowCount() == 0 and not panel.cancel_button.isEnabled()
    dialog, ok = fill_dialog(
        qtbot, panel, LookupKind.CARD_NUMBER.value, samples[0].card_number, "LOANS", 10, 30, "mortgage"
    )
    assert samples[0].customer_no in dialog.found.text() and "*" in dialog.found.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    row = [panel.model.index(0, column).data() for column in range(6)]
    assert row[0] == "10:30-11:00" and row[2] == samples[0].customer_no and "*" in row[1]
    assert row[3:] == ["Loans and wealth", "Booked", "mortgage"]
    assert panel.count.text() == "1 appointment still expected this day"
    window.grab().save("/tmp/supervisor_appointments.png")
    panel.table.selectionModel().select(
        panel.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.cancel_button.isEnabled()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancel the appointment of" in panel.confirm_box.text()
    qtbot.mouseClick(panel.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.index(0, 4).data() == "Cancelled", timeout=3000)
    assert "Cancelled the appointment" in panel.status.text()
    assert appointments.day(SUPERVISOR, TODAY)[0].appointment.status is AppointmentStatus.CANCELLED
    assert not panel.cancel_button.isEnabled()


def test_booking_by_customer_number_and_a_refused_slot_is_named(qtbot, setup):
    branch, samples, appointments, customers = setup
    window, panel = make_window(qtbot, branch, appointments, customers)
    dialog, ok = fill_dialog(qtbot, panel, "customer_no", samples[1].customer_no, "CASH", 10, 0)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    dialog, ok = fill_dialog(qtbot, panel, "customer_no", samples[1].customer_no, "CASH", 10, 15)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already has an appointment" in panel.status.text(), timeout=3000)
    assert panel.status.text() == "Not done: This customer already has an appointment at 2026-11-23 10:00."
    assert panel.model.rowCount() == 1
    dialog, ok = fill_dialog(qtbot, panel, "customer_no", samples[2].customer_no, "CASH", 9, 0)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is in the past" in panel.status.text(), timeout=3000)


def test_an_unknown_number_keeps_the_book_button_off(qtbot, setup):
    branch, samples, appointments, customers = setup
    window, panel = make_window(qtbot, branch, appointments, customers)
    qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
    dialog = panel.book_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData(LookupKind.PHONE.value))
    dialog.number.setText("13900000000")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.found.text() == "No customer has this number.", timeout=3000)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_the_day_picker_shows_other_days(qtbot, setup):
    branch, samples, appointments, customers = setup
    customer = appointments.customer_by_number(SUPERVISOR, samples[0].customer_no).customer_id
    appointments.book(SUPERVISOR, customer, "FX", datetime(2026, 11, 24, 14, 0))
    window, panel = make_window(qtbot, branch, appointments, customers)
    assert panel.model.rowCount() == 0
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    assert panel.model.index(0, 0).data() == "14:00-14:30"
    qtbot.mouseClick(panel.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=3000)


def test_a_teller_actor_is_refused_by_the_service_not_the_widget(qtbot, setup):
    branch, samples, appointments, customers = setup
    kiosk = session_of("DEMO", "KIOSK", Role.KIOSK, "TEST")
    panel = AppointmentsPanel(appointments, kiosk)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.status.text() == "Not done: Your role may not do this.", timeout=3000)


HOSTILE_NAME = "<b>W</b><span style='font-size:1pt'>ang</span>*<img src='x'>"


def test_a_customers_name_is_shown_as_characters_never_as_markup(qtbot, setup):
    """A name from the customer file is data: markup in it is shown, not rendered (the book dialog's find line,
    the reveal dialog's question)."""
    branch, samples, appointments, customers = setup
    real = customer_finder(customers, SUPERVISOR)

    def find(kind, value):
        pick = real(kind, value)
        return replace(pick, masked_name=HOSTILE_NAME) if pick else None

    panel = AppointmentsPanel(appointments, SUPERVISOR, find)
    window = SupervisorWindow(
        SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR),
        branch.i18n,
        None,
        Recorder(),
        "Demo",
        poll_ms=200,
        appointments=panel,
    )
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(panel)
    dialog, _ok = fill_dialog(qtbot, panel, LookupKind.CARD_NUMBER.value, samples[0].card_number, "LOANS", 10, 30)
    assert shown_text(dialog.found) == f"{HOSTILE_NAME} ({samples[0].customer_no})"
    dialog.reject()  # closed here, not at teardown: its window's last warnings would land in the next test
    reveal = RevealDialog(HOSTILE_NAME)
    qtbot.addWidget(reveal)
    assert HOSTILE_NAME in " ".join(shown_text(label) for label in reveal.findChildren(QLabel))
