"""Whole branch days run through the real engine on a simulated clock.

Every action a teller or the kiosk would take goes through Engine/Commands and
the reducer, so the simulation exercises the same rules as the branch. Events
can also go to a sink (a store writer, say) through ``Engine.subscribe``.
"""

from __future__ import annotations

import gc
import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import cached_property, partial
from itertools import count
from operator import attrgetter
from zoneinfo import ZoneInfo

from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.counters import CounterStatus, PauseReason
from queueing.core.engine import Engine
from queueing.core.errors import NothingWaiting
from queueing.core.events import Event
from queueing.core.tickets import Ticket, TicketStatus, TransactionLine
from queueing.records.usage import UsageMeter
from queueing.simulation.arrivals import sample_day
from queueing.simulation.ids import SimulatedIds
from queueing.simulation.spec import Arrival, CounterSpec, SimulationSpec, seconds_after
from queueing.waits.estimate import estimate_wait, naive_estimate_s
from queueing.waits.outlook import ArrivalRates, CounterPlan, Outlook

STATION_ID = "SIM"
_status = attrgetter("status")
_category = attrgetter("category")
_new_object = object.__new__
_set_attribute = object.__setattr__
# Read at every customer, as module names: a member read off its enum class in Python 3.11 goes through
# EnumType.__getattr__'s slow hook.
_OPEN, _DONE, _NO_SHOW = CounterStatus.OPEN, TicketStatus.DONE, TicketStatus.NO_SHOW


@dataclass(frozen=True)
class CustomerRecord:
    """One ticket's outcome, and what the branch told the customer when it was issued."""

    day: int
    number: str
    category: str
    priority: str
    issued_offset_s: float
    outcome: str  # served, no_show or unserved (still waiting when the day ended)
    wait_s: float | None  # issue to first call, for served customers
    service_s: float | None
    estimate_mean_s: float | None  # None when no open counter served the category at issue
    estimate_p90_s: float | None
    naive_s: float | None
    counted: bool  # False during the warm-up


@dataclass
class SimulationResult:
    spec: SimulationSpec
    seed: int
    customers: list[CustomerRecord] = field(default_factory=list)
    open_s: float = 0.0  # counter time open and not paused, all counters, all days
    busy_s: float = 0.0  # counter time with a ticket called or served
    events: list[Event] = field(default_factory=list)

    @property
    def utilisation(self) -> float:
        return self.busy_s / self.open_s if self.open_s > 0 else 0.0


# What the simulator noted at a ticket's issue: (arrival, offset_s, counted, estimate as (mean_s, p90_s), naive_s).
# A tuple: made at every customer, and read back once at the call and once for the record.
_Issued = tuple[Arrival, float, bool, "tuple[float, float] | None", "float | None"]


