"""A station's connection state as its status bar shows it, whichever service runs it."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

CLOCK_WARN_S = 5.0  # a clock offset beyond this is shown on the station and the supervisor screen


class SyncStatus(NamedTuple):
    online: bool
    backlog: int  # events recorded here and not yet acknowledged upstream
    last_sync: datetime | None
    clock_offset_s: float = 0.0  # upstream's clock minus this PC's, at the last sync


ALWAYS_ONLINE = SyncStatus(True, 0, None)  # a service writing straight to the branch's store
