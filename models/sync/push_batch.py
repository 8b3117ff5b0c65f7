"""A batch of events on its way upstream: rows ready for COPY at once, the events decoded when asked for."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Sequence

from queueing.core.events import Event

EVENT_COLUMNS = ("id", "branch_id", "station_id", "seq", "hlc", "type", "at", "payload", "schema_version")

_PAYLOAD = EVENT_COLUMNS.index("payload")

journal_key = operator.attrgetter("branch_id", "station_id", "seq")


def copy_row(e: Event, payload: str) -> tuple:
    """``e`` as a row of the event table, in EVENT_COLUMNS order, with its payload as JSON text."""
    return (e.id, e.branch_id, e.station_id, e.seq, e.hlc, e.type.value, e.at, payload, e.schema_version)


class PushBatch:
    """Events in journal order (a station's by sequence), as rows of the event table and as events.

    The rows hold the payload as JSON text. A batch read from a station's journal
    decodes its events only when they are asked for: upstream asks while the server
    is still taking the rows in.
    """

    def __init__(self, rows: list[tuple], decode: Callable[[], list[Event]]) -> None:
        self.rows = rows
        self._decode = decode
        self._events: list[Event] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def events(self) -> list[Event]:
        """The events, in the order of the rows."""
        if self._events is None:
            self._events = self._decode()
        return self._events

    def payloads(self) -> list[str]:
        return [row[_PAYLOAD] for row in self.rows]

    @classmethod
    def of_events(cls, events: Sequence[Event]) -> PushBatch:
        """Events already in memory, put in journal order."""
        ordered = sorted(events, key=journal_key)
        return cls([copy_row(e, json.dumps(e.payload)) for e in ordered], lambda: ordered)