class BranchSimulator:
    """Runs a spec day after day on one engine (numbers restart daily, service statistics carry over)."""

    def __init__(
        self,
        spec: SimulationSpec,
        seed: int = 1,
        sink: Callable[[Event], None] | None = None,
        keep_events: bool = True,
        estimates: bool = True,
    ) -> None:
        self.spec = spec
        self.seed = seed
        self.rng = random.Random(seed)
        # Its own stream: drawing transaction types leaves the queue's arrivals and services as they were.
        self.type_rng = random.Random(f"types-{seed}")
        self.keep_events = keep_events
        self.estimates = estimates
        self.tz = ZoneInfo(spec.config.timezone)
        self.t0 = self._opening(0)
        self.clock = ManualClock(self.t0)
        self.engine = Engine(
            spec.config,
            self.clock,
            branch_id="SIM",
            station_id=STATION_ID,
            new_id=SimulatedIds(self.clock),
            keep_journal=keep_events,
        )
        self.usage = UsageMeter()
        self.arrival_rates = ArrivalRates()
        # The commands run at every customer go straight to the command set and Engine.commit.
        self._commands, self._commit = self.engine.commands, self.engine.commit
        for kinds, listener in self.usage.listeners():
            self.engine.subscribe(listener, kinds)
        self._has_sink = sink is not None
        if sink is not None:
            self.engine.subscribe(sink)
        self.now_s = 0.0
        self._takers = _takers(spec.counters)
        self._lines: dict[str, tuple[TransactionLine]] = {}
        self._agenda: list[tuple[float, int, Callable[..., None], tuple]] = []
        self._order = count()
        self._walk_s = max(0.0, spec.walk_s)
        self._serving: dict[str, tuple[str, ...]] = {}  # _servers' answers: the counters are configured once
        self._configure_counters()

    # -- running -------------------------------------------------------------
    def run(self) -> SimulationResult:
        # The engine and this loop make no reference cycles per event (a whole run leaves a few dozen objects
        # for the collector), so the cyclic collector is paused for the run instead of walking every live ticket
        # and event again and again. Not with a sink: a store's writer may make cycles.
        pause = not self._has_sink and gc.isenabled()
        if pause:
            gc.disable()
        try:
            return self._run()
        finally:
            if pause:
                gc.enable()

    def _run(self) -> SimulationResult:
        result = SimulationResult(self.spec, self.seed)
        for day in range(self.spec.days):
            arrivals = self.spec.replay[day] if self.spec.replay is not None else sample_day(self.spec, self.rng)
            result.customers.extend(self._run_day(day, arrivals))
            if self.keep_events:
                result.events.extend(self.engine.journal)
            self.engine.journal.clear()
        result.open_s, result.busy_s = self.usage.open_s, self.usage.busy_s
        return result

    def _run_day(self, day: int, arrivals: tuple[Arrival, ...]) -> list[CustomerRecord]:
        self.day_base = max(self.now_s, (self._opening(day) - self.t0).total_seconds())
        if day:
            # As in a branch, a ticket the day before left waiting closes at the next day's first step.
            self.now_s = self.day_base
            self.clock.set(self.t0 + timedelta(0, self.day_base))
            self.engine.execute(Commands.end_past_days)
        self.kiosk_closed = False
        self.issued: dict[str, _Issued] = {}
        self.lunch_due: set[str] = set()
        self.lunched: set[str] = set()
        self.lunch_ends: dict[str, float] = {}
        self.closed_today: set[str] = set()
        self.close_due: set[str] = set()
        self.idle: set[str] = set()
        for spec in self.spec.counters:
            self._schedule(self._at(spec.opens), self._open, spec)
            if spec.lunch is not None:
                self._schedule(self._at(spec.lunch.at), self._lunch_due, spec.id)
            if spec.closes is not None:
                self._schedule(self._at(spec.closes), self._close_due, spec.id)
        # The day's customers, as the agenda would hold them, in its order: kept apart, so the heap holds only the
        # counters' few pending actions instead of the whole day's arrivals.
        # max(at, now_s) written out as the builtin decides it (now_s only when strictly later): no builtin call per
        # customer.
        base, now_s, order, arrive = self.day_base, self.now_s, self._order, self._arrive
        coming = sorted(
            (now_s if now_s > (at := base + arrival.offset_s) else at, next(order), arrive, (arrival,))
            for arrival in arrivals
        )
        self._schedule(self.day_base + self.spec.open_seconds, self._close_kiosk)
        agenda, pop, clock, t0 = self._agenda, heapq.heappop, self.clock, self.t0
        first, last = 0, len(coming)
        while agenda or first < last:
            # The earlier of the next customer and the agenda's first, by (time, order) as one heap would pop them.
            if first < last and (not agenda or coming[first] < agenda[0]):
                at, _, action, args = coming[first]
                first += 1
            else:
                at, _, action, args = pop(agenda)
            if at != self.now_s:
                # Set, not advanced by differences: microsecond rounding would drift over a day. timedelta(0, at)
                # is timedelta(seconds=at) without parsing a keyword (half the cost, at every step).
                clock.set(t0 + timedelta(0, at))
                self.now_s = at
            action(*args)
        now = self.clock.now()
        return [self._record(day, tid, issued, now) for tid, issued in self.issued.items()]

    def _opening(self, day: int) -> datetime:
        local = datetime.combine(self.spec.start_date + timedelta(days=day), self.spec.opening, tzinfo=self.tz)
        # datetime.UTC, not ZoneInfo("UTC"): the clock takes a time in it as it is (no conversion at every event).
        return local.astimezone(UTC)

    def _at(self, moment: time | None) -> float:
        """Simulation seconds of a local time of day today (None: the opening)."""
        return self.day_base + (seconds_after(self.spec.opening, moment) if moment is not None else 0.0)

    def _current(self, counter_id: str) -> Ticket:
        """The ticket at a counter that is serving (finish and recall are scheduled only then)."""
        current = self.engine.state.counters[counter_id].current
        if current is None:
            raise RuntimeError(f"counter {counter_id} has no ticket to finish or recall")
        return self.engine.state.tickets[current]

    def _schedule(self, at: float, action: Callable[..., None], *args: object) -> None:
        heapq.heappush(self._agenda, (at if at > self.now_s else self.now_s, next(self._order), action, args))

    def _configure_counters(self) -> None:
        for spec in self.spec.counters:
            self.engine.execute(partial(_configure, spec))

    # -- the kiosk -----------------------------------------------------------
    def _arrive(self, arrival: Arrival) -> None:
        booked = None
        if arrival.appointment_offset_s is not None:
            booked = self.t0 + timedelta(seconds=self.day_base + arrival.appointment_offset_s)
        (event,) = self._commit(self._commands.issue_ticket(arrival.category, arrival.priority, None, booked))
        ticket_id = event.payload["ticket_id"]
        offset_s = self.now_s - self.day_base
        if self.estimates:
            estimate, naive_s = self._estimate(ticket_id), self._naive(ticket_id)
        else:
            estimate = naive_s = None
        self.issued[ticket_id] = (arrival, offset_s, offset_s >= self.spec.warmup_s, estimate, naive_s)
        # An idle counter that serves the category calls at once; the one that ranks it highest goes first.
        if self.idle:
            for counter_id in self._takers.get(arrival.category, ()):
                if counter_id in self.idle and self._try_call(counter_id):
                    break

    def _estimate(self, ticket_id: str) -> tuple[float, float] | None:
        found = estimate_wait(self.engine.state, self.clock.now(), ticket_id, self._outlook())
        return (found.mean_s, found.p90_s) if found else None

    def _outlook(self) -> Outlook:
        """What a branch knows ahead: its counters' day plan (the spec) and the arrival rates it has seen today."""
        plans = {}
        for spec in self._planned:
            counter = self.engine.state.counters[spec.id]
            if counter.status is CounterStatus.OPEN and spec.lunch is None and spec.closes is None:
                continue  # open all day with no break: nothing to plan
            back = None
            if counter.status is CounterStatus.PAUSED and spec.id in self.lunch_ends:
                back = self.lunch_ends[spec.id] - self.now_s
            elif counter.status is CounterStatus.CLOSED:
                opens = self._at(spec.opens)
                if opens <= self.now_s or spec.id in self.closed_today:
                    continue  # closed for the day
                back = opens - self.now_s
            lunch = spec.lunch if spec.lunch is not None and spec.id not in self.lunched else None
            plans[spec.id] = CounterPlan(
                spec.id,
                back_in_s=back,
                break_from_s=max(0.0, self._at(lunch.at) - self.now_s) if lunch else None,
                break_s=lunch.minutes * 60.0 if lunch else 0.0,
                closes_in_s=self._at(spec.closes) - self.now_s if spec.closes is not None else None,
            )
        rates = self.arrival_rates.rates(self.engine.state, self.clock.now()) if not self.kiosk_closed else {}
        horizon = max(0.0, self.day_base + self._open_seconds - self.now_s)
        return Outlook(plans, rates, horizon)

    @cached_property
    def _open_seconds(self) -> float:
        """spec.open_seconds (a property that works it out from the times), read at every ticket issued."""
        return self.spec.open_seconds

    @cached_property
    def _planned(self) -> tuple[CounterSpec, ...]:
        """The counters with a day plan (a later opening, a lunch, a closing); the others are open all day, or
        closed for the day: nothing to plan, at every ticket issued."""
        return tuple(s for s in self.spec.counters if s.opens is not None or s.lunch or s.closes is not None)

    def _naive(self, ticket_id: str) -> float | None:
        state = self.engine.state
        category = state.tickets[ticket_id].category
        # Counted by C loops (map, list.count) instead of a generator per counter and per waiting ticket, at every
        # ticket issued: the open counters among those that serve the category, the waiting tickets of it.
        open_counters = list(map(_status, map(state.counters.__getitem__, self._servers(category)))).count(_OPEN)
        if open_counters == 0:
            return None
        ahead = list(map(_category, state.waiting.values())).count(category) - 1
        # The same counter time per call as the estimate plays forward with, so the comparison is of the method alone.
        stats = state.stats[category]
        return naive_estimate_s(ahead, stats.steady_mean_s + stats.steady_overhead_s, open_counters)

    def _servers(self, category: str) -> tuple[str, ...]:
        """The counters whose profile serves ``category`` (the simulator configures them once, from the spec)."""
        found = self._serving.get(category)
        if found is None:
            counters = self.engine.state.counters
            found = self._serving[category] = tuple(cid for cid, c in counters.items() if c.serves(category))
        return found

    def _close_kiosk(self) -> None:
        self.kiosk_closed = True
        for counter_id in sorted(self.idle):
            self._try_call(counter_id)

    # -- the counters --------------------------------------------------------
    def _open(self, spec: CounterSpec) -> None:
        self.engine.execute(lambda c: c.open_counter(spec.id, f"T-{spec.id}"))
        self._try_call(spec.id)

    def _try_call(self, counter_id: str) -> bool:
        """A free counter does what is due: lunch, closing, or calling the next ticket."""
        counter = self.engine.state.counters[counter_id]
        if counter.status is not _OPEN or counter.current is not None:
            return False
        self.idle.discard(counter_id)
        if counter_id in self.close_due:
            self._close(counter_id)
            return False
        if counter_id in self.lunch_due:
            self._pause_for_lunch(counter_id)
            return False
        # call_next only while someone waits: what it would say otherwise, without the exception's cost. Inline (every
        # customer): a try costs nothing until it raises.
        event = None
        if self.engine.state.waiting:
            try:
                (event,) = self._commit(self._commands.call_next(counter_id))
            except NothingWaiting:
                pass
        if event is None:
            if self.kiosk_closed:
                self._close(counter_id)
            else:
                self.idle.add(counter_id)
            return False
        arrival = self.issued[event.payload["ticket_id"]][0]
        if arrival.no_show:
            self._schedule(self.now_s + self.spec.recall_interval_s, self._recall, counter_id)
        else:
            # _schedule inline (every customer): the walk is not negative. The category rides along for _finish.
            args = (counter_id, arrival.service_s, arrival.category)
            heapq.heappush(self._agenda, (self.now_s + self._walk_s, next(self._order), self._start, args))
        return True

    def _close(self, counter_id: str) -> None:
        self.closed_today.add(counter_id)
        self.engine.execute(Commands.close_counter, counter_id)

    def _start(self, counter_id: str, service_s: float, category: str) -> None:
        self._commit(self._commands.start(counter_id))
        # _schedule inline (every customer): a service ends at or after now.
        heapq.heappush(self._agenda, (self.now_s + service_s, next(self._order), self._finish, (counter_id, category)))

    def _finish(self, counter_id: str, category: str) -> None:
        """The service at ``counter_id`` ends; ``category`` is its ticket's (the simulator transfers none)."""
        codes = self.spec.transaction_mix.get(category)
        code = self.type_rng.choice(codes) if codes else category
        lines = self._lines.get(code)
        if lines is None:  # one line of each type, made once: a TransactionLine is immutable
            lines = self._lines[code] = (TransactionLine(code, 1.0),)
        self._commit(self._commands.finish(counter_id, lines))
        self._try_call(counter_id)

    def _recall(self, counter_id: str) -> None:
        """Nobody came: call again, and after the last recall mark a no-show."""
        ticket = self._current(counter_id)
        if ticket.recalls < self.spec.config.policy.max_recalls:
            self.engine.execute(Commands.recall, counter_id)
            self._schedule(self.now_s + self.spec.recall_interval_s, self._recall, counter_id)
            return
        self.engine.execute(Commands.no_show, counter_id)
        self._try_call(counter_id)

    def _lunch_due(self, counter_id: str) -> None:
        self.lunch_due.add(counter_id)
        self._try_call(counter_id)  # pauses now if the counter is free; otherwise after its ticket

    def _pause_for_lunch(self, counter_id: str) -> None:
        self.lunch_due.discard(counter_id)
        self.lunched.add(counter_id)
        lunch = next(s.lunch for s in self.spec.counters if s.id == counter_id and s.lunch is not None)
        self.engine.execute(lambda c: c.pause(counter_id, PauseReason.LUNCH))
        self.lunch_ends[counter_id] = self.now_s + lunch.minutes * 60.0
        self._schedule(self.lunch_ends[counter_id], self._lunch_over, counter_id)

    def _lunch_over(self, counter_id: str) -> None:
        if self.engine.state.counters[counter_id].status is CounterStatus.PAUSED:
            self.engine.execute(lambda c: c.resume(counter_id))
            self._try_call(counter_id)

    def _close_due(self, counter_id: str) -> None:
        self.close_due.add(counter_id)
        if self.engine.state.counters[counter_id].status is CounterStatus.PAUSED:
            self._close(counter_id)
        else:
            self._try_call(counter_id)

    # -- figures -------------------------------------------------------------
    def _record(self, day: int, ticket_id: str, issued: _Issued, now: datetime) -> CustomerRecord:
        ticket = self.engine.state.tickets[ticket_id]
        served = ticket.status is _DONE
        outcome = "served" if served else "no_show" if ticket.status is _NO_SHOW else "unserved"
        _, offset_s, counted, estimate, naive_s = issued
        # The frozen record without the dataclass __init__ (object.__setattr__ for each of its twelve fields, at
        # every customer): the same instance, tests/queueing/simulation/test_sim_records.py holds the two equal.
        record = _new_object(CustomerRecord)
        _set_attribute(
            record,
            "__dict__",
            {
                "day": day,
                "number": ticket.number,
                "category": ticket.category,
                "priority": str(ticket.priority),
                "issued_offset_s": offset_s,
                "outcome": outcome,
                "wait_s": ticket.waited_s(now) if served else None,
                "service_s": ticket.service_seconds if served else None,
                "estimate_mean_s": estimate[0] if estimate else None,
                "estimate_p90_s": estimate[1] if estimate else None,
                "naive_s": naive_s,
                "counted": counted,
            },
        )
        return record


def simulate(
    spec: SimulationSpec,
    seed: int = 1,
    sink: Callable[[Event], None] | None = None,
    keep_events: bool = True,
    estimates: bool = True,
) -> SimulationResult:
    """Run every day of ``spec``. ``sink`` gets each event as it is applied.

    ``keep_events=False`` keeps no journal (long statistical runs);
    ``estimates=False`` skips the wait estimate at issue, which only the EWT figures need.
    """
    return BranchSimulator(spec, seed, sink, keep_events, estimates).run()


def _takers(counters: tuple[CounterSpec, ...]) -> dict[str, list[str]]:
    """Per category, the counters that serve it, the one ranking it highest first (ties by id)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for counter in counters:
        for code, level in counter.profile.items():
            found.setdefault(code, []).append((level, counter.id))
    return {code: [counter_id for _, counter_id in sorted(ranked)] for code, ranked in found.items()}


def _configure(spec: CounterSpec, commands: Commands) -> list[Event]:
    return commands.configure_counter(spec.id, spec.name, spec.profile)
