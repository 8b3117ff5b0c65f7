"""Runs service calls off the GUI thread and comes back by signal.

A screen hands over a callable with success and failure callbacks; the callable
runs on the thread pool, the callbacks run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal


class _Relay(QObject):
    sig_done = Signal(object)
    """Carries the callable's return value back to the GUI thread."""

    sig_failed = Signal(object)
    """Carries the exception the callable raised back to the GUI thread."""


def _job(work: Callable[[], Any], relay: _Relay) -> Callable[[], None]:
    """What a worker thread runs: ``work``, its outcome sent back by ``relay``.

    A plain callable, not a QRunnable subclass: PySide6 6.12 keeps the Python object of a QRunnable subclass
    started from a thread that runs an event loop alive for good (and with it the work, the relay and the
    callbacks it reaches), a few kilobytes at every refresh, poll and command of a window left open for days.
    """

    def run() -> None:
        try:
            result = work()
        except Exception as exc:
            relay.sig_failed.emit(exc)
        else:
            relay.sig_done.emit(result)

    return run


class Runner(QObject):
    """One per window. ``busy`` tells whether a command is still under way."""

    sig_busy_changed = Signal(bool)
    """True while at least one job of this runner runs."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running = 0
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return self._running > 0

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def done(result: Any) -> None:
            if self._finish(relay) and on_done is not None:
                on_done(result)

        def failed(exc: Exception) -> None:
            if self._finish(relay) and on_failed is not None:
                on_failed(exc)

        # Plain functions, not @Slot-decorated: PySide6 6.12 keeps what it notes of each decorated function for good,
        # about a hundred bytes a job. The relay (a GUI-thread object) still has them called on the GUI thread.
        relay.sig_done.connect(done)
        relay.sig_failed.connect(failed)
        self._running += 1
        if self._running == 1:
            self.sig_busy_changed.emit(True)
        self._pool.start(_job(work, relay))

    def _finish(self, relay: _Relay) -> bool:
        """Count the job as done; False if the window that owned this runner is gone (nothing left to update)."""
        self._relays.discard(relay)
        # The relay's connections hold the callbacks, and the callbacks the relay: a loop through Qt that Python's
        # collector cannot see, so it is cut here, the relay's one answer received.
        relay.sig_done.disconnect()
        relay.sig_failed.disconnect()
        if not shiboken6.isValid(self):
            return False
        self._running -= 1
        if self._running == 0:
            self.sig_busy_changed.emit(False)
        return True

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (tests and shutdown)."""
        return self._pool.waitForDone(msecs)
