"""Injected clocks: the engine never reads the system time itself."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol
from uuid import uuid4


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware UTC wall-clock time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for durations)."""

    @property
    def run_id(self) -> str:
        """Which run of ``monotonic`` this is: two readings of one run can be subtracted, whatever the wall clock
        did in between; a reading from another run (the program started again, maybe after a reboot) cannot."""


# One program's run: its monotonic clock has neither restarted nor jumped since (the PC's may have before it).
_PROCESS_RUN = uuid4().hex[:16]
# The longest run id a ticket keeps (models/store/tables.py TicketRow.started_run).
RUN_ID_MAX_LENGTH = 32


class SystemClock:
    run_id = _PROCESS_RUN

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


# Between two readings, a wall clock that ran this much less than the monotonic one was set back.
STEP_BACK_S = 2.0


class CorrectedClock:
    """A station's clock: its wall time corrected by the offset measured against upstream's clock.

    Durations keep the base clock's monotonic time. Only a real wall clock is corrected: a
    simulated one (the simulator's, a test's) keeps its own time whatever the server says.

    Between measurements (offline, for hours) the PC's clock may be set. A step back is followed at once: the
    wall clock ran less than the monotonic one since the last reading, which nothing but a step explains, so
    the offset takes up the difference and the time goes on from where it was. A step forward is left to the
    next measurement: the monotonic clock stops while a PC sleeps, so a wall clock that ran more may be right.
    """

    def __init__(self, base: Clock) -> None:
        self.base = base
        self.offset_s = 0.0
        self._last: tuple[datetime, float] | None = None  # the base's last reading: wall, monotonic
        self._reading = threading.Lock()

    @property
    def measurable(self) -> bool:
        return isinstance(self.base, SystemClock)

    def now(self) -> datetime:
        base_now = self.base.now()
        if self.measurable:
            self._follow_step_back(base_now)
        return base_now + timedelta(seconds=self.offset_s) if self.offset_s else base_now

    def _follow_step_back(self, base_now: datetime) -> None:
        with self._reading:  # two threads must not take up one step twice
            mono, last = self.base.monotonic(), self._last
            self._last = (base_now, mono)
            if last is None:  # a measurable base is this program's SystemClock: one run throughout
                return
            behind = (mono - last[1]) - (base_now - last[0]).total_seconds()
            if behind > STEP_BACK_S:
                self.offset_s += behind

    def monotonic(self) -> float:
        return self.base.monotonic()

    @property
    def run_id(self) -> str:
        return self.base.run_id


_NO_TIME = timedelta(0)

# The last instant epoch_ms converted and its milliseconds, replaced whole (a thread reads a consistent pair).
_last_ms: tuple[datetime | None, int] = (None, 0)


def epoch_ms(now: datetime) -> int:
    """``int(now.timestamp() * 1000)``. The event's hlc and a simulated ticket id ask for the same instant one
    after the other: the second gets the first's answer."""
    global _last_ms
    last = _last_ms
    if last[0] is now:
        return last[1]
    ms = int(now.timestamp() * 1000)
    _last_ms = (now, ms)
    return ms


class ManualClock:
    """A clock the simulator and the tests move by hand."""

    # A hand-moved clock is never set back, so its monotonic time is its wall time (the epoch's seconds): two
    # of them agree, as one program's run does, and a simulated day's journal is the same at every run.
    run_id = "manual"

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._mono = self._now.timestamp()

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time only moves forward")
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def set(self, when: datetime) -> None:
        if when.tzinfo is not UTC:
            when = when.astimezone(UTC)
        step = when - self._now
        if step < _NO_TIME:
            raise ValueError("time only moves forward")
        # ``when`` itself, not now + step: the same instant without a second datetime sum (the simulator sets
        # the clock at every event).
        self._now = when
        self._mono += step.total_seconds()
