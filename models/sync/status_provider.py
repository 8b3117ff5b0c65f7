"""Where the status bar reads the connection state: a station's sync service, or its store directly.

Any object with ``status() -> SyncStatus`` will do (``models.station.service.StationService``).
A station writing straight to the branch's store is always online with nothing waiting.
"""

from __future__ import annotations

from typing import Protocol

from models.sync.status import SyncStatus

__all__ = ["DirectStoreStatus", "SyncStatus", "SyncStatusProvider"]


class SyncStatusProvider(Protocol):
    def status(self) -> SyncStatus:
        """Current connection state; called on the GUI thread every second, so it must not block."""
        ...


class DirectStoreStatus:
    """A station writing straight to its store: always online, no backlog."""

    def status(self) -> SyncStatus:
        return SyncStatus(True, 0, None)
