"""The counters' day ahead for the live wait estimate: each teller's next break, and when a paused counter is back.

A break is the teller's, not the counter's: the plan follows the teller to whatever counter they are signed in
at now (``state.sessions``; a counter opened for a teller without a sign-in, as the demo's traffic does,
counts as theirs). A teller signed in nowhere has no counter for their break to pause.

Decisions (the issue is silent):
- A break whose start has passed while its teller kept serving is expected at the counter's next free moment
  (``break_from_s`` 0), as the simulator's plan does, for its planned length; once its planned end plus its
  length again has passed, or a later break of the teller's was taken, it is counted as skipped.
- A break is taken by the teller's pause for lunch or a break (on any counter) from ``TAKEN_EARLY_S`` before
  its start on; a pause takes the untaken break whose start is nearest to it. A taken break is not expected
  again, and the counter paused for it is expected back when the planned length has passed (not the
  alerts' general pause limit, which a pause nobody planned still gets).
- Only the teller's next break is planned (``CounterPlan`` holds one); the one after follows once it is taken.

The day's plan and the pauses taken are read from the journal once, and again only when a break event or a
pause for lunch or a break is recorded, or the business day changes: not at every estimate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.branch.day_plan import DayPlan
from queueing.core.commands import business_date
from queueing.core.counter_sessions import signed_in, signed_out
from queueing.core.counters import Counter, CounterStatus, PauseReason
from queueing.core.events import Event, EventType
from queueing.core.state import BranchState
from queueing.supervisor.break_plan import Break
from queueing.waits.outlook import CounterPlan

# A pause this long before a planned break's start is the teller taking it early.
TAKEN_EARLY_S = 1800.0
# The day's counter events are read from this long before its midnight, so that a session begun late the
# evening before still names the teller who paused.
SESSION_LOOKBACK = timedelta(hours=12)
BREAK_REASONS = frozenset({PauseReason.LUNCH.value, PauseReason.BREAK.value})
_BREAK_EVENTS = frozenset({EventType.BREAK_SCHEDULED, EventType.BREAK_CANCELLED})
_OPEN_CLOSE = (EventType.COUNTER_OPENED, EventType.COUNTER_CLOSED)

# (day, from when) -> the day's planned breaks and the counter events from then on, in journal order.
ReadDay = Callable[[date, datetime], tuple[list[Break], list[Event]]]


@dataclass(frozen=True)
class Pause:
    """A teller's pause for lunch or a break: who, where, from when."""

    staff_id: str
    counter_id: str
    at: datetime


def is_break_pause(event: Event) -> bool:
    return event.type is EventType.COUNTER_PAUSED and event.payload.get("reason") in BREAK_REASONS


def break_pauses(state: BranchState, events: Iterable[Event], since: datetime, midnight: datetime) -> list[Pause]:
    """The day's pauses for lunch or a break, each with the teller who held the counter at that moment.

    ``events`` are the counter events recorded from ``since`` on, in journal order; ``state`` is the branch
    after all of them. The sessions and openings they replay start from those older than ``since``, through
    the reducer's own sign-in rules (a clashing sign-in holds nothing).
    """
    events = list(events)
    scratch = BranchState(state.config)
    scratch.sessions = {c: held for c, held in state.sessions.items() if held.at < since}
    # Who opened a counter is known from before ``since`` only where no opening or closing came since.
    reopened = {e.payload.get("counter_id") for e in events if e.type in _OPEN_CLOSE}
    opened: dict[str, str | None] = {
        c.id: c.staff
        for c in state.counters.values()
        if c.status is not CounterStatus.CLOSED and c.staff and c.id not in reopened
    }
    found = []
    for event in events:
        counter_id = str(event.payload.get("counter_id"))
        if event.type is EventType.COUNTER_SIGNED_IN:
            signed_in(scratch, event)
        elif event.type in (EventType.COUNTER_SIGNED_OUT, EventType.COUNTER_RELEASED):
            signed_out(scratch, event)
        elif event.type is EventType.COUNTER_OPENED:
            opened[counter_id] = event.payload.get("staff_id")
        elif event.type is EventType.COUNTER_CLOSED:
            opened.pop(counter_id, None)
        elif is_break_pause(event) and event.at >= midnight:
            held = scratch.sessions.get(counter_id)
            staff = held.staff_id if held is not None else opened.get(counter_id)
            if staff:
                found.append(Pause(staff, counter_id, event.at))
    return found


def breaks_taken(breaks: Sequence[Break], pauses: Iterable[Pause], timezone: str) -> dict[str, Pause]:
    """Break id -> the pause that took it."""
    begins = {b.id: b.span(timezone)[0] for b in breaks}
    taken: dict[str, Pause] = {}
    for pause in sorted(pauses, key=lambda p: p.at):
        early = pause.at + timedelta(seconds=TAKEN_EARLY_S)
        open_ones = [b for b in breaks if b.staff_id == pause.staff_id and b.id not in taken and begins[b.id] <= early]
        if open_ones:
            nearest = min(open_ones, key=lambda b: (abs((begins[b.id] - pause.at).total_seconds()), begins[b.id]))
            taken[nearest.id] = pause
    return taken


