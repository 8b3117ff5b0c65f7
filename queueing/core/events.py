"""Events: immutable records of one state change each, the unit of sync."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from uuid6 import uuid7

from queueing.core.clock import Clock
from queueing.core.hlc import HybridLogicalClock

SCHEMA_VERSION = 1


class EventType(StrEnum):
    COUNTER_CONFIGURED = "counter_configured"
    COUNTER_OPENED = "counter_opened"
    COUNTER_CLOSED = "counter_closed"
    COUNTER_PAUSED = "counter_paused"
    COUNTER_RESUMED = "counter_resumed"
    # Who is signed in at a counter: the journal is the one record of it (the reducer keeps one
    # teller per counter and one counter per teller; a clash from stations that were offline is flagged).
    COUNTER_SIGNED_IN = "counter_signed_in"
    COUNTER_SIGNED_OUT = "counter_signed_out"
    # A supervisor ends a session its teller left behind (a station that crashed).
    COUNTER_RELEASED = "counter_released"
    TICKET_ISSUED = "ticket_issued"
    TICKET_CALLED = "ticket_called"
    TICKET_RECALLED = "ticket_recalled"
    TICKET_NO_SHOW = "ticket_no_show"
    SERVICE_STARTED = "service_started"
    SERVICE_FINISHED = "service_finished"
    TICKET_TRANSFERRED = "ticket_transferred"
    TICKET_PARKED = "ticket_parked"
    TICKET_RETURNED = "ticket_returned"
    TICKET_CUSTOMER_LINKED = "ticket_customer_linked"
    # The business day a waiting or parked ticket was issued on has ended (queueing.core.day_end): it closes unserved.
    TICKET_EXPIRED = "ticket_expired"
    # Quality and corrections of finished visits (queueing.records.visits reads them; the reducer ignores them).
    VISIT_RATED = "visit_rated"
    VISIT_QUALITY_RECORDED = "visit_quality_recorded"
    VISIT_CORRECTED = "visit_corrected"
    # A supervisor's decision on a visit shorter than its minimum service time (paid or not).
    VISIT_SHORT_REVIEWED = "visit_short_reviewed"
    # Tellers' breaks a supervisor schedules for a day, and their cancellation (read by queueing.supervisor.break_plan).
    BREAK_SCHEDULED = "break_scheduled"
    BREAK_CANCELLED = "break_cancelled"
    # Sync bookkeeping. A void fills the sequence numbers of a command whose upstream COMMIT was found
    # rolled back after its outcome was unknown, so a station's sequence stays gapless without renumbering.
    SEQ_VOID = "seq_void"
    # A supervisor marks a flagged conflict dealt with (the facts stay; the flag is cleared): a ticket's
    # (payload ticket_id) or a clashing sign-in's (payload event_id).
    CONFLICT_RESOLVED = "conflict_resolved"


@dataclass(frozen=True)
class Event:
    id: str
    branch_id: str
    station_id: str
    seq: int
    hlc: str
    type: EventType
    at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    def __getstate__(self) -> dict[str, Any]:
        """The fields, a deferred id and hlc formatted (a copy or a pickle holds no station context)."""
        return {f: getattr(self, f) for f in _FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "branch_id": self.branch_id,
            "station_id": self.station_id,
            "seq": self.seq,
            "hlc": self.hlc,
            "type": str(self.type),
            "at": self.at.isoformat(),
            "payload": self.payload,
            "schema_version": self.schema_version,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Event:
        return cls(
            id=raw["id"],
            branch_id=raw["branch_id"],
            station_id=raw["station_id"],
            seq=int(raw["seq"]),
            hlc=raw["hlc"],
            type=EventType(raw["type"]),
            at=datetime.fromisoformat(raw["at"]),
            payload=dict(raw.get("payload") or {}),
            schema_version=int(raw.get("schema_version", SCHEMA_VERSION)),
        )


_FIELDS = tuple(Event.__dataclass_fields__)


class _Deferred:
    """``Event.id`` and ``Event.hlc`` of an envelope made with their numbers only (StationContext with an id maker
    that has ``numbers``): formatted at the first read, as the eager path would have made them.

    A descriptor without ``__set__``: a field in the instance's dict is found before it, so an event made
    eagerly (or read once) never comes here. Not ``Event.__getattr__``: a class with one has every attribute
    read (``event.type``, ``event.payload``, at every event) go through a slower generic path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, event: Event | None, owner: type | None = None) -> Any:
        if event is None:
            return self
        fields = event.__dict__
        later = fields.get("_later")
        if later is not None:
            ctx, id_at, n, (wall, counter) = later
            fields["id"] = ctx.new_id.text(id_at, n)
            fields["hlc"] = ctx.hlc.text(wall, counter)
            fields.pop("_later", None)
        try:  # formatted just now, or a moment ago by another thread reading the event
            return fields[self.name]
        except KeyError:
            raise AttributeError(f"'Event' object has no attribute {self.name!r}") from None


