"""Issuing tickets at the counter, calling out of order, failures, closing, help: by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from station_harness import Harness, wait_until

from models.staff.tables import CounterSessionRow
from models.store.tables import EventRow, TicketRow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path, printer=str(tmp_path / "slip.pdf"))
    yield harness
    harness.close()


def _count_events(store) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(EventRow))


def test_new_ticket_is_shown_large_and_printed(station, tmp_path):
    station.sign_in()
    station.key(K.Key_N, CTRL)
    dialog = station.dialog("issueDialog")
    assert station.focused() is dialog.category
    station.key(K.Key_Tab)
    station.key(K.Key_Down)  # regular -> VIP
    category, priority, _ = dialog.choice()
    assert priority == "vip"
    station.key(K.Key_Return)
    station.settle()
    shown = station.dialog("issuedDialog")
    with station.store.read_session() as s:
        row = s.scalars(select(TicketRow)).one()
    assert (row.category, row.priority, row.status) == (category, "vip", "waiting")
    assert any(label.text() == row.number for label in shown.findChildren(type(station.window.banner)))
    slip = tmp_path / "slip.pdf"
    assert slip.exists() and slip.read_bytes().startswith(b"%PDF")
    station.key(K.Key_Return)  # closes the big number
    wait_until(lambda: station.window.commands.dialog is None)


def test_issue_and_call_in_one_step(station):
    station.sign_in()
    station.key(K.Key_N, CTRL)
    station.dialog("issueDialog")
    station.key(K.Key_Return, CTRL)
    station.settle()
    current = station.counter().current
    assert current is not None and current.status == "called" and current.staff_id == "T1001"
    assert station.window.counter_panel.number.text() == current.number


def test_calling_out_of_order_needs_a_reason(station):
    first = station.branch.issue_ticket("CASH").ticket
    second = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    assert [t.id for t in station.window.queue_panel.model.tickets] == [first.id, second.id]
    station.key(K.Key_F10)
    dialog = station.dialog("callChosenDialog")
    station.key(K.Key_Down)
    station.key(K.Key_Return)  # to the reason field
    assert station.focused() is dialog.reason
    station.key(K.Key_Return)  # no reason yet: refused, the dialog stays
    assert dialog.isVisible() and dialog.note.text()
    station.type("appointment arrived")
    station.key(K.Key_Return)
    station.settle()
    with station.store.read_session() as s:
        row = s.get(TicketRow, second.id)
    assert row.status == "called" and row.out_of_order_reason == "appointment arrived"
    assert s.get(TicketRow, first.id).status == "waiting"


def test_a_refused_command_says_why_and_changes_nothing(station):
    station.sign_in()
    before = _count_events(station.store)
    station.press(K.Key_F1)  # nobody waits
    assert station.window.banner.isVisible()
    assert station.window.banner.text() == "No customer is waiting for this counter."
    assert _count_events(station.store) == before


def test_close_counter_signs_out(station):
    station.sign_in()
    station.press(K.Key_Q, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert station.window.stack.currentWidget() is station.window.sign_in_page
    assert station.counter().status == "closed"
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")) is None


def test_a_second_teller_cannot_take_a_held_counter(station, qtbot, tmp_path):
    station.other_station("OTHER").sign_in("C1", "T1002")
    station.window.sign_in_page.staff_id.setFocus()
    station.type("T1001")
    station.key(K.Key_Tab)
    station.type("1111")
    station.key(K.Key_Return)
    wait_until(lambda: station.window.sign_in_page.error.text() != "")
    assert "Kim Min-jun (T1002) still holds counter 1" in station.window.sign_in_page.error.text()
    assert station.ctx.signed_in is None


def test_help_overlay_lists_every_shortcut(station):
    station.sign_in()
    station.key(K.Key_F12)
    overlay = station.dialog("helpOverlay")
    texts = [label.text() for label in overlay.findChildren(type(station.window.banner))]
    for key in ("F1", "F4", "F8", "Ctrl+L", "Ctrl+N"):
        assert any(key in text for text in texts), key
    station.key(K.Key_Escape)
    wait_until(lambda: station.window.commands.dialog is None)


def test_enter_on_a_queue_row_calls_it_out_of_order(station):
    station.branch.issue_ticket("CASH")
    second = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    assert station.focused() is station.window.queue_panel.view
    station.key(K.Key_Down)
    station.key(K.Key_Down)
    assert station.window.queue_panel.chosen_ticket() == second.id
    station.key(K.Key_Return)
    dialog = station.dialog("callChosenDialog")
    assert station.focused() is dialog.reason
    station.type("wheelchair user")
    station.key(K.Key_Return)
    station.settle()
    assert station.counter().current.id == second.id
