"""The clock of a screen that writes straight to the branch's PostgreSQL: this PC's, set right by the server's.

The kiosk, the hall display and the supervisor's screen run on the branch's store itself, not through a
synced station, so nobody measured their PC's clock. A kiosk PC whose clock runs a day ahead (a flat CMOS
battery, a time zone set wrong) decided the business day by it: its first poll of the queue closed every
ticket of the real today as expired, for the whole branch, and it issued tomorrow's numbers from A001
again. Here the offset from the server's clock is measured when the screen starts (before its first
read), then again every few minutes on a short thread of its own, so a clock set right later (NTP) does
not leave the correction behind. Durations keep the PC's monotonic clock.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from sqlalchemy import text

from models.store.database import Store
from models.store.utc import aware
from models.sync.status import CLOCK_WARN_S
from queueing.core.clock import Clock, CorrectedClock, SystemClock

log = logging.getLogger(__name__)

REMEASURE_S = 300.0


def server_offset_s(store: Store, base: Clock) -> float:
    """``store``'s server clock minus ``base``'s, by NTP's midpoint rule; raises if the server is away."""
    with store.read_session() as session:
        before = base.now()
        server = aware(session.scalar(text("SELECT clock_timestamp()")))
        after = base.now()
    return (server - (before + (after - before) / 2)).total_seconds()


class ServerClock(CorrectedClock):
    """``base`` corrected by the offset of ``store``'s server clock; ``measure`` once before use."""

    def __init__(self, store: Store, base: Clock | None = None, every_s: float = REMEASURE_S) -> None:
        super().__init__(base or SystemClock())
        self.store = store
        self.every_s = every_s
        self._measured_at: float | None = None  # the base's monotonic time of the last measurement
        self._measuring = threading.Lock()

    def measure(self) -> float:
        """The server's clock minus this PC's (NTP's midpoint rule), now in use; raises if the server is away."""
        offset = server_offset_s(self.store, self.base)
        if abs(offset) > CLOCK_WARN_S and abs(offset - self.offset_s) > CLOCK_WARN_S:
            log.warning("this PC's clock is %.1f s off the branch server's; its times are corrected", -offset)
        self.offset_s = offset
        self._measured_at = self.base.monotonic()
        return offset

    def now(self) -> datetime:
        due = self._measured_at is None or self.base.monotonic() - self._measured_at >= self.every_s
        if due and self._measuring.acquire(blocking=False):
            # Never on the caller's thread: the GUI reads the time every second and must not wait for the server.
            threading.Thread(target=self._remeasure, name="server-clock", daemon=True).start()
        return super().now()

    def _remeasure(self) -> None:
        try:
            self.measure()
        except Exception as exc:  # the server away: the last offset stays, and it is tried again when due
            self._measured_at = self.base.monotonic()
            log.info("the branch server's clock could not be read (%s); the last correction stays", exc)
        finally:
            self._measuring.release()


def screen_clock(store: Store) -> Clock | None:
    """The clock for a screen on ``store``: corrected by the server's when that is PostgreSQL on another PC; None
    (the PC's own clock) for a SQLite file, which only the PCs of one clock share."""
    if store.dialect != "postgresql":
        return None
    clock = ServerClock(store)
    try:
        clock.measure()
    except Exception as exc:  # opening the screen goes on; the next reading of the time tries again
        log.warning("the branch server's clock could not be read (%s): this PC's is used until it can", exc)
    return clock
