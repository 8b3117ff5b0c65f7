"""Changes to a break that came too late: what the supervisor's Sync tab lists beside the tickets' conflicts.

``breaks_for_day`` (break_plan.py) lets the first change to a break count: a later move of a break that was
already moved or cancelled is void, and a later cancellation of it does nothing. That is decided at the push,
in upstream's journal order, so a supervisor whose change was made offline learns of it only here. This module
reads the journal by the same rule and names each late change with the change that came first.

A move is one command of two events from one station, numbered one after the other: the new break naming the
one it ``replaces``, then the cancellation of that one. The move takes the break at its new break (the rule of
breaks_for_day: another station's events may come between the two); its own cancellation is part of it, not a
change of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from queueing.core.conflict_reasons import ConflictFigures, ConflictReason
from queueing.core.events import Event, EventType
from queueing.core.state import Conflict


@dataclass(frozen=True)
class LateChange:
    """``late`` moved or cancelled a break that ``first`` had already moved or cancelled: ``late`` changed nothing."""

    late: Event
    first: Event
    break_id: str
    teller_id: str  # whose break it is ("" when the journal here never named it)
    day: date | None  # the break's day (None when the journal here never named it)

    def conflict(self) -> Conflict:
        """As the Sync tab words every conflict: who changed the break late, where and when, and who first."""
        figures = ConflictFigures(
            event_type=str(self.late.type),
            station_id=self.late.station_id,
            staff_id=str(self.late.payload.get("by") or ""),
            at=self.late.at,
            other_station_id=self.first.station_id,
            other_staff_id=str(self.first.payload.get("by") or ""),
            since=self.first.at,
        )
        return Conflict(self.late.id, "", str(self.late.type), ConflictReason.BREAK_CHANGED_LATE, figures)


def late_changes(events: Iterable[Event]) -> list[LateChange]:
    """Every late change in ``events`` (the break events, in journal order), in that order."""
    whose: dict[str, tuple[str, date | None]] = {}
    taken_by: dict[str, Event] = {}  # break id -> the change that took it: a move's new break, or a cancellation
    # A move's own cancellation is the next event of its command: (station, sequence number) -> the break it names.
    own_cancellation: dict[tuple[str, int], str] = {}
    found: list[LateChange] = []
    for event in events:
        p = event.payload
        if event.type is EventType.BREAK_SCHEDULED:
            whose.setdefault(str(p.get("break_id")), (str(p.get("staff_id") or ""), _day(p.get("day"))))
            replaced = p.get("replaces")
            if replaced is None:
                continue
            replaced = str(replaced)
            own_cancellation[(event.station_id, event.seq + 1)] = replaced
            if replaced in taken_by:
                found.append(_late(event, taken_by[replaced], replaced, whose))
            else:
                taken_by[replaced] = event
        elif event.type is EventType.BREAK_CANCELLED:
            break_id = str(p.get("break_id"))
            if own_cancellation.pop((event.station_id, event.seq), None) == break_id:
                continue  # a move's own cancellation: that move is already counted
            if break_id in taken_by:
                found.append(_late(event, taken_by[break_id], break_id, whose))
            else:
                taken_by[break_id] = event
    return found


def _late(event: Event, first: Event, break_id: str, whose: dict[str, tuple[str, date | None]]) -> LateChange:
    teller, day = whose.get(break_id) or _rota_owner(break_id)
    return LateChange(event, first, break_id, teller, day)


def _rota_owner(break_id: str) -> tuple[str, date | None]:
    """A rota break's id names its teller and day (``rota:<staff>:<day>``, break_plan.rota_breaks)."""
    parts = break_id.split(":")
    if len(parts) == 3 and parts[0] == "rota":
        return parts[1], _day(parts[2])
    return "", None


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None
