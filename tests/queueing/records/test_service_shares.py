"""A visit served by more than one teller credits each with the seconds they served (queueing.core.service_shares).

Found by review: T1 parked a customer after five minutes and signed out, T2 signed in, brought the customer back
and served 400 s more, and teller time gave T1 700 s of serving in 300 s signed in and T2 none. The same
happened when a counter was taken over with its customer at the window.
"""

from dataclasses import replace
from datetime import timedelta

import pytest

from queueing.core.commands import Commands
from queueing.core.events import EventType, StationContext
from queueing.core.reducer import apply
from queueing.core.service_shares import read_shares, shares_at_finish
from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import load_catalogue
from queueing.records.teller_time import build_sessions, teller_times
from queueing.records.visits import build_visits
from queueing.reports.piece_rate import load_scheme
from queueing.reports.piece_rate_report import ReportPeriod, StaffMember, build_report

DEPOSIT = [TransactionLine("CASH_DEP", 1, 5000)]


def _visits(engine):
    return {v.ticket_id: v for v in build_visits(engine.journal, load_catalogue(), "Asia/Shanghai")}


def _times(engine, start, end):
    return teller_times(build_sessions(engine.journal), list(_visits(engine).values()), start, end)


def _report(engine, clock):
    day = (clock.now() + timedelta(hours=8)).date()
    staff = [StaffMember(t, t) for t in ("T1", "T2", "T3")]
    visits = list(_visits(engine).values())
    return build_report(visits, ReportPeriod(day, day, "Asia/Shanghai"), load_scheme(),
                        build_sessions(engine.journal), staff, (), clock.now())  # fmt: skip


def _finish(engine):
    return next(e for e in reversed(engine.journal) if e.type is EventType.SERVICE_FINISHED)


def _served(engine, clock, teller, seconds):
    """``teller`` signs in at C1, calls and starts the next customer, serves ``seconds``; the ticket's id."""
    engine.execute(lambda c: c.sign_in("C1", teller))
    ticket_id = engine.execute(lambda c: c.call_next("C1", teller))[0].payload["ticket_id"]
    engine.execute(lambda c: c.start("C1"))
    clock.advance(seconds)
    return ticket_id


def _hand_over_parked(engine, clock, ticket_id, leaver, taker, away_s):
    """``leaver`` parks the customer and signs out; ``away_s`` later ``taker`` signs in and brings them back."""
    engine.execute(lambda c: c.park("C1"))
    engine.execute(lambda c: c.sign_out("C1", leaver))
    clock.advance(away_s)
    engine.execute(lambda c: c.sign_in("C1", taker))
    engine.execute(lambda c: c.return_parked("C1", ticket_id))


def test_three_tellers_each_get_their_part_and_the_caller_keeps_the_visit(engine, clock):
    start = clock.now()
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 100)
    _hand_over_parked(engine, clock, ticket_id, "T1", "T2", 300)
    clock.advance(200)
    _hand_over_parked(engine, clock, ticket_id, "T2", "T3", 50)
    clock.advance(300)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    finish = _finish(engine)
    assert finish.payload["service_seconds"] == 600
    assert finish.payload["shares"] == [["T1", 100.0], ["T2", 200.0], ["T3", 300.0]]
    visit = _visits(engine)[ticket_id]
    assert visit.teller == "T1" and visit.service_s == 600
    assert visit.served_by == (("T1", 100.0), ("T2", 200.0), ("T3", 300.0))
    times = _times(engine, start, clock.now())
    assert {t: times[t].serving_s for t in ("T1", "T2", "T3")} == {"T1": 100, "T2": 200, "T3": 300}
    for time in times.values():
        assert 0 <= time.serving_s <= time.signed_in_s
    # Today's rule for the rest: the visit, its units and its time judged against the standard are the caller's.
    rows = {r.teller: r for r in _report(engine, clock).rows}
    assert (rows["T1"].output.visits, rows["T2"].output.visits, rows["T3"].output.visits) == (1, 0, 0)
    assert rows["T1"].output.standard_units > 0 == rows["T2"].output.standard_units
    assert (rows["T1"].time.serving_s, rows["T2"].time.serving_s, rows["T3"].time.serving_s) == (100, 200, 300)
    assert rows["T1"].output.service_ratio == pytest.approx(600 / visit.standard_s)


