from dataclasses import replace
from datetime import UTC, datetime

from queueing.records.teller_time import CounterSession, PauseSpan, build_sessions, teller_times


def utc(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def test_sessions_from_counter_events(engine, clock):
    engine.execute(lambda c: c.open_counter("C1", "T1"))  # 01:00
    clock.advance(3600)
    engine.execute(lambda c: c.pause("C1", "lunch"))  # 02:00
    clock.advance(1800)
    engine.execute(lambda c: c.resume("C1"))  # 02:30
    clock.advance(600)
    engine.execute(lambda c: c.pause("C1", "back_office"))  # 02:40
    clock.advance(300)
    engine.execute(lambda c: c.close_counter("C1"))  # 02:45, closed while paused
    engine.execute(lambda c: c.open_counter("C2", "T1"))  # the teller moves to counter 2
    engine.execute(lambda c: c.open_counter("C1"))  # nobody named: no session
    clock.advance(900)
    sessions = build_sessions(engine.journal)
    assert sessions == [
        CounterSession("T1", "C1", utc(23, 1), utc(23, 2, 45), (
            PauseSpan("lunch", utc(23, 2), utc(23, 2, 30)),
            PauseSpan("back_office", utc(23, 2, 40), utc(23, 2, 45)),
        )),
        CounterSession("T1", "C2", utc(23, 2, 45), None, ()),
    ]
    # The open session counts until the end of the window: 03:00.
    (time,) = teller_times(sessions, [], utc(23, 0), utc(23, 3)).values()
    assert time.signed_in_s == 105 * 60 + 15 * 60
    assert time.paused_by_reason == (("back_office", 300.0), ("lunch", 1800.0))
    assert time.paused_s == 2100
    assert time.idle_s == 120 * 60 - 2100
    assert time.counters == ("C1", "C2")


def test_overlapping_sessions_count_once_and_clip_to_the_window():
    sessions = [
        CounterSession("T1", "C1", utc(2, 1), utc(2, 5), (PauseSpan("break", utc(2, 0), utc(2, 2)),)),
        CounterSession("T1", "C2", utc(2, 4), utc(2, 6), ()),  # opened before C1 was closed
        CounterSession("T2", "C3", utc(1, 20), utc(2, 3), ()),  # began before the window
    ]
    times = teller_times(sessions, [], utc(2, 0), utc(3, 0))
    assert times["T1"].signed_in_s == 5 * 3600  # 01:00-06:00, the overlap 04:00-05:00 once
    assert times["T1"].paused_s == 3600  # only the part inside the session: 01:00-02:00
    assert times["T2"].signed_in_s == 3 * 3600  # 00:00-03:00
    assert teller_times(sessions, [], utc(3, 0), utc(4, 0)) == {}


def test_reopened_counter_ends_the_earlier_session(engine, clock):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    clock.advance(600)
    # A second station, offline, opened the same counter for T2: both facts are kept.
    opened = next(e for e in engine.journal if e.payload.get("staff_id") == "T1")
    second = replace(opened, id="x", seq=99, at=clock.now(), payload={"counter_id": "C1", "staff_id": "T2"})
    sessions = build_sessions([*engine.journal, second])
    assert [(s.teller, s.start, s.end) for s in sessions] == [
        ("T1", utc(23, 1), utc(23, 1, 10)),
        ("T2", utc(23, 1, 10), None),
    ]


def test_a_parked_visit_finished_by_the_next_teller_gives_each_teller_their_own_seconds(engine, clock):
    from queueing.core.tickets import TransactionLine
    from queueing.core.transaction_types import load_catalogue
    from queueing.records.visits import build_visits

    start = clock.now()
    ticket_id = engine.execute(lambda c: c.issue_ticket("CASH"))[0].payload["ticket_id"]
    engine.execute(lambda c: c.sign_in("C1", "T1"))
    engine.execute(lambda c: c.call_next("C1", "T1"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(300)
    engine.execute(lambda c: c.park("C1"))
    engine.execute(lambda c: c.sign_out("C1", "T1", keep_open=False))
    clock.advance(600)
    engine.execute(lambda c: c.sign_in("C1", "T2"))
    clock.advance(60)
    engine.execute(lambda c: c.return_parked("C1", ticket_id))
    clock.advance(400)
    engine.execute(lambda c: c.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]))
    visits = build_visits(engine.journal, load_catalogue(), "Asia/Shanghai")
    times = teller_times(build_sessions(engine.journal), visits, start, clock.now())
    assert times["T1"].serving_s <= times["T1"].signed_in_s
    assert (times["T1"].serving_s, times["T2"].serving_s) == (300.0, 400.0)
