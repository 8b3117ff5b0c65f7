"""A station's own events read back from its journal for a push: the driver's plain rows, decoded once."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from models.sync.push_batch import PushBatch
from queueing.core.events import Event, EventType

_OWN_AFTER = (
    "SELECT id, branch_id, station_id, seq, hlc, type, at, payload, schema_version FROM event "
    "WHERE branch_id = ? AND station_id = ? AND seq > ? ORDER BY seq LIMIT ?"
)
_TYPES = {kind.value: kind for kind in EventType}


def own_events_after(
    session: Session, branch_id: str, station_id: str, seq: int, limit: int, tail: int = 0
) -> PushBatch:
    """This station's events after sequence ``seq`` (at most ``limit``), from its SQLite journal.

    ``tail``: if fewer than that many are left beyond ``limit``, they come along too.

    The rows keep each payload as the journal holds it (JSON text): upstream stores
    that text as it is. The events are decoded when the batch is asked for them.
    """
    # The sqlite3 cursor's plain tuples, not result rows: a push reads thousands of them.
    raw: Any = session.connection().connection.driver_connection  # sqlite3's own connection
    found = raw.execute(_OWN_AFTER, (branch_id, station_id, seq, limit + tail)).fetchall()
    if tail and len(found) == limit + tail:
        del found[limit:]  # at least ``tail`` left: they make a batch of their own
    rows = [(i, b, s, n, h, kind, _utc(at), payload, v) for i, b, s, n, h, kind, at, payload, v in found]
    return PushBatch(rows, lambda: [_event(*row) for row in rows])


def _event(
    event_id: str, branch_id: str, station_id: str, seq: int, hlc: str, kind: str, at: datetime, payload: str, v: int
) -> Event:
    event_type = _TYPES.get(kind) or EventType(kind)  # an unknown type raises with its name
    return Event(event_id, branch_id, station_id, seq, hlc, event_type, at, _object(payload), v)


def _utc(at: str) -> datetime:
    # SQLite keeps the UTC time without its offset: parsing it with one is quicker than adding it after.
    try:
        return datetime.fromisoformat(at + "+00:00")
    except ValueError:
        when = datetime.fromisoformat(at)
        return when if when.tzinfo else when.replace(tzinfo=UTC)


_decode = json.JSONDecoder().raw_decode


def _object(text: str) -> dict:
    # raw_decode without the whitespace checks of json.loads (a third of its time); trailing text is still refused.
    value, end = _decode(text)
    if end != len(text):
        raise ValueError(f"event payload has text after its JSON: {text[end : end + 40]!r}")
    return value
