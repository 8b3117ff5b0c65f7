"""Event and ticket ids for simulated days: UUIDv7-shaped, unique, and cheap.

``uuid6.uuid7()`` reads the system clock and the system's randomness for every id:
in a simulated day of thousands of events that is a sixth of the run. Here the
milliseconds come from the simulated clock (so ids sort by simulated time, as a
branch's do by real time) and the random part is one random 62-bit start per run
counted up by one per id: the same text shape (version 7, RFC 4122 variant), so a
simulated day written to a store (models/demo/sim_store.py) holds ids like any other.
"""

from __future__ import annotations

import os

from queueing.core.clock import Clock

_LOW_62 = (1 << 62) - 1


class SimulatedIds:
    """A callable giving a new id at each call, for StationContext(new_id=...)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._next = int.from_bytes(os.urandom(8), "big") & _LOW_62

    def __call__(self) -> str:
        ms = int(self._clock.now().timestamp() * 1000) & 0xFFFF_FFFF_FFFF
        self._next += 1
        value = (ms << 80) | (0x7 << 76) | (((self._next >> 62) & 0xFFF) << 64) | (0b10 << 62) | (self._next & _LOW_62)
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
