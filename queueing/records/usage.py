"""Counter utilisation, measured from the event stream (a listener on the engine)."""

from __future__ import annotations

from datetime import datetime

from queueing.core.events import Event, EventType

_OPENING = frozenset((EventType.COUNTER_OPENED, EventType.COUNTER_RESUMED))
_STOPPING = frozenset((EventType.COUNTER_PAUSED, EventType.COUNTER_CLOSED))
_BUSYING = frozenset((EventType.TICKET_CALLED, EventType.TICKET_RETURNED))
_FREEING = frozenset(
    (EventType.SERVICE_FINISHED, EventType.TICKET_NO_SHOW, EventType.TICKET_PARKED, EventType.TICKET_TRANSFERRED)
)
# The kinds that change a figure: a listener asked for these alone (Engine.subscribe(..., kinds=COUNTED)).
COUNTED = _OPENING | _STOPPING | _BUSYING | _FREEING


class UsageMeter:
    """Adds up, over all counters, the time open (not paused) and the time busy with a ticket.

    Busy runs from the call to the finish, no-show, park or transfer: the walk to
    the counter and the recalls occupy the counter too.
    """

    def __init__(self) -> None:
        self.open_s = 0.0
        self.busy_s = 0.0
        self._open_since: dict[str, datetime] = {}
        self._busy_since: dict[str, datetime] = {}

    def on_event(self, event: Event) -> None:
        kind = event.type
        if kind not in COUNTED:  # most events of a day (issues, starts) change neither figure
            return
        p = event.payload
        if kind in _OPENING:
            self._open_since.setdefault(p["counter_id"], event.at)
        elif kind in _STOPPING:
            since = self._open_since.pop(p["counter_id"], None)
            if since is not None:
                self.open_s += (event.at - since).total_seconds()
        elif kind in _BUSYING:
            self._busy_since.setdefault(p["counter_id"], event.at)
        elif kind in _FREEING:
            counter_id = p.get("counter_id") or p.get("from_counter") or ""
            since = self._busy_since.pop(counter_id, None)
            if since is not None:
                self.busy_s += (event.at - since).total_seconds()
