"""Counter utilisation, measured from the event stream (a listener on the engine)."""

from __future__ import annotations

from collections.abc import Callable
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
        for kinds, listener in self.listeners():
            if kind in kinds:
                listener(event)
                return

    def listeners(self) -> list[tuple[frozenset[EventType], Callable[[Event], None]]]:
        """The meter as one listener per group of kinds, for ``Engine.subscribe(listener, kinds)``: the engine then
        calls the right one straight away (a simulated day calls the meter at every call and finish)."""
        return [(_OPENING, self.opened), (_STOPPING, self.stopped), (_BUSYING, self.busied), (_FREEING, self.freed)]

    def opened(self, event: Event) -> None:
        self._open_since.setdefault(event.payload["counter_id"], event.at)

    def stopped(self, event: Event) -> None:
        since = self._open_since.pop(event.payload["counter_id"], None)
        if since is not None:
            self.open_s += (event.at - since).total_seconds()

    def busied(self, event: Event) -> None:
        self._busy_since.setdefault(event.payload["counter_id"], event.at)

    def freed(self, event: Event) -> None:
        p = event.payload
        since = self._busy_since.pop(p.get("counter_id") or p.get("from_counter") or "", None)
        if since is not None:
            self.busy_s += (event.at - since).total_seconds()
