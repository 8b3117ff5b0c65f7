"""Polls a service query off the GUI thread at a fixed pace, so a window follows changes made at any station."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common.runner import Runner

DEFAULT_INTERVAL_MS = 500  # twice a second: a change shows well within one second
# A poll still unanswered after this is a lost store: a busy branch's queue answers in well under a second.
SILENT_LINK_MS = 5000


class LivePoller(QObject):
    """Runs ``query`` on the runner every ``interval_ms``; never two at once, so a slow store cannot pile up work."""

    sig_updated = Signal(object)
    """Carries the query's result, on the GUI thread."""

    sig_failed = Signal(object)
    """Carries the exception of a failed query (a lost database, say), or a TimeoutError for a query still without
    an answer after ``stall_ms``; polling goes on and retries."""

    def __init__(
        self,
        query: Callable[[], Any],
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
        stall_ms: int | None = SILENT_LINK_MS,
    ) -> None:
        super().__init__(parent)
        self._query = query
        self._runner = Runner(self)
        self._in_flight = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.poll)
        # A silent link (a pulled cable) neither answers nor fails: a query that hangs for minutes in the kernel's
        # retransmissions is reported as failed once ``stall_ms`` passed, so that the screen says it lost the store.
        self._stall = QTimer(self, singleShot=True)
        self._stall.timeout.connect(self._stalled)
        self._stall_ms = stall_ms

    @property
    def runner(self) -> Runner:
        return self._runner

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def wait(self, msecs: int = 5000) -> bool:
        """Stop and let a query under way end (window close, tests)."""
        self.stop()
        return self._runner.wait(msecs)

    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        if self._stall_ms is not None:
            self._stall.start(self._stall_ms)
        self._runner.submit(self._query, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._in_flight = False
        self._stall.stop()
        self.sig_updated.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._in_flight = False
        self._stall.stop()
        self.sig_failed.emit(exc)

    def _stalled(self) -> None:
        if self._in_flight:  # still under way: the next poll starts when it answers or fails
            self.sig_failed.emit(TimeoutError(f"the store did not answer within {self._stall_ms} ms"))
