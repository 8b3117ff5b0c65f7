"""Teller time after a sign-in clash: the teller the reducer keeps at the counter keeps their time, whatever the
clashing station later pushes, and the teller who clashed gets a session of their own (queueing/records/teller_time.py).
"""

import copy
from datetime import UTC, date, datetime

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.events import StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import load_catalogue
from queueing.records.teller_time import build_sessions, teller_times
from queueing.records.visits import build_visits
from queueing.reports.piece_rate import load_scheme
from queueing.reports.piece_rate_report import ReportPeriod, StaffMember, build_report

NINE = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 Shanghai
DAY = (datetime(2026, 11, 22, 16, 0, tzinfo=UTC), datetime(2026, 11, 23, 16, 0, tzinfo=UTC))


def at(hour, minute=0):
    """An instant of 23 November, by the Shanghai clock."""
    return datetime(2026, 11, 23, hour - 8, minute, tzinfo=UTC)


class Floor:
    """Upstream's state and journal, and stations that may lose their link (each then works on a copy)."""

    def __init__(self):
        self.clock = ManualClock(NINE)
        self.up, self.journal = BranchState(load_branch_config()), []
        setup = Commands(self.up, StationContext("B1", "SETUP", self.clock))
        for counter in ("C1", "C2"):
            self.do(setup.configure_counter(counter, counter, {"CASH": 1}))
        self.offline_logs = {}

    def do(self, events, state=None, log=None):
        for event in events:
            apply(self.up if state is None else state, event)
            (self.journal if log is None else log).append(event)

    def online(self, station):
        return Commands(self.up, StationContext("B1", station, self.clock))

    def offline(self, station):
        """A station that loses its link now: its commands run on its own copy until ``push``."""
        state, log = copy.deepcopy(self.up), []
        self.offline_logs[station] = log
        commands = Commands(state, StationContext("B1", station, self.clock))
        return lambda events_of: self.do(events_of(commands), state, log)

    def push(self, station):
        self.do(self.offline_logs.pop(station))

    def times(self, start=DAY[0], end=DAY[1]):
        return teller_times(build_sessions(self.journal), [], start, end)


def test_clash_winner_keeps_signed_in_time():
    """The reviewer's case: T2 signs in offline at C1 while T1 holds it; ST2 pushes at noon."""
    floor = Floor()
    setup = floor.online("SETUP")
    floor.do(setup.issue_ticket("CASH"))
    ticket = floor.journal[-1].payload["ticket_id"]
    st2 = floor.offline("ST2")  # ST2 loses its link
    st1 = floor.online("ST1")
    floor.do(st1.sign_in("C1", "T1"))  # 09:00 T1 holds C1 upstream
    floor.clock.advance(1800)
    st2(lambda c: c.sign_in("C1", "T2"))  # 09:30 clash, offline
    floor.clock.advance(1800)
    st2(lambda c: c.sign_out("C1", "T2"))  # 10:00
    floor.clock.advance(3600)  # 11:00 T1 serves a customer
    floor.do(st1.call_ticket("C1", ticket, "next", "T1"))
    floor.do(st1.start("C1"))
    floor.clock.advance(600)
    floor.do(st1.finish("C1", [TransactionLine("ACCT_OPEN")]))
    floor.clock.set(at(12))
    floor.push("ST2")
    floor.clock.set(at(17))
    floor.do(st1.sign_out("C1", "T1"))
    zone = "Asia/Shanghai"
    report = build_report(
        build_visits(floor.journal, load_catalogue(), zone),
        ReportPeriod(date(2026, 11, 23), date(2026, 11, 23), zone),
        load_scheme(),
        build_sessions(floor.journal),
        [StaffMember("T1", "T1"), StaffMember("T2", "T2")],
        (),
        floor.clock.now(),
    )
    rows = {r.teller: r for r in report.rows}
    assert rows["T1"].output.visits == 1 and rows["T2"].time.signed_in_s == 1800
    assert rows["T1"].time.signed_in_s == 8 * 3600  # was 1800: ST2's opening ended T1's session
    assert rows["T1"].time.idle_s == 8 * 3600 - 600


def test_two_clashes_at_one_counter_each_count_for_their_own_teller():
    floor = Floor()
    st2, st3 = floor.offline("ST2"), floor.offline("ST3")
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # 09:00
    floor.clock.set(at(9, 30))
    st2(lambda c: c.sign_in("C1", "T2"))
    st3(lambda c: c.sign_in("C1", "T3"))
    st3(lambda c: c.pause("C1", "lunch"))  # ST3's pause is T3's, not the pause of T1's counter
    floor.clock.set(at(10))
    st3(lambda c: c.resume("C1"))
    floor.clock.set(at(11))
    st2(lambda c: c.sign_out("C1", "T2"))
    floor.clock.set(at(12))
    st3(lambda c: c.sign_out("C1", "T3"))
    floor.push("ST3")
    floor.push("ST2")
    floor.clock.set(at(13))
    floor.do(floor.online("ST1").sign_out("C1", "T1"))
    times = floor.times()
    assert {t: (v.signed_in_s, v.paused_s) for t, v in times.items()} == {
        "T1": (4 * 3600, 0.0),
        "T2": (1.5 * 3600, 0.0),
        "T3": (2.5 * 3600, 1800.0),
    }


