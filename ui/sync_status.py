"""Where the status bar reads the connection state; the sync helper replaces the provider.

Any object with ``status() -> SyncStatus`` (or a plain ``(online, backlog, last_sync)`` tuple)
will do. Until sync exists, a station works on the store it opened directly: online, nothing
waiting to be sent.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple, Protocol


class SyncStatus(NamedTuple):
    online: bool
    backlog: int  # events recorded here and not yet acknowledged upstream
    last_sync: datetime | None


class SyncStatusProvider(Protocol):
    def status(self) -> SyncStatus | tuple[bool, int, datetime | None]:
        """Current connection state; called on the GUI thread every second, so it must not block."""
        ...


class DirectStoreStatus:
    """A station writing straight to its store: always online, no backlog."""

    def status(self) -> SyncStatus:
        return SyncStatus(True, 0, None)
