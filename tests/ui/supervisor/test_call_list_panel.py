"""The Call list tab: reminders and maturing deposits masked, an audited reveal, results, booking from a call."""

import secrets
from datetime import date, datetime, timedelta

import pytest
from clear_customers import clear_phones
from PySide6.QtCore import QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from sqlalchemy import insert, select, update
from staff_sessions import session_of

from models.appointments.service import AppointmentService
from models.audit.log import AuditLogRow
from models.customers.service import CustomerService
from models.customers.tables import CallResultRow, HoldingRow
from models.demo.customers import generate_customers
from models.marketing.call_list import CallListService
from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.call_list_panel import CallListPanel
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")
TELLER = session_of("DEMO", "T1001", Role.TELLER, "TEST")
TODAY = date(2026, 11, 23)  # the harness clock: Monday 09:30 at the demo branch
FLAGS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def desk(tmp_path):
    branch = Branch(tmp_path)
    key = secrets.token_bytes(32)
    generate_customers(branch.store, "DEMO", key, 4, today=TODAY, seed=5)
    with branch.store.write_session() as session:
        session.execute(update(HoldingRow).where(HoldingRow.kind == "time_deposit").values(matures_on=None))
        session.execute(insert(HoldingRow.__table__), [
            {"customer_id": cid, "kind": "time_deposit", "product_code": "td_12m", "balance_cents": cents,
             "opened_on": date(2025, 12, 1), "matures_on": TODAY + timedelta(days=days), "risk_level": None}
            for cid, cents, days in ((1, 5_000_000, 3), (2, 90_000_000, 2))
        ])
    appointments = AppointmentService(branch.branch)
    appointments.book(TELLER, 3, "LOANS", datetime(2026, 11, 24, 10, 30))
    customers = CustomerService(branch.store, "DEMO", key, clock=branch.clock, timezone="Asia/Shanghai")
    calls = CallListService(branch.store, "DEMO", clock=branch.clock, timezone="Asia/Shanghai")
    yield branch, calls, customers, appointments
    branch.close()


def make_window(qtbot, desk, actor=SUPERVISOR):
    branch, calls, customers, appointments = desk
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    panel = CallListPanel(calls, actor, customers, appointments)
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200, desk_tabs=(panel,))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 3, timeout=3000)
    return window, panel


def choose(panel, row):
    panel.table.selectionModel().select(panel.model.index(row, 0), FLAGS)


def cells(panel, row):
    return panel.model.cells(panel.model.rows[row])


def test_reminder_first_then_the_largest_deposit_all_masked(qtbot, desk):
    branch = desk[0]
    window, panel = make_window(qtbot, desk)
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Call list"
    assert cells(panel, 0)[0].startswith("Appointment reminder") and cells(panel, 0)[1] == "2026-11-24 10:30"
    assert cells(panel, 1)[:3] == ("Deposit matures in 2 days", "2026-11-25", "900,000")
    assert cells(panel, 2)[2] == "50,000"
    phones = set(clear_phones(branch.store, desk[2].seal).values())
    shown = {c for r in range(3) for c in cells(panel, r)}
    assert not shown & phones
    assert panel.count.text() == "2 deposits to call about · 1 appointment reminder for tomorrow"


def test_a_balance_is_written_the_way_the_interface_language_writes_numbers(qtbot, desk):
    """In Spanish a comma is the decimal mark: the 900,000 balance read as nine hundred (900,000 = 900.0)."""
    branch = desk[0]
    _, panel = make_window(qtbot, desk)
    branch.i18n.set_language("es")
    assert cells(panel, 1)[2] == "900.000" and cells(panel, 2)[2] == "50.000"
    branch.i18n.set_language("zh_CN")
    assert cells(panel, 1)[2] == "900,000"


