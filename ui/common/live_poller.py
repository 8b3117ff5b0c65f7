"""Polls a service query off the GUI thread at a fixed pace, so a window follows changes made at any station."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common.runner import Runner

DEFAULT_INTERVAL_MS = 500  # twice a second: a change shows well within one second


class LivePoller(QObject):
    """Runs ``query`` on the runner every ``interval_ms``; never two at once, so a slow store cannot pile up work."""

    sig_updated = Signal(object)
    """Carries the query's result, on the GUI thread."""

    sig_failed = Signal(object)
    """Carries the exception of a failed query (a lost database, say); polling goes on and retries."""

    def __init__(
        self, query: Callable[[], Any], interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._query = query
        self._runner = Runner(self)
        self._in_flight = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.poll)

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
        self._runner.submit(self._query, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._in_flight = False
        self.sig_updated.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._in_flight = False
        self.sig_failed.emit(exc)