if not TYPE_CHECKING:  # set on the class after the dataclass took its fields (mypy sees them as plain str)
    Event.id = _Deferred("id")
    Event.hlc = _Deferred("hlc")


def _uuid7_text() -> str:
    return str(uuid7())


_new_object = object.__new__
_set_attribute = object.__setattr__


def envelope(
    id: str, branch_id: str, station_id: str, seq: int, hlc: str, type: EventType, at: datetime, payload: dict[str, Any]
) -> Event:
    """``Event(...)`` with every field given: the same frozen instance without the dataclass __init__, which
    sets each field through object.__setattr__ (more than half of what building an envelope cost).
    tests/queueing/core/test_envelopes.py holds it, and StationContext.one's deferred form, to Event."""
    event = _new_object(Event)
    _set_attribute(
        event,
        "__dict__",
        {
            "id": id,
            "branch_id": branch_id,
            "station_id": station_id,
            "seq": seq,
            "hlc": hlc,
            "type": type,
            "at": at,
            "payload": payload,
            "schema_version": SCHEMA_VERSION,
        },
    )
    return event


class StationContext:
    """Who is writing: the branch, the station, its clocks. Builds event envelopes."""

    def __init__(
        self, branch_id: str, station_id: str, clock: Clock, new_id: Callable[[], str] | None = None
    ) -> None:
        self.branch_id = branch_id
        self.station_id = station_id
        self.clock = clock
        self.hlc = HybridLogicalClock(clock, station_id)
        # Event and ticket ids: UUIDv7 by default; a simulation passes a cheaper maker (queueing/simulation/ids.py).
        self.new_id = new_id or _uuid7_text
        # A maker with ``numbers`` (an iterator of the numbers of its new ids) and ``text(moment, number)``: an
        # event's id and hlc are then numbered at once and formatted when first read (a simulated day reads
        # almost none).
        self._numbers: Iterator[int] | None = getattr(new_id, "numbers", None)
        # A deferred envelope's fields in Event's order, the ones of this context filled in (``one`` copies it).
        self._fields: dict[str, Any] = {
            "branch_id": branch_id,
            "station_id": station_id,
            "seq": 0,
            "type": None,
            "at": None,
            "payload": None,
            "schema_version": SCHEMA_VERSION,
            "_later": None,
        }

    def one(self, seq: int, kind: EventType, payload: dict[str, Any]) -> Event:
        """``build(seq, [(kind, payload)])[0]``: the envelope of one change (nearly every command makes one)."""
        at = self.clock.now()
        if self._numbers is None:
            new_id = self.new_id()
            return envelope(new_id, self.branch_id, self.station_id, seq, self.hlc.tick_text(), kind, at, payload)
        n = next(self._numbers)
        # The context's fields copied, then this event's set in their places: a third cheaper than a new dict.
        fields = self._fields.copy()
        fields["seq"] = seq
        fields["type"] = kind
        fields["at"] = at
        fields["payload"] = payload
        fields["_later"] = (self, at, n, self.hlc.tick_parts(at))  # the hlc's (wall ms, counter), ticked now
        event = _new_object(Event)
        _set_attribute(event, "__dict__", fields)
        return event

    def build(self, first_seq: int, changes: Sequence[tuple[EventType, dict[str, Any]]]) -> list[Event]:
        """Envelopes for ``changes`` with consecutive sequence numbers from ``first_seq``."""
        at = self.clock.now()
        new_id, tick, branch_id, station_id = self.new_id, self.hlc.tick_text, self.branch_id, self.station_id
        return [
            envelope(new_id(), branch_id, station_id, first_seq + offset, tick(), kind, at, payload)
            for offset, (kind, payload) in enumerate(changes)
        ]
