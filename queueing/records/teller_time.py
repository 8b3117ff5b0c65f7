"""Teller time: signed in, serving, paused (with reasons) and idle, from counter and sign-in events.

A teller's time at a counter runs from their ``counter_signed_in`` to their
``counter_signed_out`` or a supervisor's ``counter_released`` naming them: who holds
a counter is decided as the reducer decides it (queueing/core/counter_sessions.py),
so a clashing sign-in from a station that was offline, and that station's opening and
closing of the counter, never end the time of the teller who holds it. The teller who
clashed was at that station all the same: they get a session of their own, until they
sign out there or sign in anywhere (a teller works at one counter at a time).

A counter opened for a named teller with no sign-in (a supervisor's opening, the
simulator, journals from before sign-ins) is that teller's until the counter closes,
is opened again, or a sign-in takes it over. Pauses run from ``counter_paused`` to
``counter_resumed`` (or the close); a pause goes to the session of the station that
made it where that station's sign-in clashed, else to the counter's session. A teller
who switches counters has one session per counter; sessions that overlap (a teller
opening a second window before closing the first) count their signed-in time once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from queueing.core.events import Event, EventType
from queueing.records.visits import VisitRecord


@dataclass(frozen=True)
class PauseSpan:
    reason: str
    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class CounterSession:
    teller: str
    counter_id: str
    start: datetime
    end: datetime | None  # None: still open at the end of the stream
    pauses: tuple[PauseSpan, ...] = ()


@dataclass(frozen=True)
class TellerTime:
    teller: str
    signed_in_s: float
    serving_s: float
    paused_s: float
    paused_by_reason: tuple[tuple[str, float], ...]
    idle_s: float
    counters: tuple[str, ...]


@dataclass(slots=True)
class _Open:
    teller: str
    station: str
    start: datetime
    pauses: list[PauseSpan]
    signed_in: bool = False  # False: a counter opened for the teller, with no sign-in
    pause_reason: str | None = None
    pause_start: datetime | None = None

    def close_pause(self, at: datetime) -> None:
        if self.pause_start is not None:
            self.pauses.append(PauseSpan(self.pause_reason or "other", self.pause_start, at))
            self.pause_start = None

    def session(self, counter_id: str, end: datetime | None) -> CounterSession:
        pauses = list(self.pauses)
        if self.pause_start is not None:
            pauses.append(PauseSpan(self.pause_reason or "other", self.pause_start, end))
        return CounterSession(self.teller, counter_id, self.start, end, tuple(pauses))


class _Sessions:
    """The sessions of an event stream, built as the events come."""

    def __init__(self) -> None:
        self.ended: list[CounterSession] = []
        # By counter: the teller signed in there as the reducer holds it, or the one it was opened for.
        self.live: dict[str, _Open] = {}
        # By (counter, teller): a sign-in that met a session already held (the reducer flags it, changes nothing).
        self.clashed: dict[tuple[str, str], _Open] = {}

    def end(self, counter: str, current: _Open, at: datetime) -> None:
        current.close_pause(at)
        self.ended.append(current.session(counter, at))

    def of_station(self, event: Event) -> _Open | None:
        """The session a counter event of ``event``'s station belongs to: that station's clashing one, if any."""
        counter = event.payload.get("counter_id", "")
        for (at_counter, _), current in self.clashed.items():
            if at_counter == counter and current.station == event.station_id:
                return current
        return self.live.get(counter)

    def signed_in(self, event: Event) -> None:
        counter, teller, at = event.payload["counter_id"], event.payload["staff_id"], event.at
        held = self.live.get(counter)
        if held is not None and held.signed_in and held.teller == teller:
            held.station = event.station_id  # signed in again (a restarted station): the session goes on
            return
        elsewhere = any(o.signed_in and o.teller == teller for c, o in self.live.items() if c != counter)
        clash = elsewhere or (held is not None and held.signed_in)
        for key in [k for k in self.clashed if k[1] == teller and (k[0] != counter or not clash)]:
            self.end(key[0], self.clashed.pop(key), at)  # the teller who clashed has moved on
        if clash:
            self.clashed.setdefault((counter, teller), _Open(teller, event.station_id, at, []))
            return
        taken = _Open(teller, event.station_id, at, [], signed_in=True)
        if held is not None:  # opened for someone without a sign-in: taken over, a pause running goes on
            taken.pause_reason, taken.pause_start = held.pause_reason, at if held.pause_start else None
            self.end(counter, held, at)
        self.live[counter] = taken

    def left(self, event: Event) -> None:
        """A sign-out or a release: it ends the session of the teller it names, as the reducer ends only theirs."""
        counter, teller = event.payload.get("counter_id", ""), event.payload.get("staff_id", "")
        current = self.live.get(counter)
        if current is not None and current.teller == teller:
            self.end(counter, self.live.pop(counter), event.at)
        elif (counter, teller) in self.clashed:
            self.end(counter, self.clashed.pop((counter, teller)), event.at)

    def opened(self, event: Event) -> None:
        counter, current = event.payload.get("counter_id", ""), self.of_station(event)
        if current is not None and (current.signed_in or current is not self.live.get(counter)):
            return  # a sign-in's own opening, or a clashing station's: the session held goes on
        if current is not None:  # opened twice (offline stations): the second open ends the first session
            self.end(counter, self.live.pop(counter), event.at)
        if event.payload.get("staff_id"):
            self.live[counter] = _Open(event.payload["staff_id"], event.station_id, event.at, [])

    def closed(self, event: Event) -> None:
        counter, current = event.payload.get("counter_id", ""), self.of_station(event)
        if current is None:
            return
        if current.signed_in or current is not self.live.get(counter):
            current.close_pause(event.at)  # the teller is still signed in until they sign out
        else:
            self.end(counter, self.live.pop(counter), event.at)

    def paused(self, event: Event) -> None:
        current = self.of_station(event)
        if current is not None and current.pause_start is None:
            current.pause_reason, current.pause_start = event.payload.get("reason"), event.at

    def resumed(self, event: Event) -> None:
        current = self.of_station(event)
        if current is not None:
            current.close_pause(event.at)

    def still_open(self) -> list[CounterSession]:
        return [o.session(c, None) for c, o in self.live.items()] + [
            o.session(c, None) for (c, _), o in self.clashed.items()
        ]


_STEPS = {
    EventType.COUNTER_SIGNED_IN: _Sessions.signed_in,
    EventType.COUNTER_SIGNED_OUT: _Sessions.left,
    EventType.COUNTER_RELEASED: _Sessions.left,
    EventType.COUNTER_OPENED: _Sessions.opened,
    EventType.COUNTER_CLOSED: _Sessions.closed,
    EventType.COUNTER_PAUSED: _Sessions.paused,
    EventType.COUNTER_RESUMED: _Sessions.resumed,
}
# The events that decide who holds a counter: the sessions of signed-in tellers follow from these alone.
SIGN_IN_EVENTS = (EventType.COUNTER_SIGNED_IN, EventType.COUNTER_SIGNED_OUT, EventType.COUNTER_RELEASED)
SESSION_EVENTS = tuple(_STEPS)


def build_sessions(events: Iterable[Event]) -> list[CounterSession]:
    """Counter sessions of named tellers, in the order they ended (open ones last)."""
    sessions = _Sessions()
    for event in events:
        step = _STEPS.get(event.type)
        if step is not None:
            step(sessions, event)
    return sessions.ended + sessions.still_open()


def _clip(start: datetime, end: datetime | None, lo: datetime, hi: datetime) -> tuple[datetime, datetime] | None:
    a, b = max(start, lo), min(end or hi, hi)
    return (a, b) if a < b else None


def _union_seconds(spans: list[tuple[datetime, datetime]]) -> float:
    total, reach = 0.0, None
    for a, b in sorted(spans):
        if reach is None or a > reach:
            total += (b - a).total_seconds()
            reach = b
        elif b > reach:
            total += (b - reach).total_seconds()
            reach = b
    return total


def teller_times(
    sessions: Iterable[CounterSession], visits: Iterable[VisitRecord], start: datetime, end: datetime
) -> dict[str, TellerTime]:
    """Each teller's time in [start, end); serving time is the service time of ``visits`` (already in the period),
    each teller's part of a visit that more than one served.

    Idle is what is left of signed-in time after serving and pauses, never below zero.
    """
    serving: dict[str, float] = defaultdict(float)
    for visit in visits:
        for teller, seconds in visit.served_by:  # each teller who served part of it, their part
            serving[teller] += seconds
    return times_with_serving(sessions, serving, start, end)


def times_with_serving(
    sessions: Iterable[CounterSession], serving: Mapping[str, float], start: datetime, end: datetime
) -> dict[str, TellerTime]:
    """``teller_times`` with each teller's serving seconds already summed."""
    spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    paused: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counters: dict[str, set[str]] = defaultdict(set)
    for session in sessions:
        span = _clip(session.start, session.end, start, end)
        if span is None:
            continue
        spans[session.teller].append(span)
        counters[session.teller].add(session.counter_id)
        for pause in session.pauses:
            part = _clip(pause.start, pause.end, span[0], span[1])
            if part is not None:
                paused[session.teller][pause.reason] += (part[1] - part[0]).total_seconds()
    result = {}
    for teller in set(spans) | set(serving):
        signed_in = _union_seconds(spans.get(teller, []))
        reasons = paused.get(teller, {})
        pause_total = sum(reasons.values(), 0.0)
        result[teller] = TellerTime(
            teller=teller,
            signed_in_s=signed_in,
            serving_s=serving.get(teller, 0.0),
            paused_s=pause_total,
            paused_by_reason=tuple(sorted(reasons.items())),
            idle_s=max(0.0, signed_in - serving.get(teller, 0.0) - pause_total),
            counters=tuple(sorted(counters.get(teller, ()))),
        )
    return result