def test_a_visit_parked_and_returned_by_the_same_teller_reads_as_before(engine, clock):
    start = clock.now()
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 120.25)
    engine.execute(lambda c: c.park("C1"))
    clock.advance(900)
    engine.execute(lambda c: c.return_parked("C1", ticket_id))
    clock.advance(60.5)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    finish = _finish(engine)
    assert "shares" not in finish.payload and finish.payload["service_seconds"] == 180.75
    visit = _visits(engine)[ticket_id]
    assert visit.shares is None and visit.served_by == (("T1", 180.75),)
    assert _times(engine, start, clock.now())["T1"].serving_s == 180.75


def test_a_park_spanning_the_tellers_break(engine, clock):
    """T1 parks the customer, goes on a break, comes back and finishes: the break is paused time, the park is
    nobody's service, the visit is T1's alone, and serving and pauses fit in the time signed in."""
    start = clock.now()
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 240)
    engine.execute(lambda c: c.park("C1"))
    engine.execute(lambda c: c.pause("C1", "lunch"))
    clock.advance(1800)
    engine.execute(lambda c: c.resume("C1"))
    clock.advance(30)
    engine.execute(lambda c: c.return_parked("C1", ticket_id))
    clock.advance(60)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    assert "shares" not in _finish(engine).payload
    time = _times(engine, start, clock.now())["T1"]
    assert (time.serving_s, time.paused_s) == (300, 1800)
    assert time.serving_s + time.paused_s <= time.signed_in_s == 2130
    assert time.idle_s == 30


def test_the_break_of_the_teller_who_parked_while_another_covers(engine, clock):
    """T1 parks and signs out for lunch; T2 covers the counter, serves another customer meanwhile and brings T1's
    customer back: T2's other customer and T2's part of the parked one are T2's, T1's part T1's."""
    start = clock.now()
    engine.execute(lambda c: c.issue_ticket("CASH"))
    engine.execute(lambda c: c.issue_ticket("CASH"))
    parked = _served(engine, clock, "T1", 150)
    engine.execute(lambda c: c.park("C1"))
    engine.execute(lambda c: c.sign_out("C1", "T1"))
    clock.advance(60)
    other = _served(engine, clock, "T2", 500)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    engine.execute(lambda c: c.return_parked("C1", parked))
    clock.advance(90)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    visits = _visits(engine)
    assert visits[other].served_by == (("T2", 500.0),)
    assert visits[parked].served_by == (("T1", 150.0), ("T2", 90.0))
    times = _times(engine, start, clock.now())
    assert (times["T1"].serving_s, times["T2"].serving_s) == (150, 590)
    assert times["T1"].serving_s <= times["T1"].signed_in_s and times["T2"].serving_s <= times["T2"].signed_in_s


def _left_and_taken_over(engine, clock, how: str, away_s: float):
    """T1 serves a customer 60 s and leaves them at the window (``how``: the window closed, or a supervisor at
    another station released the counter); ``away_s`` later T3 signs in and finishes in 90 s. Returns the ticket's
    id and the finish, checked: nobody served the time between, so each gets their own and the service is 150 s."""
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 60)
    if how == "window closed":
        engine.execute(lambda c: c.sign_out("C1", "T1", keep_open=True))
    else:
        supervisor = Commands(engine.state, StationContext("B1", "SUPERVISOR-PC", clock))
        engine.commit(supervisor.release_counter("C1", "S1"))
    clock.advance(away_s)
    engine.execute(lambda c: c.sign_in("C1", "T3"))
    clock.advance(90)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    finish = _finish(engine)
    assert finish.payload["service_seconds"] == 150
    assert finish.payload["shares"] == [["T1", 60.0], ["T3", 90.0]]
    return ticket_id, finish


