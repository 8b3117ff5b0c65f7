"""A seeded random fuzzer of teller workflows over several stations (tests/queueing/core/test_workflow_fuzz.py).

Upstream is one BranchState with its journal; each station has its own BranchState (its local file), an online
flag and the events it made offline and has not pushed. Online, a command decides on upstream's state (as the
station does under the branch lock) and the station then pulls; offline it decides on its own state, calling
only its own tickets (models.station.commands.own_tickets_only) and signing in over its own sessions only.
"""

from __future__ import annotations

import copy
import itertools
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from models.station.commands import own_sessions_only, own_tickets_only
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.errors import DomainError, NothingWaiting
from queueing.core.events import Event, StationContext
from queueing.core.reducer import apply, replay
from queueing.core.state import BranchState
from queueing.core.tickets import TicketStatus, TransactionLine

CONFIG = load_branch_config()
COUNTERS = ("C1", "C2", "C3")
CATS = ("CASH", "TRANSFER")
LINES = ("CASH_DEP", "CASH_WDL", "NOTE_EXCH")
# True: offline, a station calls only its own tickets by call_ticket too (as call_next does): no double calls.
OWN_ONLY = False


class Ids:
    def __init__(self, name: str) -> None:
        self.name = name
        self.n = itertools.count(1)

    def __call__(self) -> str:
        return f"{self.name}-{next(self.n):05d}"


@dataclass
class Station:
    name: str
    tag: str
    ctx: StationContext
    state: BranchState
    known: set[str] = field(default_factory=set)
    pending: list[Event] = field(default_factory=list)
    online: bool = True


class World:
    def __init__(self, seed: int, n_stations: int = 3) -> None:
        self.rng = random.Random(seed)
        self.clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        self.up = BranchState(CONFIG)
        self.journal: list[Event] = []
        self.up_ids: set[str] = set()
        setup = StationContext("B1", "SETUP", self.clock, Ids("SETUP"))
        c = Commands(self.up, setup)
        for cid in COUNTERS:
            self._up_apply(c.configure_counter(cid, cid, {"CASH": 1, "TRANSFER": 2}))
            self._up_apply(c.open_counter(cid, f"T{cid}"))
        self.stations = []
        for i in range(n_stations):
            name = f"ST{i}"
            st = Station(name, "KLMN"[i], StationContext("B1", name, self.clock, Ids(name)), BranchState(CONFIG))
            self.stations.append(st)
            self.pull(st)
        self.log: list[str] = []

    # -- plumbing ------------------------------------------------------------
    def _up_apply(self, events: list[Event]) -> None:
        for e in events:
            if e.id in self.up_ids:
                continue  # ON CONFLICT DO NOTHING
            self.up_ids.add(e.id)
            apply(self.up, e)
            self.journal.append(e)

    def pull(self, st: Station) -> None:
        for e in self.journal:
            if e.id not in st.known:
                st.known.add(e.id)
                apply(st.state, e)

    def sync(self, st: Station) -> None:
        self._up_apply(st.pending)
        st.pending = []
        self.pull(st)

    def run(self, st: Station, decide, kind: str = "") -> list[Event]:
        """Decide on upstream (online) or on the station's state (offline), then apply as the station would."""
        if st.online:
            c = Commands(self.up, st.ctx)
            if kind == "sign_in":
                pass
            events = decide(c, True)
            self._up_apply(events)
            for e in events:
                st.known.add(e.id)
            self.pull_own(st, events)
        else:
            c = Commands(st.state, st.ctx)
            events = decide(c, False)
            for e in events:
                st.known.add(e.id)
                apply(st.state, e)
            st.pending.extend(events)
        return events

    def pull_own(self, st: Station, events: list[Event]) -> None:
        # Online: the station records what it caught up on, then its own events, in upstream order.
        ids = {e.id for e in events}
        for e in self.journal:
            if e.id in ids or e.id not in st.known:
                st.known.add(e.id)
                apply(st.state, e)

    def issue(self, c: Commands, online: bool, st: Station, category: str, ticket_id: str | None = None):
        events = c.issue_ticket(category, ticket_id=ticket_id)
        if events and not online:
            # models.branch.offline_numbers.issue_offline's own series (no leases here)
            prefix = CONFIG.category(category).prefix
            n = 1
            while f"{prefix}{st.tag}{n:03d}" in c.state.by_number:
                n += 1
            import dataclasses

            events = [dataclasses.replace(events[0], payload={**events[0].payload, "seq": 0,
                                                               "number": f"{prefix}{st.tag}{n:03d}"})]
        return events


