"""A parked visit is timed for the service it got, not for the time the customer was away.

The customer goes to fetch a document and the teller serves others meanwhile. Timed from start to finish, the
parked visit took in the others' service: the teller's serving time counted it twice, and a one-minute visit
parked for ten came out long enough to skip the short-visit review (found by review).
"""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.store.tables import StaffRow
from queueing.core.categories import load_branch_config
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
    a = service.issue_ticket("CASH").tickets[0].id
    service.call_ticket("C1", a, "document")
    service.start("C1")
    clock.advance(60)
    service.park("C1")
    clock.advance(900)
    service.return_parked("C1", a)
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