@pytest.mark.parametrize("how", ["window closed", "released"])
def test_a_counter_taken_over_with_its_customer(engine, clock, how):
    """T1 starts a customer and leaves with them at the window (the window closed, or a supervisor at another
    station released the counter); four hours later T3 signs in and finishes in 90 s. Nobody served the four hours:
    T1 gets their 60 s, T3 their 90 s, and the service is the 150 s somebody served."""
    start = clock.now()
    ticket_id, finish = _left_and_taken_over(engine, clock, how, 4 * 3600)
    assert _visits(engine)[ticket_id].teller == "T1"
    times = _times(engine, start, clock.now())
    assert (times["T1"].serving_s, times["T3"].serving_s) == (60, 90)
    assert times["T1"].serving_s <= times["T1"].signed_in_s and times["T3"].serving_s <= times["T3"].signed_in_s


def test_a_customer_left_called_and_not_yet_served_is_all_the_next_tellers(engine, clock):
    engine.execute(lambda c: c.issue_ticket("CASH"))
    engine.execute(lambda c: c.sign_in("C1", "T1"))
    ticket_id = engine.execute(lambda c: c.call_next("C1", "T1"))[0].payload["ticket_id"]
    engine.execute(lambda c: c.sign_out("C1", "T1", keep_open=True))
    clock.advance(600)
    engine.execute(lambda c: c.sign_in("C1", "T3"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(200)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    visit = _visits(engine)[ticket_id]
    assert visit.teller == "T1" and visit.service_s == 200 and visit.served_by == (("T3", 200.0),)


def test_the_same_teller_back_after_leaving_the_customer_at_the_window(engine, clock):
    """A restarted station's teller who signed out with the customer there and signs in again: one teller, no
    shares, and the time they were signed out is not service."""
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 100)
    engine.execute(lambda c: c.sign_out("C1", "T1", keep_open=True))
    clock.advance(300)
    engine.execute(lambda c: c.sign_in("C1", "T1"))
    clock.advance(50)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    assert "shares" not in _finish(engine).payload
    assert _visits(engine)[ticket_id].service_s == 150


def test_a_transfer_starts_the_split_again(engine, clock):
    """Parked by T1, brought back by T2 and sent on to counter 2: the service there starts from nothing (as
    today), and so does its split; T2 at counter 2 served all of what is counted."""
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 100)
    _hand_over_parked(engine, clock, ticket_id, "T1", "T2", 60)
    engine.execute(lambda c: c.transfer("C1", to_counter="C2"))
    engine.execute(lambda c: c.sign_out("C1", "T2"))
    engine.execute(lambda c: c.sign_in("C2", "T2"))
    engine.execute(lambda c: c.call_ticket("C2", ticket_id, "transferred", "T2"))
    engine.execute(lambda c: c.start("C2"))
    clock.advance(70)
    engine.execute(lambda c: c.finish("C2", DEPOSIT))
    visit = _visits(engine)[ticket_id]
    assert visit.teller == "T2" and visit.service_s == 70 and visit.shares is None


def test_old_finish_events_without_shares_read_as_before(engine, clock):
    """A journal from before the split (park, sign-in and finish payloads without the new figures): the whole
    service is the caller's, as it always was."""
    start = clock.now()
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 300)
    _hand_over_parked(engine, clock, ticket_id, "T1", "T2", 600)
    clock.advance(400)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    new = ("shares", "served_s")
    engine.journal[:] = [
        replace(e, payload={k: v for k, v in e.payload.items() if k not in new}) for e in engine.journal
    ]
    visit = _visits(engine)[ticket_id]
    assert visit.shares is None and visit.served_by == (("T1", 700.0),)
    times = _times(engine, start, clock.now())
    assert times["T1"].serving_s == 700 and times["T2"].serving_s == 0


@pytest.mark.parametrize(
    "shares",
    [
        [["T1", -100.0], ["T2", 800.0]],  # negative
        [["T1", 300.0], ["T2", 500.0]],  # more than the service
        [["T1", float("nan")], ["T2", 400.0]],
        [["T1", 300.0], ["T1", 400.0]],  # one teller twice
        [["", 300.0], ["T2", 400.0]],
        [["T" * 33, 300.0], ["T2", 400.0]],
        [["T1", True], ["T2", 699.0]],
        [["T1", 300.0, "x"], ["T2", 400.0]],
        [["T1", 700.0]] * 21,
        "T1:300,T2:400",
        [],
    ],
)
def test_shares_that_are_not_the_parts_of_the_visit_are_not_read(shares):
    payload = {"service_seconds": 700.0, "shares": shares}
    assert read_shares(payload) is None


