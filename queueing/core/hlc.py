"""Hybrid logical clock: timestamps that order events across stations.

Encoded as a fixed-width string ``<wall ms, 15 digits>-<counter, 5 digits>-<node>``
so that string order is causal order.
"""

from __future__ import annotations

from dataclasses import dataclass

from queueing.core.clock import Clock


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
    def __init__(self, clock: Clock, node: str) -> None:
        self._clock = clock
        self._node = node
        self._last = HlcTimestamp(0, 0, node)

    def _physical_ms(self) -> int:
        return int(self._clock.now().timestamp() * 1000)

    def tick(self) -> HlcTimestamp:
        """A timestamp for a local event."""
        wall = self._physical_ms()
        if wall > self._last.wall_ms:
            self._last = HlcTimestamp(wall, 0, self._node)
        else:
            self._last = HlcTimestamp(self._last.wall_ms, self._last.counter + 1, self._node)
        return self._last

    def receive(self, remote: HlcTimestamp) -> HlcTimestamp:
        """Merge a timestamp seen on an event from another station."""
        wall = self._physical_ms()
        top = max(wall, self._last.wall_ms, remote.wall_ms)
        if top == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter) + 1
        elif top == self._last.wall_ms:
            counter = self._last.counter + 1
        elif top == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = HlcTimestamp(top, counter, self._node)
        return self._last
