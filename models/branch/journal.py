"""The event journal: conversions between events and rows, and reading in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import bindparam, insert, select

from models.store.compiled_insert import CompiledInsert
from models.store.tables import EventRow
from models.store.upsert import Executor, connection_of, dialect_name
from models.store.utc import aware
from queueing.core.events import Event, EventType


def event_to_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "branch_id": event.branch_id,
        "station_id": event.station_id,
        "seq": event.seq,
        "hlc": event.hlc,
        "type": str(event.type),
        "at": event.at,
        "payload": event.payload,
        "schema_version": event.schema_version,
    }


def row_to_event(row: EventRow) -> Event:
    return Event(
        id=row.id,
        branch_id=row.branch_id,
        station_id=row.station_id,
        seq=row.seq,
        hlc=row.hlc,
        type=EventType(row.type),
        at=aware(row.at),
        payload=dict(row.payload),
        schema_version=row.schema_version,
    )


# Core, with the row as parameters: compiled once and cached (the ORM form with .values() was compiled per call).
_APPEND = insert(EventRow.__table__).returning(EventRow.__table__.c.position)
# On SQLite the position is the row's rowid, which the driver hands back with no RETURNING result to build;
# the statement runs on the driver's cursor (models.store.compiled_insert): one per command, every command.
_APPEND_ROWID = CompiledInsert(insert(EventRow.__table__))


def append(session: Executor, event: Event) -> int:
    """Insert one event and return its position in this store."""
    if dialect_name(session) == "sqlite":
        position = _APPEND_ROWID.run(connection_of(session), event_to_row(event))
        assert position is not None  # SQLite gives every inserted row its rowid
        return position
    return int(session.execute(_APPEND, event_to_row(event)).scalar_one())


_EVENTS = EventRow.__table__
# Core rows, not ORM objects: this runs at the start of every command, and usually finds nothing.
_AFTER = (
    select(_EVENTS)
    .where(_EVENTS.c.branch_id == bindparam("branch_id"), _EVENTS.c.position > bindparam("position"))
    .order_by(_EVENTS.c.position)
    .limit(bindparam("batch"))
)


def events_after(session: Executor, branch_id: str, position: int, batch: int = 5000) -> Iterator[tuple[int, Event]]:
    """Events of the branch after ``position``, in store order."""
    while True:
        rows = session.execute(_AFTER, {"branch_id": branch_id, "position": position, "batch": batch}).all()
        for row in rows:
            position = row.position
            yield row.position, row_to_event(row)  # type: ignore[arg-type]
        if len(rows) < batch:
            return


def event_id_at(session: Executor, branch_id: str, position: int) -> str | None:
    """The id of the branch's event at journal ``position`` (one primary-key look-up), None when there is none:
    a journal whose event there is gone or another was restored from a backup behind what was read of it."""
    if position <= 0:
        return None
    return session.scalar(select(EventRow.id).where(EventRow.position == position, EventRow.branch_id == branch_id))