def snapshot(state: BranchState):
    return (
        {k: (t.status, t.counter, t.category, t.finished_by, t.service_seconds) for k, t in state.tickets.items()},
        {k: (c.status, c.current, c.staff) for k, c in state.counters.items()},
        list(state.waiting),
        dict(state.sessions),
    )


def check_invariants(state: BranchState, where: str) -> list[str]:
    problems = []
    currents: dict[str, str] = {}
    for cid, counter in state.counters.items():
        tid = counter.current
        if tid is None:
            continue
        if tid in currents:
            problems.append(f"{where}: ticket {tid} is current at {currents[tid]} and {cid}")
        currents[tid] = cid
        t = state.tickets.get(tid)
        if t is None:
            problems.append(f"{where}: counter {cid} current {tid} unknown")
            continue
        if t.status not in (TicketStatus.CALLED, TicketStatus.SERVING) or t.counter != cid:
            problems.append(f"{where}: counter {cid} current {t.number} is {t.status} at {t.counter}")
    for t in state.tickets.values():
        if t.status in (TicketStatus.CALLED, TicketStatus.SERVING):
            if t.counter is None or state.counters.get(t.counter) is None or state.counters[t.counter].current != t.id:
                problems.append(f"{where}: {t.number} is {t.status} at {t.counter} but not that counter's current")
        if (t.status is TicketStatus.WAITING) != (t.id in state.waiting):
            problems.append(f"{where}: {t.number} is {t.status}, in waiting: {t.id in state.waiting}")
        if t.status is TicketStatus.DONE:
            if t.finished_by is None:
                problems.append(f"{where}: {t.number} done by nobody")
            if t.service_seconds is None or not 0 <= t.service_seconds < 3 * 86_400:
                problems.append(f"{where}: {t.number} service {t.service_seconds}")
    return problems


def drain_check(state: BranchState, clock: ManualClock) -> list[str]:
    """Every waiting ticket is reachable by call_next at some open counter (a clone, counters freed)."""
    s = copy.deepcopy(state)
    ctx = StationContext("B1", "PROBE", ManualClock(clock.now() + timedelta(hours=2)), Ids("PROBE"))
    c = Commands(s, ctx)
    for counter in s.counters.values():
        counter.current = None
    progress = True
    while s.waiting and progress:
        progress = False
        for cid, counter in s.counters.items():
            if str(counter.status) != "open":
                continue
            counter.current = None
            try:
                events = c.call_next(cid)
            except NothingWaiting:
                continue
            for e in events:
                apply(s, e)
            progress = True
    if s.waiting:
        return [f"drain: {[t.number for t in s.waiting.values()]} never called by any open counter"]
    return []


# -- the random driver -----------------------------------------------------------
ACTIONS = (
    "issue", "issue", "issue", "retry_issue", "call_next", "call_next", "call_ticket", "recall", "no_show",
    "start", "start", "finish", "finish", "park", "return", "transfer", "pause", "resume", "sign_in",
    "sign_out", "release", "open", "close", "move", "toggle", "toggle", "sync", "sync", "advance", "day_end",
)


