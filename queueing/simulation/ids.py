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
from datetime import datetime
from itertools import count

from queueing.core.clock import Clock, epoch_ms

_LOW_62 = (1 << 62) - 1
_LOW_48 = (1 << 48) - 1
_BIT_48 = 1 << 48


class SimulatedIds:
    """A callable giving a new id at each call, for StationContext(new_id=...)."""

    def __init__(self, clock: Clock, start: int | None = None) -> None:
        self._clock = clock
        first = int.from_bytes(os.urandom(8), "big") & _LOW_62 if start is None else start
        # The number of each new id, for ``__call__`` and for StationContext, which numbers an event's id with
        # ``next(numbers)`` and has ``text`` format it when first read (a simulated day reads almost none).
        self.numbers = count(first + 1)
        self._at: datetime | None = None
        self._ms = 0
        self._head_ms = -1
        self._head_high = -1
        self._top_ms = -1
        self._top = ""
        self._middle = ""
        self._head = ""

    def text(self, at: datetime, n: int) -> str:
        """The id numbered ``n`` at ``at``: the text a call would have given then."""
        ms = int(at.timestamp() * 1000) & 0xFFFF_FFFF_FFFF
        low = (0b10 << 62) | (n & _LOW_62)
        return f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-7{(n >> 62) & 0xFFF:03x}-{low >> 48:04x}-{n & _LOW_48:012x}"

    def __call__(self) -> str:
        now = self._clock.now()
        if now is not self._at:  # several ids at one simulated instant: one conversion
            self._at, self._ms = now, epoch_ms(now) & 0xFFFF_FFFF_FFFF
        n = next(self.numbers)
        # Everything but the last 12 hex digits changes far less often than the id: the milliseconds once per
        # simulated millisecond, the version, the counter's top 28 bits and the variant once per 2**48 ids.
        if n >> 48 != self._head_high:
            self._head_high, low = n >> 48, (0b10 << 62) | (n & _LOW_62)
            self._middle = f"7{(n >> 62) & 0xFFF:03x}-{low >> 48:04x}-"
            self._head_ms = -1  # (the top digits depend on the milliseconds alone: kept)
        if self._ms != self._head_ms:
            self._head_ms = ms = self._ms
            if ms >> 16 != self._top_ms:  # the first 8 hex digits change once a minute or so
                self._top_ms = ms >> 16
                self._top = f"{ms >> 16:08x}-"
            # f"{ms & 0xFFFF:04x}" as the last digits, through hex() with a 17th bit set and cut off.
            self._head = f"{self._top}{hex(ms & 0xFFFF | 0x10000)[3:]}-{self._middle}"
        # f"{n & _LOW_48:012x}" through hex() of the same bits with a 49th set and cut off: a format spec costs more.
        return self._head + hex(n & _LOW_48 | _BIT_48)[3:]
