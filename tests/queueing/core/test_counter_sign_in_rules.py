"""Legitimate branch flows around the sign-in rules (reducer._from_the_clash_loser)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.counters import CounterStatus
from queueing.core.events import StationContext
from queueing.core.reducer import apply, replay
from queueing.core.state import BranchState

CONFIG = load_branch_config()


def _ids(name):
    n = itertools.count(1)
    return lambda: f"{name}-{next(n):04d}"


class Branch:
    def __init__(self) -> None:
        self.clock = ManualClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
        self.state = BranchState(CONFIG)
        self.journal = []
        setup = Commands(self.state, StationContext("B1", "SETUP", self.clock, _ids("SETUP")))
        self.run(setup.configure_counter("C1", "1", {"CASH": 1}))
        self.station = Commands(self.state, StationContext("B1", "ST1", self.clock, _ids("ST1")))
        self.supervisor = Commands(self.state, StationContext("B1", "SUP", self.clock, _ids("SUP")))

    def run(self, events):
        for e in events:
            apply(self.state, e)
            self.journal.append(e)
        self.clock.advance(5)
        return events


def test_a_supervisor_reopening_a_counter_a_teller_is_signed_in_at_opens_it():
    """A teller signs in at C1; the supervisor closes C1 from the queue screen (the teller stepped away without
    pausing), then opens it again with the dialog's default ("No teller yet": staff_id None). The command is
    accepted and the screen says "Counter opened.", but the reducer ignores the opening (an opening "for another
    teller than the one signed in there"): C1 stays closed, and every further open is ignored the same way, so
    neither the supervisor nor the teller can call there until the teller signs out and in again."""
    b = Branch()
    b.run(b.station.sign_in("C1", "T1"))
    assert b.state.counters["C1"].status is CounterStatus.OPEN
    b.run(b.supervisor.close_counter("C1"))
    assert b.state.counters["C1"].status is CounterStatus.CLOSED
    events = b.run(b.supervisor.open_counter("C1", None))  # accepted: the command saw a closed counter
    assert events
    assert b.state.counters["C1"].status is CounterStatus.OPEN
    assert not b.state.conflicts  # nothing even tells the supervisor why


def test_a_supervisor_reopening_a_counter_for_the_signed_in_teller_opens_it():
    """Control: the same flow with the teller chosen in the dialog opens the counter."""
    b = Branch()
    b.run(b.station.sign_in("C1", "T1"))
    b.run(b.supervisor.close_counter("C1"))
    b.run(b.supervisor.open_counter("C1", "T1"))
    assert b.state.counters["C1"].status is CounterStatus.OPEN
    fresh = replay(BranchState(CONFIG), b.journal)
    assert fresh.counters["C1"].status is CounterStatus.OPEN


def test_the_sign_out_of_the_teller_who_lost_a_clash_does_not_close_the_holders_counter():
    """T1 holds C1 (ST1, online) and calls a customer there. ST2, offline, signs T2 in at C1 too (a clash once
    pushed: the sign-in and the closing and opening that came with it change nothing), then T2 signs out at the
    end of their shift: [counter_closed, counter_signed_out]. counter_sessions says "the later events of the teller
    who lost the clash (their sign-out) change nothing either"; the sign-out's own counter_closed, long after the
    sign-in's own closing and opening, closed T1's counter upstream with T1's customer still at it."""
    from models.station.commands import own_sessions_only

    clock = ManualClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    up = BranchState(CONFIG)
    journal = []

    def upstream(events):
        for e in events:
            apply(up, e)
            journal.append(e)
        clock.advance(5)

    setup = Commands(up, StationContext("B1", "SETUP", clock, _ids("SETUP")))
    upstream(setup.configure_counter("C1", "1", {"CASH": 1}))
    st1 = Commands(up, StationContext("B1", "ST1", clock, _ids("ST1")))
    upstream(st1.sign_in("C1", "T1"))
    upstream(st1.issue_ticket("CASH"))
    # ST2 pulled all of that, then lost its link.
    st2_state = replay(BranchState(CONFIG), journal)
    st2 = Commands(st2_state, StationContext("B1", "ST2", clock, _ids("ST2")))
    pending = []

    def offline(events):
        for e in events:
            apply(st2_state, e)
        pending.extend(events)
        clock.advance(5)

    offline(own_sessions_only(st2).sign_in("C1", "T2"))
    upstream(st1.call_next("C1", "T1"))  # T1's customer at C1
    customer = up.counters["C1"].current
    assert customer is not None
    offline(st2.sign_out("C1", "T2"))
    upstream(pending)  # ST2 syncs
    assert up.sessions["C1"].staff_id == "T1"
    c1 = up.counters["C1"]
    assert (c1.status, c1.staff, c1.current) == (CounterStatus.OPEN, "T1", customer)


def test_a_journal_with_the_supervisors_reopening_replays_with_the_signed_in_teller_at_the_counter():
    """Replayed from the journal (a restart, a store rebuilt), a reopening with no teller chosen is open under the
    teller still signed in there, so their next call passes the holder check; one with another teller chosen hands
    the counter to that teller, as the supervisor decided (tests/ui/station/test_station_window.py)."""
    b = Branch()
    b.run(b.station.sign_in("C1", "T1"))
    b.run(b.supervisor.close_counter("C1"))
    b.run(b.supervisor.open_counter("C1", None))
    fresh = replay(BranchState(CONFIG), b.journal)
    for state in (b.state, fresh):
        c1 = state.counters["C1"]
        assert (c1.status, c1.staff) == (CounterStatus.OPEN, "T1")
        assert state.sessions["C1"].staff_id == "T1"
    b.run(b.supervisor.close_counter("C1"))
    b.run(b.supervisor.open_counter("C1", "T2"))
    fresh = replay(BranchState(CONFIG), b.journal)
    for state in (b.state, fresh):
        assert (state.counters["C1"].status, state.counters["C1"].staff) == (CounterStatus.OPEN, "T2")


def _clash_at_c1():
    """T1 holds C1 from ST1; ST2, offline since before that, signed T2 in at C1 too and pushed: a flagged clash
    upstream, while on ST2's own file T2 holds C1 and works there."""
    b = Branch()
    offline_state = replay(BranchState(CONFIG), b.journal)
    b.run(b.station.sign_in("C1", "T1"))
    st2 = Commands(offline_state, StationContext("B1", "ST2", b.clock, _ids("ST2")))

    def offline(events):
        for e in events:
            apply(offline_state, e)
        b.clock.advance(5)
        return events

    pending = offline(st2.sign_in("C1", "T2"))
    b.run(pending)
    assert len(b.state.session_clashes) == 1
    return b, st2, offline


def test_the_clash_losers_pause_and_resume_change_nothing_however_late():
    b, st2, offline = _clash_at_c1()
    pending = offline(st2.pause("C1", "break")) + offline(st2.resume("C1")) + offline(st2.pause("C1", "break"))
    b.run(pending)
    c1 = b.state.counters["C1"]
    assert (c1.status, c1.staff) == (CounterStatus.OPEN, "T1")
    fresh = replay(BranchState(CONFIG), b.journal)
    assert (fresh.counters["C1"].status, fresh.counters["C1"].staff) == (CounterStatus.OPEN, "T1")


def test_once_the_clash_is_resolved_the_stations_steps_count_again():
    """A supervisor resolving the clash ends the rule: the station's later close applies as any other would."""
    b, st2, offline = _clash_at_c1()
    (clash_id,) = b.state.session_clashes
    b.run(b.supervisor.resolve_clash(clash_id, "S1", "T2 moved to C2"))
    b.run(offline(st2.pause("C1", "break")))
    assert b.state.counters["C1"].status is CounterStatus.PAUSED


def test_the_holders_own_steps_and_a_supervisors_close_still_apply_during_a_clash():
    b, _st2, _offline = _clash_at_c1()
    b.run(b.station.pause("C1", "break"))
    assert b.state.counters["C1"].status is CounterStatus.PAUSED
    b.run(b.station.resume("C1"))
    b.run(b.supervisor.close_counter("C1"))
    assert b.state.counters["C1"].status is CounterStatus.CLOSED
