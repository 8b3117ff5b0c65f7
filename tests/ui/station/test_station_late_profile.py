"""A profile that comes back after its customer has left the counter is not shown (StationWindow.show_profile_reply).

The profile load runs on a worker (CommandRunner.load_profile); its answer can be late (a slow branch server). By
then the teller may have finished the visit, and the next customer may stand at the window, or the teller may have
identified the same visit as another customer (Ctrl+I): a reply to an earlier request does not cover a later one.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from station_harness import Harness, wait_until

from queueing.core.tickets import TransactionLine

K = Qt.Key
KEY = bytes(range(32))
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    harness.samples = harness.with_customers(KEY).samples
    yield harness
    harness.close()


def _slow_open(station):
    """desk.open answers (the server has read and audited the profile), but its reply is held back until released."""
    desk = station.ctx.customers
    real_open = desk.open
    answered, release = threading.Event(), threading.Event()

    def slow(staff, customer_id, ticket_id):
        profile = real_open(staff, customer_id, ticket_id)
        answered.set()
        release.wait(10)
        return profile

    desk.open = slow
    return answered, release


def _until_counter(station, check):
    def seen():
        station.window.refresh()
        counter = station.counter()
        return counter is not None and check(counter)

    wait_until(seen)
    wait_until(lambda: not station.window._refreshing)  # the screen has painted what the store holds


def _answered_records(station):
    from sqlalchemy import select

    from models.customers.tables import CrossSellOutcomeRow

    with station.store.read_session() as s:
        return [(r.customer_id, r.ticket_id, r.outcome) for r in s.scalars(select(CrossSellOutcomeRow))]


def test_a_profile_answered_after_the_visit_ended_is_not_shown(station):
    answered, release = _slow_open(station)
    first = station.branch.issue_ticket("CASH", customer_id="1").ticket
    station.sign_in()
    station.window.refresh_timer.stop()  # the answer lands between two of the once-a-second refreshes
    station.key(K.Key_F1)  # the call; the station starts loading customer 1's profile
    wait_until(answered.is_set)
    # Meanwhile the visit goes on and ends (F3, F4): the customer leaves the window.
    station.branch.start("C1")
    station.branch.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    _until_counter(station, lambda c: c.current is None)
    assert station.window.profile is None
    release.set()  # the slow answer arrives now
    wait_until(lambda: not station.window.runner.busy)
    assert station.counter().current is None and first is not None
    assert station.window.profile is None, "the previous customer's profile fills the panel with nobody served"
    assert not station.window.station_actions["outcome_accepted"].isEnabled()


def test_a_profile_answered_late_does_not_show_over_the_next_customer(station):
    answered, release = _slow_open(station)
    station.branch.issue_ticket("CASH", customer_id="1")
    station.branch.issue_ticket("CASH")  # the next customer, not identified yet
    station.sign_in()
    station.window.refresh_timer.stop()  # the answer lands between two of the once-a-second refreshes
    station.key(K.Key_F1)
    wait_until(answered.is_set)
    station.branch.start("C1")
    station.branch.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    nxt = station.branch.call_next("C1").ticket
    _until_counter(station, lambda c: c.current is not None and c.current.id == nxt.id)
    release.set()
    wait_until(lambda: not station.window.runner.busy)
    assert station.counter().current.id == nxt.id
    shown = station.window.profile
    # Alt+1 now ("accepted" on the first suggestion): it is recorded for customer 1, who has left, and paid.
    if shown is not None and shown.prompts:
        station.key(K.Key_1, Qt.KeyboardModifier.AltModifier)
        wait_until(lambda: not station.window.runner.busy)
    assert shown is None, (
        f"customer 1's profile is shown while another customer is served; Alt+1 recorded {_answered_records(station)}"
    )


def test_a_late_profile_of_the_first_customer_does_not_cover_the_relinked_one(station):
    desk = station.ctx.customers
    real_open = desk.open
    answered, release = threading.Event(), threading.Event()

    def slow(staff, customer_id, ticket_id):
        profile = real_open(staff, customer_id, ticket_id)
        answered.set()
        release.wait(10)
        return profile

    desk.open = slow
    first = station.samples[0]
    other = station.samples[-1]
    station.branch.issue_ticket("CASH", customer_id="1")  # linked at the kiosk (the card of customer 1)
    station.sign_in()
    station.window.refresh_timer.stop()
    station.key(K.Key_F1)  # the call: the station starts loading customer 1's profile (slow server)
    wait_until(answered.is_set)
    # The person at the window is someone else: the teller identifies them (Ctrl+I) by their card.
    station.key(K.Key_I, Qt.KeyboardModifier.ControlModifier)
    station.dialog("identifyDialog")
    station.type(other.card_number)
    station.key(K.Key_Return)
    wait_until(lambda: station.window.profile is not None and station.window.profile.customer_no == other.customer_no)
    release.set()  # customer 1's profile arrives now
    wait_until(lambda: not station.window.runner.busy)
    shown = station.window.profile
    linked = station.branch.ticket(station.counter().current.id).customer_id
    assert shown is not None and str(shown.customer_id) == linked, (
        f"the visit is linked to customer {linked}, the panel shows {shown.customer_no if shown else None}"
        f" (customer 1 is {first.customer_no})"
    )