class BreakOutlook:
    """The counters' plans for the estimate, from the day's breaks and the pauses taken; read again when stale."""

    def __init__(self, plan: DayPlan, timezone: str, read: ReadDay) -> None:
        self.plan = plan
        self.timezone = timezone
        self.zone = ZoneInfo(timezone)
        self._read = read
        self._day: date | None = None
        self._closing: datetime | None = None
        # staff -> breaks not taken yet, by start, with the POSIX seconds each begins and counts as skipped from
        # (plain numbers: the estimate compares them at every command for every counter)
        self._due: dict[str, list[tuple[Break, float, float]]] = {}
        self._taken: dict[str, tuple[Break, Pause]] = {}  # staff -> their latest break taken, with its pause

    def stale(self) -> None:
        """Read the plan again at the next estimate (the state was rebuilt)."""
        self._day = None

    def note(self, events: Iterable[Event]) -> None:
        """Events just applied to the branch: a break planned, moved or cancelled, or one begun, makes it stale."""
        if any(e.type in _BREAK_EVENTS or is_break_pause(e) for e in events):
            self._day = None

    def horizon_s(self, state: BranchState, now: datetime) -> float | None:
        """Seconds until the kiosk stops issuing today (no arrivals are expected after it); None: not known."""
        self._ensure(state, business_date(state, now))
        return None if self._closing is None else max(0.0, (self._closing - now).total_seconds())

    def plans(self, state: BranchState, now: datetime, pause_lengths_s: dict[str, float]) -> dict[str, CounterPlan]:
        self._ensure(state, business_date(state, now))
        plans = {}
        at = now.timestamp()
        for counter in state.counters.values():
            if counter.status is CounterStatus.CLOSED:
                continue
            held = state.sessions.get(counter.id)
            staff = held.staff_id if held is not None else counter.staff
            back_in = self._back_in(counter, staff, now, pause_lengths_s)
            due = self._next_break(staff, at) if staff else None
            if back_in is None and due is None:
                continue
            plans[counter.id] = CounterPlan(
                counter.id,
                back_in_s=back_in,
                break_from_s=max(0.0, due[1] - at) if due else None,
                break_s=due[0].minutes * 60.0 if due else 0.0,
            )
        return plans

    def _back_in(
        self, counter: Counter, staff: str | None, now: datetime, pause_lengths_s: dict[str, float]
    ) -> float | None:
        """When a paused counter calls again: its planned break's length, else the alerts' limit for the pause."""
        if counter.status is not CounterStatus.PAUSED or counter.status_since is None:
            return None
        length = pause_lengths_s.get(counter.pause_reason or PauseReason.OTHER.value)
        taken = self._taken.get(staff) if staff else None
        if taken is not None and taken[1].counter_id == counter.id and _same_moment(taken[1].at, counter.status_since):
            length = taken[0].minutes * 60.0
        if length is None:
            return None
        back_in = length - (now - counter.status_since).total_seconds()
        return back_in if back_in > 0 else None

    def _next_break(self, staff: str, at: float) -> tuple[Break, float, float] | None:
        for due in self._due.get(staff, ()):
            if at < due[2]:
                return due
        return None

    def _ensure(self, state: BranchState, day: date) -> None:
        if day == self._day:
            return
        midnight = datetime.combine(day, time(0), tzinfo=self.zone)
        since = midnight - SESSION_LOOKBACK
        breaks, events = self._read(day, since)
        taken = breaks_taken(breaks, break_pauses(state, events, since, midnight), self.timezone)
        latest: dict[str, tuple[Break, Pause]] = {}
        for planned in breaks:
            if planned.id in taken and (
                planned.staff_id not in latest or latest[planned.staff_id][1].at < taken[planned.id].at
            ):
                latest[planned.staff_id] = (planned, taken[planned.id])
        due: dict[str, list[tuple[Break, float, float]]] = {}
        for planned in breaks:  # by start: a break before the latest one taken was skipped
            last = latest.get(planned.staff_id)
            if planned.id not in taken and (last is None or planned.start > last[0].start):
                begin, end = (moment.timestamp() for moment in planned.span(self.timezone))
                # Not begun by its end plus its length again: skipped.
                due.setdefault(planned.staff_id, []).append((planned, begin, end + (end - begin)))
        self._due, self._taken = due, latest
        self._closing = self.plan.closing_at(day, self.timezone)
        self._day = day


def _same_moment(a: datetime, b: datetime) -> bool:
    # The journal keeps microseconds; a second apart covers a store that rounds them.
    return abs((a - b).total_seconds()) < 1.0
