"""The reducer's one rule when two stores acted on one ticket apart ("the first counter that called keeps the
ticket; later steps from another counter change nothing and are flagged"), each case the minimal sequence a seeded
fuzz run (flow_fuzz.py) reduced to.

Two stations' states: upstream's (where online commands decide) and an offline station's own file, each fed the
other's events later, in the order a push or a pull delivers them.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.conflict_reasons import ConflictReason
from queueing.core.errors import DomainError
from queueing.core.events import Event, StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import TicketStatus, TransactionLine

CONFIG = load_branch_config()


def _ids(name):
    n = itertools.count(1)
    return lambda: f"{name}-{next(n):04d}"


class Two:
    def __init__(self) -> None:
        self.clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        self.up = BranchState(CONFIG)
        self.journal: list[Event] = []
        setup = Commands(self.up, StationContext("B1", "SETUP", self.clock, _ids("SETUP")))
        for cid in ("C1", "C2"):
            self.upstream(setup.configure_counter(cid, cid, {"CASH": 1}))
            self.upstream(setup.open_counter(cid, f"T{cid}"))
        self.a = Commands(self.up, StationContext("B1", "STA", self.clock, _ids("STA")))  # online
        self.b_state = BranchState(CONFIG)
        self.b = Commands(self.b_state, StationContext("B1", "STB", self.clock, _ids("STB")))  # offline
        self.b_pending: list[Event] = []
        self.b_known: set[str] = set()
        self.pull_b()

    def upstream(self, events):
        for e in events:
            apply(self.up, e)
            self.journal.append(e)
        self.clock.advance(5)
        return events

    def offline_b(self, events):
        for e in events:
            apply(self.b_state, e)
            self.b_known.add(e.id)
        self.b_pending.extend(events)
        self.clock.advance(5)
        return events

    def push_b(self):
        self.upstream(self.b_pending)
        self.b_pending = []

    def pull_b(self):
        for e in self.journal:
            if e.id not in self.b_known:
                self.b_known.add(e.id)
                apply(self.b_state, e)


def _where(state: BranchState, ticket_id: str) -> list[str]:
    return sorted(c.id for c in state.counters.values() if c.current == ticket_id)


def test_a_return_from_the_counter_that_lost_a_double_call_changes_nothing_and_is_flagged():
    """STB (offline) calls its ticket T at C2, parks it, brings it back; STA (online) called T at C1 first in
    journal order. STB's call, park and return are all flagged and change nothing: the return needs T parked at
    C2 (it once went through with no counter to check, and T was the current ticket of C1 and C2 at once)."""
    w = Two()
    (issued,) = w.upstream(w.a.issue_ticket("CASH"))
    t = issued.payload["ticket_id"]
    w.pull_b()
    w.offline_b(w.b.call_ticket("C2", t, "asked for by name"))
    w.offline_b(w.b.park("C2"))
    w.offline_b(w.b.return_parked("C2", t))
    w.upstream(w.a.call_ticket("C1", t, "asked for by name"))  # online, before STB's push
    w.push_b()
    assert _where(w.up, t) == ["C1"] and w.up.tickets[t].counter == "C1", (
        f"upstream: {w.up.tickets[t].number} is the current ticket of {_where(w.up, t)}, its counter "
        f"{w.up.tickets[t].counter}"
    )
    reasons = [c.reason for c in w.up.conflicts if c.ticket_id == t]
    assert reasons == [ConflictReason.CALLED_NOT_WAITING, ConflictReason.HELD_ELSEWHERE, ConflictReason.HELD_ELSEWHERE]


def test_the_station_that_lost_a_double_call_never_finds_its_counter_jammed_by_a_finished_ticket():
    """The same from STB's own file: it called T at C2 and started it offline; it pulls STA's call, park, return,
    start and finish at C1 (STA had called it first upstream). In STB's order T is C2's, so the pulled steps from
    C1 are flagged, the return included (without the counter check it took T to C1, the finish cleared C1 only,
    and STB's C2 named a DONE ticket: STB could neither call the next customer, nor finish, nor close)."""
    w = Two()
    (issued,) = w.upstream(w.a.issue_ticket("CASH"))
    t = issued.payload["ticket_id"]
    w.pull_b()
    w.offline_b(w.b.call_ticket("C2", t, "asked for by name"))
    w.offline_b(w.b.start("C2"))
    w.upstream(w.a.call_ticket("C1", t, "asked for by name"))
    w.upstream(w.a.park("C1"))
    w.upstream(w.a.return_parked("C1", t))
    w.upstream(w.a.start("C1"))
    w.upstream(w.a.finish("C1", [TransactionLine("CASH_DEP", 1)]))
    w.upstream(w.a.issue_ticket("CASH"))
    w.pull_b()
    c2 = w.b_state.counters["C2"]
    current = w.b_state.tickets.get(c2.current) if c2.current else None
    jammed = []
    for name, step in (
        ("call_next", lambda: w.b.call_next("C2")),
        ("finish", lambda: w.b.finish("C2", [TransactionLine("CASH_DEP", 1)])),
        ("close", lambda: w.b.close_counter("C2")),
    ):
        try:
            step()
        except DomainError as exc:
            jammed.append(f"{name}: {exc}")
    assert current is None or current.status in (TicketStatus.CALLED, TicketStatus.SERVING), (
        f"STB's C2 names {current.number}, {current.status}; " + "; ".join(jammed)
    )


def test_a_move_applied_after_a_call_is_flagged_and_leaves_the_customer_at_the_counter():
    """A supervisor's move (TICKET_TRANSFERRED, from_counter None) decided while the ticket waited, applied after a
    call of it (a station's file: its own offline call first, the pulled move after): flagged (moved_not_waiting),
    the customer stays called at the counter, as upstream (move first, call after) has it."""
    w = Two()
    (issued,) = w.upstream(w.a.issue_ticket("CASH"))
    t = issued.payload["ticket_id"]
    w.pull_b()
    w.offline_b(w.b.call_ticket("C2", t, "asked for by name"))
    w.upstream(w.a.move_ticket(t, to_category="TRANSFER"))  # the supervisor's move, on the branch store
    w.push_b()
    w.pull_b()
    up, mine = w.up.tickets[t], w.b_state.tickets[t]
    assert (up.status, up.counter) == (TicketStatus.CALLED, "C2")
    assert (mine.status, mine.counter, w.b_state.counters["C2"].current) == (TicketStatus.CALLED, "C2", t), (
        f"STB's file: {mine.number} {mine.status} at {mine.counter}, C2 holds {w.b_state.counters['C2'].current}; "
        f"upstream: {up.status} at {up.counter}; conflicts flagged at STB: {len(w.b_state.conflicts)}"
    )
    assert [c.reason for c in w.b_state.conflicts] == [ConflictReason.MOVED_NOT_WAITING]


def test_a_step_from_the_counter_that_lost_a_double_call_does_not_land_on_the_ticket_once_it_waits_again():
    """STA (online) called T at C1 first; STB's offline call of T at C2 reached upstream at a sync meanwhile and was
    flagged. STA transfers T to the TRANSFER queue: T waits there. Then STB's next steps at C2 (it still believes it
    holds T) arrive: a step from a counter about a ticket at no counter is flagged (not_at_counter) and changes
    nothing; once it made the waiting customer SERVING at no counter, out of the queue for good."""
    w = Two()
    (issued,) = w.upstream(w.a.issue_ticket("CASH"))
    t = issued.payload["ticket_id"]
    w.pull_b()
    w.upstream(w.a.call_ticket("C1", t, "asked for by name"))
    w.offline_b(w.b.call_ticket("C2", t, "asked for by name"))
    w.push_b()  # a sync: upstream flags STB's call (T is at C1)
    w.pull_b()
    w.upstream(w.a.transfer("C1", to_category="TRANSFER"))
    w.offline_b(w.b.start("C2"))  # STB's own file still shows T at C2
    w.push_b()
    t_up = w.up.tickets[t]
    assert t_up.status is TicketStatus.WAITING and t in w.up.waiting, (
        f"upstream: {t_up.number} is {t_up.status} at counter {t_up.counter}, in the queue: {t in w.up.waiting}"
    )
    assert w.up.conflicts[-1].reason is ConflictReason.NOT_AT_COUNTER and w.up.conflicts[-1].figures.counter_id == "C2"


def test_a_no_show_from_the_counter_that_lost_a_double_call_leaves_a_customer_waiting_in_another_queue():
    """As above, with STB marking the customer a no-show (after its recalls) instead: the customer STA sent to the
    TRANSFER queue keeps waiting there (the no-show once closed them, never called)."""
    w = Two()
    (issued,) = w.upstream(w.a.issue_ticket("CASH"))
    t = issued.payload["ticket_id"]
    w.pull_b()
    w.upstream(w.a.call_ticket("C1", t, "asked for by name"))
    w.offline_b(w.b.call_ticket("C2", t, "asked for by name"))
    w.push_b()
    w.pull_b()
    w.upstream(w.a.transfer("C1", to_category="TRANSFER"))
    for _ in range(CONFIG.policy.max_recalls):
        w.offline_b(w.b.recall("C2"))
    w.offline_b(w.b.no_show("C2"))
    w.push_b()
    t_up = w.up.tickets[t]
    assert t_up.status is TicketStatus.WAITING, f"upstream: {t_up.number} is {t_up.status}"


def test_the_visit_reference_pays_no_visit_the_reducer_and_the_record_rows_refuse_after_a_day_end():
    """Yesterday's ticket of STA, left waiting, is closed by upstream's day end; STB, offline on the new day, calls it
    anyway (call_ticket is not limited to its own tickets offline, and its day end closes only its own) and serves
    it. The reducer flags the call and the finish (after the expiry: EXPIRED, no service record row), and so
    queueing.records.visits.build_visits, the reference records_service.visits_from_journal uses and the report
    equivalence is checked against, pays nothing (it once knew no expiry)."""
    from datetime import timedelta

    from queueing.core.transaction_types import load_catalogue
    from queueing.records.visits import build_visits

    w = Two()
    (issued,) = w.upstream(w.a.issue_ticket("CASH"))
    t = issued.payload["ticket_id"]
    w.pull_b()
    w.clock.advance(timedelta(days=1).total_seconds())
    w.upstream(w.a.end_past_days())
    w.offline_b(w.b.call_ticket("C2", t, "came back this morning"))
    w.offline_b(w.b.start("C2"))
    w.clock.advance(120)
    w.offline_b(w.b.finish("C2", [TransactionLine("CASH_DEP", 1)]))
    w.push_b()
    closed = w.up.expired.get(t) or w.up.tickets[t]
    paid = [v.ticket_id for v in build_visits(w.journal, load_catalogue(), CONFIG.timezone)]
    assert (t in paid) == (closed.status is TicketStatus.DONE), (
        f"reducer: {closed.number} {closed.status}; the visit reference pays it: {t in paid}"
    )
