"""A parked visit is timed for the service it got, not for the time the customer was away.

The customer goes to fetch a document and the teller serves others meanwhile. Timed from start to finish, the
parked visit took in the others' service: the teller's serving time counted it twice, and a one-minute visit
parked for ten came out long enough to skip the short-visit review (found by review).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.store.tables import StaffRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.reports.piece_rate import load_scheme

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")


@pytest.fixture
def tellers(store):
    with store.write_session() as session:
        session.execute(insert(StaffRow), [{"branch_id": "B1", "id": i, "name": i, "role": "teller", "pin_hash": "-",
                                            "active": True} for i in ("T1", "T2")])  # fmt: skip
    add_accounts(store, SUPERVISOR)


def parked_visit(service, clock, before_s, away_s, after_s, lines):
    """Ticket A served ``before_s``, parked while B is served ``away_s``, then served ``after_s`` more."""
    a = service.issue_ticket("CASH").tickets[0].id
    b = service.issue_ticket("CASH").tickets[0].id
    service.call_ticket("C1", a, "document")
    service.start("C1")
    clock.advance(before_s)
    service.park("C1")
    service.call_ticket("C1", b, "next")
    service.start("C1")
    clock.advance(away_s)
    service.finish("C1", [Line("ACCT_OPEN")])
    service.return_parked("C1", a)
    clock.advance(after_s)
    service.finish("C1", lines)
    return a, b


def park_and_return(branch, clock, served_s, away_s, category="CASH", step_s=0.0):
    """A ticket served ``served_s`` at C1, parked ``away_s`` (the wall clock stepped ``step_s`` meanwhile), back."""
    a = branch.issue_ticket(category).tickets[0].id
    branch.call_ticket("C1", a, "document")
    branch.start("C1")
    clock.advance(served_s)
    branch.park("C1")
    clock.advance(away_s)
    if step_s:
        clock.step_wall(step_s)
    branch.return_parked("C1", a)
    return a


def visits_today(service, clock):
    records = RecordsService(service, load_catalogue())
    day = clock.now().date()
    period = records.period(day, day)
    return records, period, {v.ticket_id: v for v in records.visits(period)}


def test_the_time_away_is_not_the_visits_service(service, clock, tellers):
    a, b = parked_visit(service, clock, 60, 1200, 60, [Line("ACCT_OPEN")])
    records, period, visits = visits_today(service, clock)
    assert (visits[a].service_s, visits[b].service_s) == (120, 1200)
    report = records.report(SUPERVISOR, period, load_scheme(), clock.now())
    teller = next(r for r in report.rows if r.teller == "T1")
    assert teller.time.serving_s == 60 + 1200 + 60  # the 22 minutes at the counter, once


def test_a_short_visit_parked_for_ten_minutes_is_still_reviewed(service, clock, tellers):
    a, _ = parked_visit(service, clock, 30, 600, 30, [Line("ACCT_OPEN"), Line("CARD_ISSUE"), Line("DEP_CERT")])
    _records, _period, visits = visits_today(service, clock)
    assert visits[a].service_s == 60 and visits[a].short


def test_the_time_away_survives_a_restart(service, store, clock, tellers):
    """Parked and returned before the station's program restarts, finished after: the state the new program
    loads from the store must still know how long the ticket was away."""
    a = park_and_return(service, clock, 60, 900)
    restarted = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    assert restarted.state.tickets[a].parked_s == 900
    clock.advance(60)
    restarted.finish("C1", [Line("ACCT_OPEN")])
    _records, _period, visits = visits_today(restarted, clock)
    assert visits[a].service_s == 120


def test_a_ticket_parked_before_its_service_started_has_no_time_away(service, clock, tellers):
    a = service.issue_ticket("CASH").tickets[0].id
    service.call_ticket("C1", a, "document")
    service.park("C1")  # called, not yet served: the service has not begun
    clock.advance(600)
    service.return_parked("C1", a)
    service.start("C1")
    clock.advance(90)
    service.finish("C1", [Line("ACCT_OPEN")])
    _records, _period, visits = visits_today(service, clock)
    assert visits[a].service_s == 90


def test_time_parked_at_one_counter_is_not_taken_off_the_next_counters_service(service, clock, tellers):
    a = park_and_return(service, clock, 60, 900, category="TRANSFER")
    clock.advance(30)
    service.transfer("C1", to_counter="C2")  # the service starts again at C2
    service.call_ticket("C2", a, "transferred")
    service.start("C2")
    clock.advance(300)
    service.finish("C2", [Line("ACCT_OPEN")])
    assert service.state.tickets[a].service_seconds == 300  # it came out 0: C1's 900 s away taken off


class SteppedClock(ManualClock):
    """A PC whose wall clock is stepped (NTP, a person) while its monotonic clock runs on."""

    def step_wall(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


def test_the_time_away_is_timed_on_the_clock_the_service_is(store):
    """Two minutes away while the PC's clock was set three hours forward took 3 h 2 min off: no service left."""
    clock = SteppedClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    branch = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    branch.ensure_branch("Test branch")
    branch.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    branch.open_counter("C1", "T1")
    a = park_and_return(branch, clock, 600, 120, step_s=3 * 3600)
    clock.advance(600)
    branch.finish("C1", [Line("ACCT_OPEN")])
    assert branch.state.tickets[a].service_seconds == 1200