def test_a_supervisor_release_ends_only_the_session_it_names():
    floor = Floor()
    st2 = floor.offline("ST2")
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # 09:00
    floor.clock.set(at(9, 30))
    st2(lambda c: c.sign_in("C1", "T2"))  # clashes
    floor.push("ST2")
    floor.clock.set(at(10))
    floor.do(floor.online("SUP").release_counter("C1", "S1"))  # names T1, who holds C1
    floor.clock.set(at(11))
    floor.do(floor.online("ST2").sign_out("C1", "T2"))  # T2's session was their own all along
    times = floor.times()
    assert times["T1"].signed_in_s == 3600 and times["T2"].signed_in_s == 1.5 * 3600


def test_an_offline_release_of_the_clashing_teller_ends_theirs_alone():
    floor = Floor()
    st2 = floor.offline("ST2")
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # 09:00
    floor.clock.set(at(9, 30))
    st2(lambda c: c.sign_in("C1", "T2"))
    floor.clock.set(at(10))
    st2(lambda c: c.release_counter("C1", "S1"))  # ST2's own state shows T2 there: the release names T2
    floor.push("ST2")
    floor.clock.set(at(12))
    times = floor.times(end=at(12))
    assert times["T1"].signed_in_s == 3 * 3600 and times["T2"].signed_in_s == 1800


def test_a_teller_who_clashed_and_never_signed_out_ends_at_their_next_sign_in():
    floor = Floor()
    st2 = floor.offline("ST2")
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # 09:00
    floor.clock.set(at(9, 30))
    st2(lambda c: c.sign_in("C1", "T2"))  # the station then crashes: no sign-out ever comes
    floor.push("ST2")
    floor.clock.set(at(10))
    floor.do(floor.online("ST3").sign_in("C2", "T2"))  # T2 goes to counter 2
    floor.clock.set(at(11))
    floor.do(floor.online("ST3").sign_out("C2", "T2"))
    times = floor.times(end=at(12))
    assert times["T2"].signed_in_s == 1.5 * 3600 and times["T2"].counters == ("C1", "C2")
    assert times["T1"].signed_in_s == 3 * 3600


def test_a_teller_signed_in_at_two_counters_counts_once_and_keeps_the_counter_held():
    floor = Floor()
    st2 = floor.offline("ST2")
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # 09:00
    floor.clock.set(at(9, 30))
    st2(lambda c: c.sign_in("C2", "T1"))  # T1 is at C1 upstream: a clash (teller elsewhere)
    floor.clock.set(at(10))
    st2(lambda c: c.sign_out("C2", "T1"))
    floor.push("ST2")
    floor.clock.set(at(11))
    floor.do(floor.online("ST1").sign_out("C1", "T1"))
    (time,) = floor.times().values()
    assert time.signed_in_s == 2 * 3600 and time.counters == ("C1", "C2")


def test_a_counter_closed_under_a_signed_in_teller_leaves_them_signed_in():
    """Signed-in time is the reducer's session: a supervisor's close of the counter does not sign the teller out."""
    floor = Floor()
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # 09:00
    floor.clock.set(at(10))
    floor.do(floor.online("SUP").close_counter("C1"))
    assert floor.up.sessions["C1"].staff_id == "T1"
    floor.clock.set(at(11))
    floor.do(floor.online("ST1").sign_out("C1", "T1"))
    assert floor.times()["T1"].signed_in_s == 2 * 3600


def test_a_sign_in_takes_over_a_counter_opened_for_a_teller_without_one():
    floor = Floor()
    floor.do(floor.online("SUP").open_counter("C1", "T1"))  # 09:00, opened for T1 with no sign-in
    floor.do(floor.online("SUP").pause("C1", "lunch"))
    floor.clock.set(at(10))
    floor.do(floor.online("ST1").sign_in("C1", "T1"))  # T1 signs in: one teller, still paused
    floor.clock.set(at(10, 30))
    floor.do(floor.online("ST1").resume("C1"))
    floor.clock.set(at(11))
    floor.do(floor.online("ST1").sign_out("C1", "T1"))
    floor.do(floor.online("SUP").open_counter("C1", "T2"))  # 11:00
    floor.clock.set(at(12))
    floor.do(floor.online("ST2").sign_in("C1", "T3"))  # another teller takes it over
    floor.clock.set(at(13))
    times = floor.times(end=at(13))
    assert (times["T1"].signed_in_s, times["T1"].paused_s) == (2 * 3600, 1.5 * 3600)
    assert times["T2"].signed_in_s == 3600 and times["T3"].signed_in_s == 3600
