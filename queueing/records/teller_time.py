"""Teller time: signed in, serving, paused (with reasons) and idle, from counter events.

A counter session runs from ``counter_opened`` (which names the teller) to
``counter_closed``; pauses run from ``counter_paused`` to ``counter_resumed`` (or
the close). A teller who switches counters has one session per counter; sessions
that overlap (a teller opening a second window before closing the first) count
their signed-in time once.
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
    start: datetime
    pauses: list[PauseSpan]
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


# A teller leaving a counter that stays open (a customer still at it): their time there ends, as at a close.
_LEFT = frozenset((EventType.COUNTER_SIGNED_OUT, EventType.COUNTER_RELEASED))


def build_sessions(events: Iterable[Event]) -> list[CounterSession]:
    """Counter sessions of named tellers, in the order they ended (open ones last)."""
    sessions: list[CounterSession] = []
    live: dict[str, _Open] = {}
    for event in events:
        kind, p = event.type, event.payload
        counter = p.get("counter_id", "")
        current = live.get(counter)
        if kind is EventType.COUNTER_OPENED:
            if current is not None:  # opened twice (offline stations): the second open ends the first session
                current.close_pause(event.at)
                sessions.append(current.session(counter, event.at))
                del live[counter]
            if p.get("staff_id"):
                live[counter] = _Open(p["staff_id"], event.at, [])
        elif current is None:
            continue
        elif kind is EventType.COUNTER_PAUSED and current.pause_start is None:
            current.pause_reason, current.pause_start = p.get("reason"), event.at
        elif kind is EventType.COUNTER_RESUMED:
            current.close_pause(event.at)
        elif kind is EventType.COUNTER_CLOSED or (
            kind in _LEFT and p.get("staff_id") == current.teller  # left it open for whoever takes it over next
        ):
            current.close_pause(event.at)
            sessions.append(current.session(counter, event.at))
            del live[counter]
    sessions.extend(current.session(counter, None) for counter, current in live.items())
    return sessions


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
    """Each teller's time in [start, end); serving time is the service time of ``visits`` (already in the period).

    Idle is what is left of signed-in time after serving and pauses, never below zero.
    """
    serving: dict[str, float] = defaultdict(float)
    for visit in visits:
        if visit.teller is not None:
            serving[visit.teller] += visit.service_s
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
