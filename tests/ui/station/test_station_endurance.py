"""A teller station left open from Monday to Saturday: what it holds stays the same size whatever the customers."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from station_harness import Harness, wait_until

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WARM_UP = 20
MEASURED = 50


@pytest.fixture
def station(qtbot, tmp_path):
    h = Harness(qtbot, tmp_path)
    yield h
    h.close()


def _serve_one(station: Harness) -> None:
    """A customer issued, called (F1), served (F3) and finished with one deposit through the finish dialog."""
    actions = station.window.station_actions
    station.branch.issue_ticket("CASH")
    station.clock.advance(20)
    actions["call_next"].trigger()
    station.settle()
    actions["start"].trigger()
    station.settle()
    actions["finish"].trigger()
    dialog = station.dialog("finishDialog")
    dialog.quantities["CASH_DEP"] = 1
    dialog._accept()
    wait_until(lambda: station.window.commands.dialog is None)
    station.settle()


def _held() -> tuple[int, int]:
    """Live widgets and Python objects, once deferred deletes and the collector have run."""
    QApplication.sendPostedEvents(None, 0)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # closed dialogs, ended processes
    gc.collect()
    return len(QApplication.allWidgets()), len(gc.get_objects())


def test_thousands_of_customers_leave_no_widgets_nor_jobs_behind(station):
    """Each customer's dialog is deleted once closed, and each command's and refresh's job is freed once it has
    answered: a station kept every job, its work and its callbacks (130 objects a customer, and as many again
    at each refresh of every second), and grew by hundreds of megabytes in a week."""
    station.sign_in()
    for _ in range(WARM_UP):
        _serve_one(station)
    widgets, objects = _held()
    children = len(station.window.findChildren(QObject))
    for _ in range(MEASURED):
        _serve_one(station)
    later_widgets, later_objects = _held()
    assert station.counter().current is None
    # A pending refresh's single-shot timer may come and go: a leak would be one or more a customer.
    assert later_widgets == widgets and len(station.window.findChildren(QObject)) <= children + 2
    # A few objects a customer are the day's own data (the tickets, the finish dialog's habits); not its jobs.
    assert later_objects - objects < 15 * MEASURED, f"{(later_objects - objects) / MEASURED:.0f} objects a customer"
