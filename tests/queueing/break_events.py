"""Break events as BreakService journals them, numbered as one station's commands are: for the break tests."""

from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from typing import Any

from queueing.core.events import Event, EventType
from queueing.supervisor.break_plan import RotaBreak, schedule_break

MONDAY = date(2026, 11, 23)
ROTA = (RotaBreak("T1", frozenset(range(5)), time(12, 0), 30),)
ROTA_ID = f"rota:T1:{MONDAY}"
NINE = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
_numbers = count(1)


def event(station: str, kind: EventType, payload: dict[str, Any]) -> Event:
    """The next event of the journal: its sequence number and time follow the one made before it."""
    n = next(_numbers)
    return Event(f"e{n}", "B1", station, n, f"h{n}", kind, NINE + timedelta(minutes=n), payload)


def move(station: str, by: str, break_id: str, replaces: str, start: str) -> list[Event]:
    """A move as BreakService records it: one command, the new break, then the old one's cancellation."""
    kind, payload = schedule_break("T1", MONDAY, start, 30, by, break_id=break_id, replaces=replaces)
    scheduled = event(station, kind, payload)
    return [scheduled, event(station, EventType.BREAK_CANCELLED, {"break_id": replaces, "by": by})]


def cancel(station: str, by: str, break_id: str) -> list[Event]:
    return [event(station, EventType.BREAK_CANCELLED, {"break_id": break_id, "by": by})]
