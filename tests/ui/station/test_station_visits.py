"""Whole visits at the station, driven by the keyboard alone, checked against what the store recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from station_harness import Harness, wait_until

from models.staff.tables import CounterSessionRow
from models.store.tables import EventRow, ServiceRecordRow, TicketRow

K = Qt.Key
# The offscreen platform cannot pass size hints to a window manager; nothing is wrong with the window.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    yield harness
    harness.close()


def _events(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(EventRow.type).order_by(EventRow.position)))


def test_sign_in_opens_the_counter_for_the_teller(station):
    station.sign_in()
    counter = station.counter()
    assert counter.status == "open" and counter.staff_id == "T1001"
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")).staff_id == "T1001"
    assert station.window.stack.currentWidget() is station.window.work_page


def test_a_wrong_pin_is_refused_and_changes_nothing(station):
    station.sign_in_page = station.window.sign_in_page
    station.window.sign_in_page.staff_id.setFocus()
    station.type("T1001")
    station.key(K.Key_Tab)
    station.type("0000")
    station.key(K.Key_Return)
    wait_until(lambda: station.window.sign_in_page.error.text() != "")
    assert "PIN" in station.window.sign_in_page.error.text()
    assert station.ctx.signed_in is None
    assert "counter_opened" not in _events(station.store)


def test_call_start_and_finish_with_two_transaction_types(station):
    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.press(K.Key_F1)
    assert station.window.counter_panel.number.text() == ticket.number
    station.clock.advance(30)
    station.press(K.Key_F3)
    assert station.counter().current.status == "serving"
    station.clock.advance(200)
    station.key(K.Key_F4)
    dialog = station.dialog("finishDialog")
    assert station.focused() is dialog.search
    station.type("cash dep")
    station.key(K.Key_Return)
    station.key(K.Key_Return)  # a second deposit
    station.key(K.Key_Backspace)
    station.type("withdraw")
    station.key(K.Key_Return)
    assert dialog.quantities == {"CASH_DEP": 2, "CASH_WDL": 1}
    station.key(K.Key_Tab)  # to the chosen lines, on the withdrawal
    station.key(K.Key_Tab)  # to its amount
    assert station.focused() is dialog.amount
    station.key(K.Key_A, Qt.KeyboardModifier.ControlModifier)
    station.type("25000")
    station.key(K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    station.settle()
    with station.store.read_session() as s:
        record = s.get(ServiceRecordRow, ticket.id)
        assert record.staff_id == "T1001" and record.counter_id == "C1"
        assert record.service_s == pytest.approx(200)
        assert {(t["code"], t["quantity"]) for t in record.transactions} == {("CASH_DEP", 2.0), ("CASH_WDL", 1.0)}
        assert [t.get("amount") for t in record.transactions if t["code"] == "CASH_WDL"] == [25000.0]
        assert s.get(TicketRow, ticket.id).status == "done"
    assert _events(station.store)[-3:] == ["ticket_called", "service_started", "service_finished"]
    assert station.window.counter_panel.number.text() == "—"
    assert station.ctx.habits[:2] == ["CASH_DEP", "CASH_WDL"]


def test_no_show_after_the_recalls(station):
    ticket = station.branch.issue_ticket("TRANSFER").ticket
    station.sign_in()
    station.press(K.Key_F1)
    assert not station.window.station_actions["no_show"].isEnabled()
    for _ in range(station.branch.config.policy.max_recalls):
        station.press(K.Key_F2)
    assert not station.window.station_actions["recall"].isEnabled()
    station.press(K.Key_F5)
    with station.store.read_session() as s:
        assert s.get(TicketRow, ticket.id).status == "no_show"
        assert s.get(ServiceRecordRow, ticket.id) is None
    assert _events(station.store).count("ticket_recalled") == 3


def test_a_transfer_to_another_service(station):
    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.press(K.Key_F1)
    station.key(K.Key_F6)
    dialog = station.dialog("transferDialog")
    assert station.focused() is dialog.category
    station.key(K.Key_Down)  # from "same service" to the first other service
    chosen = dialog.category.currentData()
    station.key(K.Key_Return)
    station.settle()
    with station.store.read_session() as s:
        row = s.get(TicketRow, ticket.id)
        assert row.status == "waiting" and row.category == chosen and row.transfers == 1
    assert station.counter().current is None


def test_pause_and_resume(station):
    station.sign_in()
    station.key(K.Key_F8)
    dialog = station.dialog("pauseDialog")
    station.key(K.Key_Down)  # lunch -> break
    assert dialog.reason() == "break"
    station.key(K.Key_Return)
    station.settle()
    assert station.counter().status == "paused" and station.counter().pause_reason == "break"
    assert not station.window.station_actions["call_next"].isEnabled()
    station.press(K.Key_F8)
    assert station.counter().status == "open"
    assert _events(station.store)[-2:] == ["counter_paused", "counter_resumed"]


def test_lock_and_unlock_with_the_pin(station):
    station.sign_in()
    station.key(K.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert station.window.locked and station.window.stack.currentWidget() is station.window.lock_page
    assert not station.window.station_actions["call_next"].isEnabled()
    assert station.focused() is station.window.lock_page.pin
    station.type("9999")
    station.key(K.Key_Return)
    wait_until(lambda: station.window.lock_page.error.text() != "")
    assert station.window.locked
    station.window.lock_page.pin.clear()
    station.type("1111")
    station.key(K.Key_Return)
    wait_until(lambda: not station.window.locked)
    station.settle()
    assert station.window.station_actions["call_next"].isEnabled()
    assert station.window.station_actions["new_ticket"].isEnabled()


def test_idle_minutes_lock_the_screen(station, qtbot):
    station.sign_in()
    station.ctx.idle_lock_minutes = 0.001  # 60 ms
    station.window._restart_idle()
    wait_until(lambda: station.window.locked)


def test_after_a_new_pin_the_teller_unlocks_with_it_and_works_on(station):
    """An administrator gave the teller a new PIN while the screen was locked: the old session ends, the one the
    new PIN opened carries on (before, the window kept the old session and the next key signed the teller out)."""
    from models.staff.service import StaffService

    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.key(K.Key_L, Qt.KeyboardModifier.ControlModifier)
    admins = StaffService(station.store, station.branch.branch_id, station.clock)
    admins.reset_pin(admins.verify("A3001", "000000", "ADMIN-PC"), "T1001", "2468")
    station.type("2468")
    station.key(K.Key_Return)
    wait_until(lambda: not station.window.locked)
    station.press(K.Key_F1)
    assert station.ctx.signed_in is not None
    assert station.branch.ticket(ticket.id).status == "called"


def test_enter_held_down_in_the_finish_dialog_adds_one_line_not_one_per_repeat(station):
    """Found by review: every auto-repeated Enter in the search field added one more of the chosen type, so an
    Enter held a moment too long recorded three deposits for one and paid their units."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    dialog = station.finish_dialog_with_one("cash dep")
    for _ in range(2):  # what the keyboard sends while the key stays down
        held = QKeyEvent(QEvent.Type.KeyPress, K.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True)
        QApplication.sendEvent(dialog.search, held)
    assert dialog.quantities == {"CASH_DEP": 1}
    station.key(K.Key_Return)  # a second press is a second deposit
    assert dialog.quantities == {"CASH_DEP": 2}
    dialog.reject()
