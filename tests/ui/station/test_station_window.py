"""Languages, the status bar, parking and returning, and what closing the window leaves behind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from station_harness import Harness, wait_until

from models.staff.tables import CounterSessionRow
from models.store.tables import TicketRow

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    yield harness
    harness.close()


class _Offline:
    def status(self):
        return (False, 3, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))


def test_languages_switch_at_run_time_by_keyboard(station):
    station.sign_in()
    button = station.window.counter_panel.buttons[0]
    assert button.text().startswith("Call next")
    station.key(K.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert station.i18n.language == "zh_CN"
    assert button.text().startswith("叫下一位")
    assert station.window.queue_panel.title.text() == "本窗口队列"
    assert station.window.language_actions["zh_CN"].isChecked()
    for expected in ("ko", "es", "en"):
        station.key(K.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert station.i18n.language == expected
    assert button.text().startswith("Call next")


def test_category_names_follow_the_language(station):
    station.branch.issue_ticket("CASH")
    station.sign_in()
    station.press(K.Key_F1)
    station.i18n.set_language("es")
    assert station.window.counter_panel.category.text() == "Caja y depósitos"
    assert "Caja y depósitos" in station.window.queue_panel.counts.text()


def test_status_bar_shows_teller_counter_and_sync_state(station):
    station.sign_in()
    status = station.window.status
    assert status.teller.text() == "Teller: Li Na (T1001)"
    assert status.counter.text() == "Counter 1"
    assert "Online" in status.connection.text()
    station.ctx.sync = _Offline()
    station.settle()
    assert "Offline" in status.connection.text() and "3 events waiting to sync" in status.connection.text()


def test_park_and_return_by_keyboard(station):
    first = station.branch.issue_ticket("CASH").ticket
    station.branch.issue_ticket("CASH")
    station.sign_in()
    station.press(K.Key_F1)
    station.press(K.Key_F3)
    station.press(K.Key_F7)
    assert station.counter().current is None
    station.key(K.Key_F9)
    station.dialog("returnParkedDialog")
    station.key(K.Key_Return)
    station.settle()
    current = station.counter().current
    assert current.id == first.id and current.status == "serving"


def test_closing_the_window_signs_out_and_closes_the_counter(station):
    station.sign_in()
    station.window.close()
    wait_until(lambda: not station.window.isVisible())
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")) is None
    assert station.branch.snapshot().counters[0].status == "closed"


def test_closing_with_a_customer_at_the_counter_keeps_the_counter_open(station):
    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.press(K.Key_F1)
    station.window.close()
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")) is None
        assert s.get(TicketRow, ticket.id).status == "called"
    # Another teller may now take the counter over, customer and all.
    station.other_station("OTHER").sign_in("C1", "T1002")
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")).staff_id == "T1002"
        assert s.get(TicketRow, ticket.id).status == "called"


def test_a_counter_handed_to_another_teller_refuses_this_stations_commands(station):
    """The command path checks the session holds the counter: a supervisor gave C1 to T1002 meanwhile."""
    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.branch.close_counter("C1")
    station.branch.open_counter("C1", "T1002")
    station.press(K.Key_F1)
    assert station.branch.ticket(ticket.id).status == "waiting"
    assert "Another teller is signed in at this counter" in station.window.banner.text()


def test_a_teller_deactivated_while_signed_in_is_signed_out_at_the_next_key(station):
    """An administrator deactivates the teller mid-visit: the next command refuses and the station signs them out,
    leaving the counter open for whoever takes the customer over."""
    from sqlalchemy import update

    from models.store.tables import StaffRow

    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.press(K.Key_F1)
    with station.store.write_session() as s:
        s.execute(update(StaffRow).where(StaffRow.id == "T1001").values(active=False))
    station.press(K.Key_F3)  # start serving: refused
    wait_until(lambda: station.ctx.signed_in is None)
    assert station.window.stack.currentWidget() is station.window.sign_in_page
    assert "Your account was deactivated" in station.window.sign_in_page.error.text()
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")) is None
        assert s.get(TicketRow, ticket.id).status == "called"  # not served by the leaver


@pytest.mark.parametrize(("minutes", "interval_ms"), [(35_000, 2_100_000_000), (10**6, 2**31 - 1), (0, None)])
def test_the_idle_timer_takes_the_longest_lock_and_0_means_never(station, minutes, interval_ms):
    """100000 minutes raised OverflowError in QTimer.start at sign-in; the window now stops at the timer's limit."""
    station.ctx.idle_lock_minutes = minutes
    station.sign_in()
    timer = station.window.idle_timer
    assert timer.isActive() == (interval_ms is not None)
    if interval_ms is not None:
        assert timer.interval() == interval_ms


def test_no_shortcut_fires_again_while_its_key_is_held(station):
    """Found by review: a QAction repeats its shortcut while the key is held (Qt's default), so F2 held a moment
    sent recall after recall (each announced in the hall) until none was left and a no-show was all F5 offered."""
    repeating = [name for name, action in station.window.station_actions.by_name.items() if action.autoRepeat()]
    assert repeating == []