def test_reveal_takes_a_reason_and_is_audited(qtbot, desk):
    branch = desk[0]
    _, panel = make_window(qtbot, desk)
    choose(panel, 1)
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.reason.setText("ok")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "at least 5" in dialog.note.text()
    dialog.reason.setText("Maturity call")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    customer = panel.model.rows[1].customer_id
    phone = clear_phones(branch.store, desk[2].seal)[customer]
    qtbot.waitUntil(lambda: cells(panel, 1)[5] == phone, timeout=3000)
    with branch.store.read_session() as session:
        (entry,) = session.scalars(select(AuditLogRow).where(AuditLogRow.action == "reveal")).all()
    assert (entry.staff_id, entry.customer_id, entry.detail["reason"]) == ("S2001", customer, "Maturity call")
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cells(panel, 1)[5] != phone, timeout=3000)  # gone with the next list


def test_a_teller_sees_no_reveal_button(qtbot, desk):
    _, panel = make_window(qtbot, desk, TELLER)
    assert panel.reveal_button.isHidden()


def test_results_are_recorded_and_shown(qtbot, desk):
    branch = desk[0]
    _, panel = make_window(qtbot, desk)
    choose(panel, 2)
    qtbot.mouseClick(panel.result_buttons[next(iter(panel.result_buttons))], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text() == "Call recorded: Reached", timeout=3000)
    qtbot.waitUntil(lambda: cells(panel, 2)[7] == "Reached", timeout=3000)
    choose(panel, 0)
    from queueing.customers.profiles import CallResult

    assert not panel.result_buttons[CallResult.APPOINTMENT_BOOKED].isEnabled()  # a reminder books nothing
    qtbot.mouseClick(panel.result_buttons[CallResult.NO_ANSWER], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cells(panel, 0)[7] == "No answer", timeout=3000)
    with branch.store.read_session() as session:
        rows = session.scalars(select(CallResultRow).order_by(CallResultRow.id)).all()
    assert [(r.result, r.holding_id is None) for r in rows] == [("reached", False), ("no_answer", True)]
    # When it was called, in the branch's hours (the harness's 09:30 in Shanghai), not UTC's 01:30.
    tip = panel.model.role_data(panel.model.rows[0], Qt.ItemDataRole.ToolTipRole)
    assert "2026-11-23 09:30 S2001" in tip


def test_appointment_booked_opens_the_booking_with_the_customer_filled_in(qtbot, desk):
    branch, _, _, appointments = desk
    from queueing.customers.profiles import CallResult

    _, panel = make_window(qtbot, desk)
    choose(panel, 1)
    deposit = panel.model.rows[1].deposit
    qtbot.mouseClick(panel.result_buttons[CallResult.APPOINTMENT_BOOKED], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.customer.customer_id == deposit.customer_id
    assert dialog.day.date().toPython() == deposit.matures_on
    dialog.category.setCurrentIndex(dialog.category.findData("LOANS"))
    dialog.time.setTime(QTime(11, 0))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Booked"), timeout=3000)
    (view,) = [v for v in appointments.day(SUPERVISOR, deposit.matures_on) if v.appointment.category == "LOANS"]
    assert view.appointment.customer_id == str(deposit.customer_id)
    with branch.store.read_session() as session:
        (row,) = session.scalars(select(CallResultRow)).all()
    assert (row.result, row.holding_id, row.note) == (
        "appointment_booked", deposit.holding_id, f"appointment {view.appointment.id}")


def test_a_refused_booking_records_no_call(qtbot, desk):
    branch = desk[0]
    from queueing.customers.profiles import CallResult

    _, panel = make_window(qtbot, desk)
    choose(panel, 1)
    qtbot.mouseClick(panel.result_buttons[CallResult.APPOINTMENT_BOOKED], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.category.setCurrentIndex(dialog.category.findData("LOANS"))
    dialog.time.setTime(QTime(3, 0))  # the branch is closed
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Not done"), timeout=3000)
    with branch.store.read_session() as session:
        assert session.scalars(select(CallResultRow)).all() == []
