"""Events that today's commands refuse to make, as an older station version or a damaged file could hold them."""

from __future__ import annotations

from queueing.core.events import Event, EventType, StationContext
from queueing.core.state import BranchState


def counter_named_with_nul(state: BranchState, ctx: StationContext) -> Event:
    """A counter configured with a NUL byte in its name: SQLite takes it, PostgreSQL refuses it."""
    payload = {"counter_id": "C9", "name": "Window\x009", "profile": {"CASH": 1}}
    (event,) = ctx.build(state.next_seq(ctx.station_id), [(EventType.COUNTER_CONFIGURED, payload)])
    return event
