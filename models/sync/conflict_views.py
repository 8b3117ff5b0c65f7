"""What the supervisor's Sync tab lists, as frozen views: a conflict and the facts (events) it holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models.branch.break_journal import BREAK_EVENTS
from queueing.core.events import Event, EventType
from queueing.core.state import Conflict


@dataclass(frozen=True)
class FactView:
    """One event about the ticket (or the break), as the supervisor reads it."""

    event_id: str
    station_id: str
    type: str
    at: datetime
    counter_id: str | None
    staff_id: str | None  # who acted: the teller, or for a break the supervisor who changed it
    break_start: str | None = None  # a break set for a clock time ("13:00"): where a move put it


@dataclass(frozen=True)
class ConflictView:
    """A flagged ticket, a counter two tellers signed in at (``ticket_id`` empty, ``number`` the counter), or a
    break changed late (``teller_id`` the teller whose break it is, ``number`` the break's id)."""

    ticket_id: str
    number: str
    business_date: date
    status: str
    detail: str  # what the reducer found, in English (the command line), e.g. "called at C2 while called at C1"
    facts: tuple[FactView, ...]  # every event about the ticket, in journal order
    resolved: bool = False  # a supervisor marked it dealt with (conflict_resolved) and nothing clashed since
    event_id: str = ""  # a clash's: the sign-in that clashed or the late break change, which conflict_resolved names
    # The same as codes and figures, for a screen to word in its language. Empty when the journal here does not
    # show why the ticket was flagged (a row flagged before its events arrived): ``detail`` is then "flagged".
    reasons: tuple[Conflict, ...] = ()
    teller_id: str = ""  # a break's clash (models/sync/break_clashes.py): whose break

    @property
    def key(self) -> str:
        """What marking it resolved names: the ticket, or the clashing event (a sign-in, a late break change)."""
        return self.ticket_id or self.event_id

    @property
    def stations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.station_id for f in self.facts))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def fact_of(event: Event) -> FactView:
    p = event.payload
    # A break event's actor is the supervisor who made the change (its staff_id, if any, is the teller on break).
    # Break events are not checked by the reducer (breaks_for_day skips a damaged one): only their texts are shown.
    actor = _text(p.get("by")) if event.type in BREAK_EVENTS else p.get("staff_id")
    start = _text(p.get("start")) if event.type is EventType.BREAK_SCHEDULED else None
    return FactView(event.id, event.station_id, str(event.type), event.at, p.get("counter_id"), actor, start)
