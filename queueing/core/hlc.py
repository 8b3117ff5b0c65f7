"""Hybrid logical clock: timestamps that order events across stations.

Encoded as a fixed-width string ``<wall ms, 15 digits>-<counter, 5 digits>-<node>``
so that string order is causal order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from queueing.core.clock import Clock, epoch_ms


@dataclass(frozen=True, order=True)
class HlcTimestamp:
    wall_ms: int
    counter: int
    node: str = ""

    def encode(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> HlcTimestamp:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)


class HybridLogicalClock:
    """The station's clock for event timestamps.

    The last timestamp is kept as two ints (wall ms, counter): a timestamp object and its
    text are made only when asked for, and ``tick_text`` (every event envelope) formats the
    wall part once per millisecond.
    """

    def __init__(self, clock: Clock, node: str) -> None:
        self._clock = clock
        self._node = node
        self._wall = 0
        self._counter = 0
        self._at: datetime | None = None
        self._ms = 0
        self._head_ms = -1
        self._head = ""

    @property
    def _last(self) -> HlcTimestamp:
        return HlcTimestamp(self._wall, self._counter, self._node)

    def _physical_ms(self) -> int:
        now = self._clock.now()
        if now is not self._at:  # a simulated clock hands out one object per instant: convert it once
            self._at, self._ms = now, epoch_ms(now)
        return self._ms

    def _advance(self) -> None:
        wall = self._physical_ms()
        if wall > self._wall:
            self._wall, self._counter = wall, 0
        else:
            self._counter += 1

    def tick(self) -> HlcTimestamp:
        """A timestamp for a local event."""
        self._advance()
        return HlcTimestamp(self._wall, self._counter, self._node)

    def tick_text(self) -> str:
        """``tick().encode()``, without the timestamp object (``_advance`` inline: once per event)."""
        now = self._clock.now()
        if now is not self._at:
            self._at, self._ms = now, epoch_ms(now)
        if self._ms > self._wall:
            self._wall, self._counter = self._ms, 0
            self._head = f"{self._ms:015d}-"
        else:
            self._counter += 1
            if self._wall != self._head_ms:
                self._head = f"{self._wall:015d}-"
        self._head_ms = self._wall
        return f"{self._head}{self._counter:05d}-{self._node}"

    def tick_parts(self, now: datetime) -> tuple[int, int]:
        """The (wall ms, counter) of ``tick_text`` with the clock read as ``now`` by the caller; ``text`` formats
        them the same later."""
        if now is not self._at:
            self._at, self._ms = now, epoch_ms(now)
        if self._ms > self._wall:
            self._wall, self._counter = self._ms, 0
        else:
            self._counter += 1
        return self._wall, self._counter

    def text(self, wall: int, counter: int) -> str:
        return f"{wall:015d}-{counter:05d}-{self._node}"

    def receive(self, remote: HlcTimestamp) -> HlcTimestamp:
        """Merge a timestamp seen on an event from another station."""
        wall = self._physical_ms()
        top = max(wall, self._wall, remote.wall_ms)
        if top == self._wall == remote.wall_ms:
            counter = max(self._counter, remote.counter) + 1
        elif top == self._wall:
            counter = self._counter + 1
        elif top == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._wall, self._counter = top, counter
        return self._last
