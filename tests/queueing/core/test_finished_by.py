"""ticket.finished_by is the teller the finishing station saw at its counter, in every store the finish reaches
(found by review: it was each store's own view of the counter, which a sign-in clash or a release made while the
station was offline changes)."""
import copy

from test_counter_sessions import _branch as _two_counters
from test_counter_sessions import _do

from queueing.core.categories import load_branch_config
from queueing.core.commands import Commands
from queueing.core.events import StationContext
from queueing.core.reducer import replay
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine


def _branch():
    """Counters C1 and C2 (test_counter_sessions' branch), and two tickets waiting."""
    clock, state, journal = _two_counters()
    setup = Commands(state, StationContext("B1", "SETUP", clock))
    tickets = [_do(state, setup.issue_ticket("CASH"), journal)[0].payload["ticket_id"] for _ in range(2)]
    return clock, state, journal, tickets


def test_a_visit_served_by_the_teller_who_lost_a_sign_in_clash_is_finished_by_them_upstream_too():
    clock, state, journal, tickets = _branch()
    other = copy.deepcopy(state)
    st1, st2 = Commands(state, StationContext("B1", "ST1", clock)), Commands(other, StationContext("B1", "ST2", clock))
    first = _do(state, st1.sign_in("C1", "T1"))                 # upstream hears ST1 first: T1 holds C1
    second = []
    _do(other, st2.sign_in("C1", "T2"), second)                 # ST2 offline: T2 at C1 too (a clash upstream)
    _do(other, st2.call_ticket("C1", tickets[1], "own customer", "T2"), second)
    _do(other, st2.start("C1"), second)
    clock.advance(60)
    _do(other, st2.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]), second)
    assert other.tickets[tickets[1]].finished_by == "T2"       # on ST2, where T2 pressed Finish
    upstream = replay(BranchState(load_branch_config()), journal + first + second)
    assert upstream.tickets[tickets[1]].staff == "T2"           # credited to T2, as counter_sessions.py promises
    # The late-answer grace is T2's there too, not T1's, who never saw this customer.
    assert upstream.tickets[tickets[1]].finished_by == "T2"


def test_a_finish_made_offline_after_a_release_upstream_is_not_the_left_callers():
    clock, state, journal, tickets = _branch()
    st1 = Commands(state, StationContext("B1", "ST1", clock))
    _do(state, st1.sign_in("C1", "T1"), journal)
    _do(state, st1.call_ticket("C1", tickets[0], "own customer", "T1"), journal)
    _do(state, st1.start("C1"), journal)
    _do(state, st1.sign_out("C1", "T1", keep_open=True), journal)   # T1 leaves, customer still at C1
    _do(state, st1.sign_in("C1", "T2"), journal)                    # T2 takes the counter over
    offline = copy.deepcopy(state)                                  # ST1 goes offline here
    up_cmds = Commands(state, StationContext("B1", "SUP", clock))
    released = _do(state, up_cmds.release_counter("C1", "S1"))      # a supervisor releases C1 upstream meanwhile
    st1_off = Commands(offline, StationContext("B1", "ST1", clock))
    finish = _do(offline, st1_off.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]))
    assert offline.tickets[tickets[0]].finished_by == "T2"
    upstream = replay(BranchState(load_branch_config()), journal + released + finish)
    # Not the caller T1, who left before the finish, as upstream's own view of the counter would say.
    assert upstream.tickets[tickets[0]].finished_by == "T2"
