"""The station shows the standard time of the visit in progress and turns the timer amber past it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from station_harness import Harness

from ui.common.style import WARN

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    yield harness
    harness.close()


def test_the_timer_turns_amber_past_the_standard_time(station):
    station.branch.issue_ticket("CASH")  # a 4-minute standard (categories.toml typical_service_min)
    station.sign_in()
    station.press(K.Key_F1)
    station.press(K.Key_F3)
    timer = station.window.counter_panel.timer
    assert timer.caption.text() == "Service time (standard 4:00)"
    assert WARN not in timer.value.styleSheet()
    station.clock.advance(4 * 60 + 5)
    station.settle()
    assert timer.value.text() == "4:05" and WARN in timer.value.styleSheet()


def test_the_timer_leaves_out_the_time_a_visit_was_parked(station):
    """Found by review: after a park and a return the timer ran from the first start, parked time included, and
    turned amber over a visit the record (service_seconds less the time away) times well within its standard."""
    ticket_id = station.branch.issue_ticket("CASH").ticket.id
    station.sign_in()
    station.press(K.Key_F1)
    station.press(K.Key_F3)
    station.clock.advance(60)
    station.press(K.Key_F7)  # park: the customer fetches a document
    station.clock.advance(20 * 60)
    station.branch.return_parked("C1", ticket_id)
    station.clock.advance(30)
    station.settle()
    timer = station.window.counter_panel.timer
    assert timer.value.text() == "1:30" and WARN not in timer.value.styleSheet()