def step(w: World, i: int, action: str, counter: str, r: random.Random, cross: bool = True) -> str:
    st = w.stations[i]
    view = w.up if st.online else st.state
    desc = f"{st.name}{'' if st.online else '(off)'} {action} {counter}"
    if action == "toggle":
        if not st.online:
            w.sync(st)
        st.online = not st.online
        return desc
    if action == "sync":
        if st.online or r.random() < 0.5:
            w.sync(st)
        return desc
    if action == "advance":
        w.clock.advance(r.choice((5, 30, 120, 600)))
        return desc
    if action == "nextday":
        w.clock.advance(86_400)
        return desc

    def decide(c: Commands, online: bool) -> list[Event]:
        if action == "issue":
            return w.issue(c, online, st, r.choice(CATS))
        if action == "retry_issue":
            mine = [t for t in view.tickets.values() if t.issued_by == st.name]
            tid = r.choice(mine).id if mine else None
            return w.issue(c, online, st, r.choice(CATS), ticket_id=tid)
        if action == "call_next":
            cc = c if online else own_tickets_only(c)
            return cc.call_next(counter)
        if action == "call_ticket":
            waiting = list((c if online or not OWN_ONLY else own_tickets_only(c)).state.waiting)
            if not waiting:
                return []
            return c.call_ticket(counter, r.choice(waiting), "asked for")
        if action == "recall":
            return c.recall(counter)
        if action == "no_show":
            return c.no_show(counter)
        if action == "start":
            return c.start(counter)
        if action == "finish":
            lines = [TransactionLine(r.choice(LINES), r.choice((1, 2)))]
            return c.finish(counter, lines)
        if action == "park":
            return c.park(counter)
        if action == "return":
            parked = c.state.parked_at(counter)
            if not parked:
                return []
            return c.return_parked(counter, r.choice(parked).id)
        if action == "transfer":
            if r.random() < 0.5:
                return c.transfer(counter, to_category=r.choice(CATS), keep_place=r.random() < 0.5)
            return c.transfer(counter, to_counter=r.choice(COUNTERS), keep_place=r.random() < 0.5)
        if action == "pause":
            return c.pause(counter, "break")
        if action == "resume":
            return c.resume(counter)
        if action == "sign_in":
            cc = c if online else own_sessions_only(c)
            return cc.sign_in(counter, f"T{r.choice(COUNTERS)}" if cross else f"T{counter}")
        if action == "sign_out":
            held = c.state.sessions.get(counter)
            staff = held.staff_id if held is not None and (r.random() < 0.8 or not cross) else f"T{r.choice(COUNTERS)}"
            return c.sign_out(counter, staff, keep_open=r.random() < 0.5)
        if action == "release":
            return c.release_counter(counter, "S1")
        if action == "open":
            return c.open_counter(counter, f"T{counter}")
        if action == "close":
            return c.close_counter(counter)
        if action == "move":
            if not online:
                return []  # a supervisor's move is decided on the branch store (models/supervisor/service.py)
            waiting = list(c.state.waiting)
            if not waiting:
                return []
            return c.move_ticket(r.choice(waiting), to_category=r.choice(CATS))
        if action == "day_end":
            return c.end_past_days(None if online else st.name)
        raise AssertionError(action)

    try:
        events = w.run(st, decide)
        desc += f" -> {[str(e.type) for e in events]}"
    except DomainError as exc:
        desc += f" !{type(exc).__name__}"
    return desc


def random_run(seed: int, steps: int = 300, n_stations: int = 3, check_every: bool = True, cross: float = 0.15):
    """Returns (world, problems, log)."""
    w = World(seed, n_stations)
    r = w.rng
    problems: list[str] = []
    for n in range(steps):
        i = r.randrange(n_stations)
        home = COUNTERS[i]
        counter = home if r.random() >= cross else r.choice(COUNTERS)
        action = r.choice(ACTIONS)
        if action == "advance" and r.random() < 0.03:
            action = "nextday"
        try:
            desc = step(w, i, action, counter, r, cross > 0)
        except Exception as exc:  # anything but a domain error
            problems.append(f"step {n}: {action} raised {type(exc).__name__}: {exc}")
            w.log.append(f"{n}: {action} CRASH {exc!r}")
            break
        w.log.append(f"{n}: {desc}")
        w.clock.advance(r.choice((1, 3, 10)))
        if check_every:
            found = check_invariants(w.up, f"step {n} upstream") + check_invariants(
                w.stations[i].state, f"step {n} {w.stations[i].name}"
            )
            if found:
                problems.extend(found)
                break
    return w, problems


def settle(w: World) -> list[str]:
    problems: list[str] = []
    for _ in range(2):
        for st in w.stations:
            w.sync(st)
            st.online = True
    problems += check_invariants(w.up, "settled upstream")
    fresh = replay(BranchState(CONFIG), w.journal)
    if snapshot(fresh) != snapshot(w.up):
        problems.append("replay of upstream journal differs from upstream state")
    return problems


def pay_check(w: World) -> list[str]:
    """Every finished visit paid once to one teller: the visit records (what piece-rate pays) against the reducer."""
    from queueing.core.transaction_types import load_catalogue
    from queueing.records.visits import build_visits

    visits = build_visits(w.journal, load_catalogue(), CONFIG.timezone)
    paid = [v.ticket_id for v in visits]
    problems = []
    if len(paid) != len(set(paid)):
        problems.append("a visit paid twice")
    done = {t.id for t in w.up.tickets.values() if t.status is TicketStatus.DONE}
    done |= {t.id for t in w.up.expired.values() if t.status is TicketStatus.DONE}
    tickets = {**w.up.expired, **w.up.tickets}
    for v in visits:
        if v.teller is None:
            problems.append(f"visit {v.number} paid to nobody")
        t = tickets.get(v.ticket_id)
        if t is not None and t.status is not TicketStatus.DONE:
            problems.append(f"visit {v.number} paid, but the ticket is {t.status}")
    missing = done - set(paid)
    if missing:
        problems.append(f"done but unpaid: {[tickets[m].number for m in missing]}")
    return problems