def test_shares_from_marks_of_clocks_that_disagree():
    """Marks read on two stations' clocks: one below an earlier one, one beyond the whole service. No part is
    negative, none counted twice, and they add up to the service."""
    shares = shares_at_finish((("T1", 300.0), ("T2", 250.0), ("T3", 900.0)), 700.0, "T4", "T1")
    assert shares == [["T1", 300.0], ["T3", 400.0]]
    assert shares_at_finish((("T1", 0.0),), 50.0, "T1", "T1") is None
    assert shares_at_finish((("T1", 10.0),), 0.0, "T2", "T1") is None  # nothing served: nothing to split
    thirds = shares_at_finish((("T1", 0.1), ("T2", 0.3)), 0.6, "T3", "T1")
    assert thirds is not None and sum(s for _, s in thirds) == pytest.approx(0.6, abs=1e-9)


def test_a_customer_parked_before_the_service_began_is_all_the_tellers_who_served_them(engine, clock):
    engine.execute(lambda c: c.issue_ticket("CASH"))
    engine.execute(lambda c: c.sign_in("C1", "T1"))
    ticket_id = engine.execute(lambda c: c.call_next("C1", "T1"))[0].payload["ticket_id"]
    _hand_over_parked(engine, clock, ticket_id, "T1", "T2", 300)
    engine.execute(lambda c: c.start("C1"))
    clock.advance(80)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    visit = _visits(engine)[ticket_id]
    assert visit.teller == "T1" and visit.served_by == (("T2", 80.0),)


def test_a_customer_left_at_the_window_over_a_weekend(engine, clock):
    """Found by review: a ticket left at the counter stays there across midnight (no day end closes it), so the
    teller who signs in on Monday morning may take over a visit begun on Friday. The sign-in's service so far
    (three days) was no figure a clock can have measured (over a day), so the weekend nobody was signed in was
    not taken off: the visit recorded 64 hours of service, all the caller's (the parts over a day were refused
    too), where T1 served 60 s and T3 90 s."""
    start = clock.now()
    ticket_id, _finish_event = _left_and_taken_over(engine, clock, "window closed", 64 * 3600)
    assert _visits(engine)[ticket_id].served_by == (("T1", 60.0), ("T3", 90.0))
    times = _times(engine, start, clock.now())
    assert (times["T1"].serving_s, times["T3"].serving_s) == (60, 90)


def test_a_park_made_offline_before_a_release_that_reached_the_store_first(engine, clock):
    """Found by review: T1's station, offline, parks the customer after 300 s and T1 signs out; upstream still
    shows T1 serving at C1, and ten minutes later a supervisor releases the counter (the release's mark: 900 s
    served, the parked time in it). The park reaches the store after the release. T2 then brings the customer
    back and serves 400 s: the split read T1's part as ending at the release, gave T1 the whole 700 s and T2
    none."""
    from copy import deepcopy

    start = clock.now()
    engine.execute(lambda c: c.issue_ticket("CASH"))
    ticket_id = _served(engine, clock, "T1", 300)
    offline = deepcopy(engine.state)
    station = Commands(offline, engine.ctx)
    late = []
    for decide in (lambda: station.park("C1"), lambda: station.sign_out("C1", "T1")):
        for event in decide():
            apply(offline, event)
            late.append(event)
    clock.advance(600)
    supervisor = Commands(engine.state, StationContext("B1", "SUPERVISOR-PC", clock))
    engine.commit(supervisor.release_counter("C1", "S1"))
    engine.commit(late)  # the station back: its park and sign-out reach the store after the release
    clock.advance(60)
    engine.execute(lambda c: c.sign_in("C1", "T2"))
    engine.execute(lambda c: c.return_parked("C1", ticket_id))
    clock.advance(400)
    engine.execute(lambda c: c.finish("C1", DEPOSIT))
    finish = _finish(engine)
    assert finish.payload["service_seconds"] == 700
    assert finish.payload["shares"] == [["T1", 300.0], ["T2", 400.0]]
    times = _times(engine, start, clock.now())
    assert (times["T1"].serving_s, times["T2"].serving_s) == (300, 400)
