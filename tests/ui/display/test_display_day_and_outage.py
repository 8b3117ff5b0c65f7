"""The hall display the next morning lists none of yesterday's calls; back from a lost store it does not call a
customer who was served while it was away."""

import pytest
from screens_harness import OFFSCREEN_NOISE, QUIET, Branch, Recorder

from models.store.errors import StoreUnavailable
from queueing.core.tickets import TransactionLine
from ui.display.window import DisplayWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


def _yesterday_served(branch):
    branch.other.issue_ticket("CASH")
    branch.other.call_next("C1", "T1001")
    branch.other.start("C1")
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])
    branch.other.close_counter("C1")
    branch.clock.advance(23 * 3600)  # Tuesday 08:30 at the branch: the branch opens, nothing issued yet today


def _shown(display):
    return [label.text() for label in display.recent_labels if label.text()]


def test_a_display_started_next_morning_lists_no_calls_of_yesterday(qtbot, branch):
    _yesterday_served(branch)
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    assert _shown(display) == []  # it showed yesterday's A001 under "Latest calls"


def test_a_display_left_on_overnight_drops_yesterdays_calls(qtbot, branch):
    branch.other.issue_ticket("CASH")
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: _shown(display) == ["A001  →  1"], timeout=2000)
    branch.other.start("C1")
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])
    branch.other.close_counter("C1")
    branch.clock.advance(23 * 3600)
    qtbot.wait(600)
    assert _shown(display) == []


def test_a_call_whose_customer_was_served_during_the_outage_is_not_announced(qtbot, branch):
    link = {"down": False}

    def query():
        if link["down"]:
            raise StoreUnavailable("branch server: connection refused")
        return branch.branch.snapshot()

    branch.other.issue_ticket("CASH")
    recorder = Recorder()
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, recorder, "Demo", poll_ms=200, query=query)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    link["down"] = True
    qtbot.waitUntil(lambda: display.reconnecting, timeout=2000)
    branch.other.call_next("C1", "T1001")  # the hall hears nothing: A001 sees the teller wave, walks up
    branch.clock.advance(60)
    branch.other.start("C1")
    branch.clock.advance(300)
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])  # A001 served and gone; counter 1 idle
    link["down"] = False
    qtbot.waitUntil(lambda: not display.reconnecting, timeout=2000)
    qtbot.wait(300)
    assert display.now_serving() == []  # the screen itself knows counter 1 serves nobody
    # "Ticket A001, please go to counter 1" was chimed, spoken and flashed for a finished visit
    assert recorder.calls == []
    assert not display.flash.isVisible()
