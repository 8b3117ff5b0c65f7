"""Properties of the calling policy, checked on random branch days run through the Engine.

- no ticket is called twice;
- every waiting ticket is called in the end while a counter that serves it is open;
- first come, first served within one priority class and category;
- anti-starvation: while a ticket past its category's maximum wait waits, a counter
  that serves it calls no ticket that is not overdue.
"""

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from queueing.core.categories import BranchConfig, PolicySettings, ServiceCategory
from queueing.core.clock import ManualClock
from queueing.core.counters import CounterStatus
from queueing.core.engine import Engine
from queueing.core.errors import NothingWaiting
from queueing.core.events import EventType
from queueing.core.policy import is_overdue
from queueing.core.tickets import PriorityClass, TicketStatus, TransactionLine

COUNTERS = ("C1", "C2", "C3")
CATEGORIES = ("X", "Y")


def config() -> BranchConfig:
    # Short maximum waits so that the anti-starvation rule comes into play often.
    def category(code: str, prefix: str, target: float, maximum: float) -> ServiceCategory:
        return ServiceCategory(code, prefix, {"en": code}, target * 60, maximum * 60, 180.0)

    return BranchConfig(
        categories={"X": category("X", "A", 2, 6), "Y": category("Y", "B", 5, 20)},
        policy=PolicySettings(),
    )


profiles = st.lists(
    st.dictionaries(st.sampled_from(CATEGORIES), st.integers(min_value=1, max_value=4), min_size=1),
    min_size=len(COUNTERS),
    max_size=len(COUNTERS),
)
priority = st.sampled_from([PriorityClass.REGULAR, PriorityClass.REGULAR, PriorityClass.VIP, PriorityClass.ELDERLY])
# One step of the day: some customers arrive, time passes, one counter does one thing.
step = st.tuples(
    st.lists(st.tuples(st.sampled_from(CATEGORIES), priority, st.integers(min_value=0, max_value=60)), max_size=3),
    st.integers(min_value=0, max_value=120),
    st.sampled_from(COUNTERS),
    st.sampled_from(["call", "call", "next", "next", "finish", "pause", "resume", "close", "open"]),
)


class Day:
    """An engine and a checker that looks at every call as it happens."""

    def __init__(self, counter_profiles: list[dict[str, int]]) -> None:
        self.clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        self.engine = Engine(config(), self.clock)
        self.called: set[str] = set()
        for counter_id, profile in zip(COUNTERS, counter_profiles, strict=True):
            self.engine.execute(lambda c, i=counter_id, p=profile: c.configure_counter(i, i, p))
            self.engine.execute(lambda c, i=counter_id: c.open_counter(i))

    def status(self, counter_id: str) -> CounterStatus:
        return self.engine.state.counters[counter_id].status

    def call(self, counter_id: str) -> bool:
        state, now = self.engine.state, self.clock.now()
        counter = state.counters[counter_id]
        if counter.status is not CounterStatus.OPEN or counter.current is not None:
            return False
        takes = [t for t in state.waiting.values() if counter.serves(t.category)]
        overdue_waiting = [t for t in takes if is_overdue(t, now, state.config)]
        try:
            (event,) = self.engine.execute(lambda c: c.call_next(counter_id))
        except NothingWaiting:
            assert not takes, "a counter said nothing waits while a ticket it serves waits"
            return False
        ticket = state.tickets[event.payload["ticket_id"]]
        assert ticket.id not in self.called, f"{ticket.number} called twice"
        self.called.add(ticket.id)
        assert ticket in takes
        # FCFS within class and category.
        earlier = [t for t in takes if (t.category, t.priority) == (ticket.category, ticket.priority)
                   and t.queued_at < ticket.queued_at]
        assert not earlier, f"{ticket.number} called before {earlier[0].number} of the same class and category"
        # Anti-starvation.
        if overdue_waiting:
            assert is_overdue(ticket, now, state.config), (
                f"{ticket.number} called while overdue {overdue_waiting[0].number} waited"
            )
        return True

    def finish(self, counter_id: str) -> None:
        counter = self.engine.state.counters[counter_id]
        if counter.current is None:
            return
        if self.engine.state.tickets[counter.current].status is TicketStatus.CALLED:
            self.engine.execute(lambda c: c.start(counter_id))
        self.clock.advance(90)
        self.engine.execute(lambda c: c.finish(counter_id, [TransactionLine("T", 1)]))

    def run(self, kind: str, counter_id: str) -> None:
        state = self.engine.state
        free = state.counters[counter_id].current is None
        status = self.status(counter_id)
        if kind == "call":
            self.call(counter_id)
        elif kind == "finish":
            self.finish(counter_id)
        elif kind == "next":
            self.finish(counter_id)
            self.call(counter_id)
        elif kind == "pause" and status is CounterStatus.OPEN and free:
            self.engine.execute(lambda c: c.pause(counter_id, "lunch"))
        elif kind == "resume" and status is CounterStatus.PAUSED:
            self.engine.execute(lambda c: c.resume(counter_id))
        elif kind == "close" and status is not CounterStatus.CLOSED and free:
            self.engine.execute(lambda c: c.close_counter(counter_id))
        elif kind == "open" and status is CounterStatus.CLOSED:
            self.engine.execute(lambda c: c.open_counter(counter_id))

    def step(self, arrivals: list[tuple[str, PriorityClass, int]], wait_s: int, counter_id: str, kind: str) -> None:
        for category, klass, gap_s in arrivals:
            self.clock.advance(gap_s)
            self.engine.execute(lambda c, k=category, p=klass: c.issue_ticket(k, p))
        self.clock.advance(wait_s)
        self.run(kind, counter_id)

    def drain(self) -> None:
        """The open counters keep working until none of them has anything to call."""
        for _ in range(1000):
            for counter_id in COUNTERS:
                self.finish(counter_id)
            if not any([self.call(counter_id) for counter_id in COUNTERS]):
                return
            self.clock.advance(30)
        raise AssertionError("the queue never drained")


@settings(max_examples=200, deadline=None)
@given(counter_profiles=profiles, steps=st.lists(step, min_size=10, max_size=80))
def test_calling_policy_properties(counter_profiles, steps):
    day = Day(counter_profiles)
    for arrivals, wait_s, counter_id, kind in steps:
        day.step(arrivals, wait_s, counter_id, kind)
    day.drain()
    state = day.engine.state
    open_counters = [c for c in state.counters.values() if c.status is CounterStatus.OPEN]
    assert not [t for t in state.waiting.values() if any(c.serves(t.category) for c in open_counters)]
    # Open every counter: then only tickets of a category nobody serves may still wait.
    for counter_id in COUNTERS:
        day.run("resume", counter_id)
        day.run("open", counter_id)
    day.drain()
    served = {code for c in state.counters.values() for code in c.profile}
    assert all(t.category not in served for t in state.waiting.values())
    calls = [e.payload["ticket_id"] for e in day.engine.journal if e.type is EventType.TICKET_CALLED]
    assert len(calls) == len(set(calls)) == len(day.called)
    assert not state.conflicts
