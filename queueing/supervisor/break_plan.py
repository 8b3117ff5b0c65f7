"""Tellers' breaks: the standing rota (staffing.toml) and the supervisor's changes for a day (journal events).

A break is a teller away from the counter from a branch-local clock time for a number of real minutes.
Its instants come from the branch's time zone: the start is the local time on that day (a start inside a
spring-forward gap is read as the same wall time after the jump), the end is the start plus the minutes,
so a break across midnight or across a daylight-saving change lasts exactly as long as planned.

Decisions:
- A supervisor's break for a teller on a day replaces that teller's rota break that day (moving it);
  cancelling it leaves the teller with no break that day rather than bringing the rota's back.
- A rota break has a stable id (``rota:<staff>:<day>``), so a supervisor can cancel it like any other.
- Moving a break is a new break that names the one it replaces, and the cancellation of that one. Two
  supervisors may move the same break at once, from two screens or from a station that was offline: the
  first move in the journal takes it (at its new break, before its own cancellation is read), and a later move
  of a break already moved or cancelled is void, so the teller never ends up with both new breaks (a later
  cancellation of it does nothing either). The journal decides, not a check before the write; the service
  tells the screen whose change came second, and the Sync tab lists each change that came second
  (break_clashes.py), as an offline screen learns of it only at the push.
- The events are journalled and synced like every other change; the reducer ignores them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol
from uuid import uuid4
from zoneinfo import ZoneInfo

from queueing.core.errors import DomainError
from queueing.core.events import EventType

Change = tuple[EventType, dict[str, Any]]

MIN_MINUTES, MAX_MINUTES = 5, 180
_STAFF = re.compile(r"^[A-Za-z0-9_\-]{1,32}$")
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class BreakRefused(DomainError):
    code = "break_refused"


class BreakGone(BreakRefused):
    """The break to move or cancel was moved or cancelled by someone else meanwhile."""

    code = "break_gone"


@dataclass(frozen=True)
class RotaBreak:
    """A standing break from staffing.toml; ``weekdays`` 0 = Monday."""

    staff_id: str
    weekdays: frozenset[int]
    start: time
    minutes: int


@dataclass(frozen=True)
class Break:
    id: str
    staff_id: str
    day: date
    start: time
    minutes: int
    by: str | None = None  # None: from the rota

    def span(self, timezone: str) -> tuple[datetime, datetime]:
        """The break's start and end as instants (UTC)."""
        local = datetime.combine(self.day, self.start, tzinfo=ZoneInfo(timezone))
        begin = local.astimezone(ZoneInfo("UTC"))
        return begin, begin + timedelta(minutes=self.minutes)

    def moved_to(self, start: time) -> Break:
        return Break(self.id, self.staff_id, self.day, start, self.minutes, self.by)


class EventLike(Protocol):
    @property
    def type(self) -> EventType: ...
    @property
    def payload(self) -> dict[str, Any]: ...


def parse_clock(text: str) -> time:
    if not isinstance(text, str) or not _CLOCK.match(text):
        raise BreakRefused(f"a break starts at a clock time like 12:30, got {text!r}")
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def schedule_break(
    staff_id: str,
    day: date,
    start: str,
    minutes: int,
    by: str,
    break_id: str | None = None,
    replaces: str | None = None,
) -> Change:
    """A supervisor's break for ``staff_id`` on ``day``; checked before it becomes an event. ``replaces``: the
    break it moves (the command also cancels that one), named so that only the first move of a break counts."""
    if not isinstance(staff_id, str) or not _STAFF.match(staff_id):
        raise BreakRefused(f"not a staff id: {staff_id!r}")
    parse_clock(start)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise BreakRefused(f"a break lasts {MIN_MINUTES} to {MAX_MINUTES} minutes, got {minutes!r}")
    if not by:
        raise BreakRefused("a break names the supervisor who schedules it")
    payload = {
        "break_id": break_id or f"brk:{uuid4().hex}",
        "staff_id": staff_id,
        "day": day.isoformat(),
        "start": start,
        "minutes": minutes,
        "by": by,
    }
    if replaces is not None:
        payload["replaces"] = replaces
    return EventType.BREAK_SCHEDULED, payload


def cancel_break(known: Sequence[Break], break_id: str, by: str) -> Change:
    if not any(b.id == break_id for b in known):
        # The screens offer only breaks of the plan they showed: one missing now went meanwhile.
        raise BreakGone(f"no break {break_id!r} that day: moved or cancelled meanwhile")
    if not by:
        raise BreakRefused("a cancellation names the supervisor who makes it")
    return EventType.BREAK_CANCELLED, {"break_id": break_id, "by": by}


def rota_breaks(rota: Iterable[RotaBreak], day: date) -> list[Break]:
    return [
        Break(f"rota:{entry.staff_id}:{day.isoformat()}", entry.staff_id, day, entry.start, entry.minutes)
        for entry in rota
        if day.weekday() in entry.weekdays
    ]


def breaks_for_day(rota: Iterable[RotaBreak], events: Iterable[EventLike], day: date) -> list[Break]:
    """The day's breaks: the rota's, replaced per teller by the supervisor's, less those cancelled; by start.

    The first event that names a break takes it: a cancellation, or a move (a new break naming the one it
    ``replaces``), which takes it at once, before its own cancellation is read (another station's events may
    come between the two, or the cancellation may never come). A later move of a taken break is void."""
    scheduled: dict[str, Break] = {}
    cancelled: set[str] = set()  # the breaks taken: cancelled, or replaced by a move
    for event in events:
        p = event.payload
        if event.type is EventType.BREAK_SCHEDULED and p.get("day") == day.isoformat():
            replaced = p.get("replaces")
            if replaced is not None:
                if str(replaced) in cancelled:
                    continue  # someone else moved or cancelled that break first
                cancelled.add(str(replaced))
            try:
                scheduled[p["break_id"]] = Break(
                    p["break_id"], p["staff_id"], day, parse_clock(p["start"]), int(p["minutes"]), p.get("by")
                )
            except (KeyError, ValueError, TypeError, DomainError):
                continue  # an event from a newer version or a damaged one: kept in the journal, not planned
        elif event.type is EventType.BREAK_CANCELLED:
            cancelled.add(str(p.get("break_id")))
    # Once a supervisor planned a teller's day, the rota no longer does, even if that break is cancelled again.
    moved = {b.staff_id for b in scheduled.values()}
    plan = [b for b in rota_breaks(rota, day) if b.staff_id not in moved]
    plan += scheduled.values()
    return sorted((b for b in plan if b.id not in cancelled), key=lambda b: (b.start, b.staff_id, b.id))


def rota_from_entries(entries: Iterable[Any]) -> tuple[RotaBreak, ...]:
    """staffing.toml's ``[[breaks]]`` (already checked by its schema) as rota breaks."""
    return tuple(
        RotaBreak(e.staff, frozenset(WEEKDAYS.index(d) for d in e.days), parse_clock(e.start), e.minutes)
        for e in entries
    )
