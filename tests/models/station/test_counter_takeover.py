"""A counter taken over with its customer: a teller's window closes with a customer at the counter (or a
supervisor releases it), and the next teller who signs in there finishes the visit (found by review: the
counter still named the teller who left, so the new one was refused, and the one who left was counted
signed in for the rest of the day)."""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from models.reports.records_service import RecordsService
from models.staff.service import StaffService
from models.station.counter_desk import CounterDesk
from models.store.tables import StaffRow
from queueing.core.roles import Role
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.reports.piece_rate import load_scheme

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")


def _accounts(store):
    """T1 and T3 by name (the report names its tellers), and the supervisor who reads the report."""
    with store.write_session() as session:
        session.execute(insert(StaffRow), [{"branch_id": "B1", "id": i, "name": i, "role": "teller", "pin_hash": "-",
                                            "active": True} for i in ("T1", "T3")])  # fmt: skip
    add_accounts(store, SUPERVISOR)


def _left_with_a_customer(service, desk, leaver, how):
    service.sign_in("C1", leaver.staff_id)
    service.issue_ticket("CASH")
    desk.call_next(leaver, "C1")
    desk.start(leaver, "C1")
    if how == "window closed":
        service.sign_out("C1", leaver.staff_id, keep_open=True)
    else:
        service.release_counter("C1", "S1")


def test_the_next_teller_finishes_the_visit_and_the_time_is_theirs(service, store, clock):
    leaver, taker = session_of("B1", "T1", Role.TELLER, "ST1"), session_of("B1", "T3", Role.TELLER, "ST1")
    _accounts(store)
    desk = CounterDesk(service, StaffService(store, "B1", clock))
    clock.advance(60)
    _left_with_a_customer(service, desk, leaver, "window closed")
    clock.advance(120)
    service.sign_in("C1", "T3")
    clock.advance(60)
    desk.finish(taker, "C1", [Line("CASH_DEP", 1, 5000)])
    clock.advance(3600)  # T3 stays at the counter an hour
    records = RecordsService(service, load_catalogue())
    day = clock.now().date()
    rows = {r.teller: r for r in records.report(SUPERVISOR, records.period(day, day), load_scheme(), clock.now()).rows}
    assert rows["T3"].time.signed_in_s >= 3600
    assert rows["T1"].time.signed_in_s <= 300  # T1 left after two minutes
    assert rows["T1"].output.visits == 1  # the visit stays credited to the teller who called it
    # Its service time is each teller's own: T1's first minute (none: T1 left at once), T3's last; the two
    # minutes nobody was at the counter are nobody's (T1 was shown serving all three, in none signed in).
    assert (rows["T1"].time.serving_s, rows["T3"].time.serving_s) == (0, 60)
    assert records.visits(records.period(day, day))[0].service_s == 60


def test_after_a_supervisors_release_too(service, store, clock):
    leaver, taker = session_of("B1", "T1", Role.TELLER, "ST1"), session_of("B1", "T3", Role.TELLER, "ST1")
    add_accounts(store, leaver, taker, SUPERVISOR)
    desk = CounterDesk(service, StaffService(store, "B1", clock))
    _left_with_a_customer(service, desk, leaver, "released")
    service.sign_in("C1", "T3")
    desk.finish(taker, "C1", [Line("CASH_DEP", 1, 5000)])
    assert service.state.counters["C1"].staff == "T3" and service.state.counters["C1"].current is None


def test_the_teller_who_left_is_not_counted_signed_in_until_someone_takes_over(service, store, clock):
    """Their time ended when they left, not at the takeover: four hours later it was all theirs, serving too."""
    leaver, taker = session_of("B1", "T1", Role.TELLER, "ST1"), session_of("B1", "T3", Role.TELLER, "ST1")
    _accounts(store)
    desk = CounterDesk(service, StaffService(store, "B1", clock))
    _left_with_a_customer(service, desk, leaver, "window closed")
    clock.advance(4 * 3600)
    service.sign_in("C1", "T3")
    desk.finish(taker, "C1", [Line("CASH_DEP", 1, 5000)])
    records = RecordsService(service, load_catalogue())
    day = clock.now().date()
    rows = {r.teller: r for r in records.report(SUPERVISOR, records.period(day, day), load_scheme(), clock.now()).rows}
    assert rows["T1"].time.signed_in_s <= 300
    assert rows["T1"].time.serving_s <= rows["T1"].time.signed_in_s  # was four hours: the wait for a teller
    assert rows["T3"].time.serving_s <= rows["T3"].time.signed_in_s


@pytest.mark.parametrize("how", ["window closed", "released"])
def test_each_teller_is_credited_with_the_minutes_they_served(service, store, clock, how):
    leaver, taker = session_of("B1", "T1", Role.TELLER, "ST1"), session_of("B1", "T3", Role.TELLER, "ST1")
    _accounts(store)
    desk = CounterDesk(service, StaffService(store, "B1", clock))
    service.sign_in("C1", leaver.staff_id)
    ticket_id = service.issue_ticket("CASH").tickets[0].id
    desk.call_next(leaver, "C1")
    desk.start(leaver, "C1")
    clock.advance(240)
    if how == "window closed":
        service.sign_out("C1", leaver.staff_id, keep_open=True)
    else:
        service.release_counter("C1", "S1")
    clock.advance(1800)
    service.sign_in("C1", "T3")
    clock.advance(180)
    desk.finish(taker, "C1", [Line("CASH_DEP", 1, 5000)])
    records = RecordsService(service, load_catalogue())
    day = clock.now().date()
    report = records.report(SUPERVISOR, records.period(day, day), load_scheme(), clock.now())
    rows = {r.teller: r for r in report.rows}
    assert (rows["T1"].time.serving_s, rows["T3"].time.serving_s) == (240, 180)
    assert (rows["T1"].output.visits, rows["T3"].output.visits) == (1, 0)
    (visit,) = records.visits(records.period(day, day))
    assert (visit.ticket_id, visit.service_s, visit.served_by) == (ticket_id, 420, (("T1", 240.0), ("T3", 180.0)))
