"""Tellers' breaks for a day: the rota from staffing.toml and the supervisor's changes, kept as journal events.

Scheduling or cancelling a break is an event appended through ``BranchService.run`` like every other change,
so it is synced to the other stations and upstream; each is also written to the audit log in the same
transaction. Reads return frozen ``Break`` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.audit_log import append_audit
from models.branch_service import BranchService
from models.staff_session import StaffSession, authorize, check_account
from models.tables import EventRow, StaffRow
from queueing.audit_chain import AuditAction
from queueing.break_plan import Break, BreakRefused, RotaBreak, breaks_for_day, cancel_break, schedule_break
from queueing.commands import Commands
from queueing.events import Event, EventType
from queueing.roles import Action

# A break is scheduled at most this far ahead, so a day's breaks are found among this much journal.
MAX_DAYS_AHEAD = 60
BREAK_EVENTS = (str(EventType.BREAK_SCHEDULED), str(EventType.BREAK_CANCELLED))


@dataclass(frozen=True)
class _Fact:
    type: EventType
    payload: dict[str, Any]


class BreakService:
    def __init__(self, branch: BranchService, rota: tuple[RotaBreak, ...] = ()) -> None:
        self.branch = branch
        self.rota = rota
        self.zone = ZoneInfo(branch.config.timezone)

    def today(self) -> date:
        return self.branch.clock.now().astimezone(self.zone).date()

    def day_breaks(self, day: date) -> list[Break]:
        """The breaks planned for ``day`` (branch-local date), by start."""
        since = datetime.combine(day - timedelta(days=MAX_DAYS_AHEAD + 1), time(0), tzinfo=self.zone)
        with self.branch.store.read_session() as session:
            rows = session.execute(
                select(EventRow.position, EventRow.type, EventRow.payload).where(
                    EventRow.branch_id == self.branch.branch_id,
                    EventRow.type.in_(BREAK_EVENTS),
                    EventRow.at >= since,
                )
            ).all()
        facts = [_Fact(EventType(kind), payload) for _, kind, payload in sorted(rows, key=lambda r: r[0])]
        return breaks_for_day(self.rota, facts, day)

    def tellers(self) -> dict[str, str]:
        """Active tellers and supervisors of the branch: id -> name (who can be given a break)."""
        with self.branch.store.read_session() as session:
            rows = session.execute(
                select(StaffRow.id, StaffRow.name).where(
                    StaffRow.branch_id == self.branch.branch_id,
                    StaffRow.active.is_(True),
                    StaffRow.role.in_(("teller", "supervisor")),
                )
            )
            return {staff_id: name for staff_id, name in rows}

    def schedule(self, actor: StaffSession, staff_id: str, day: date, start: str, minutes: int) -> Break:
        """A break for ``staff_id`` on ``day``: replaces the teller's rota break that day."""
        actor = self._authorize(actor)
        today = self.today()
        if not today <= day <= today + timedelta(days=MAX_DAYS_AHEAD):
            raise BreakRefused(f"a break is planned from today up to {MAX_DAYS_AHEAD} days ahead, not {day}")
        if staff_id not in self.tellers():
            raise BreakRefused(f"{staff_id!r} is not an active teller of this branch")
        change = schedule_break(staff_id, day, start, minutes, actor.staff_id)
        self._record(actor, change, AuditAction.BREAK_SCHEDULED)
        return next(b for b in self.day_breaks(day) if b.id == change[1]["break_id"])

    def cancel(self, actor: StaffSession, day: date, break_id: str) -> None:
        actor = self._authorize(actor)
        change = cancel_break(self.day_breaks(day), break_id, actor.staff_id)
        self._record(actor, change, AuditAction.BREAK_CANCELLED)

    def _record(self, actor: StaffSession, change: tuple[EventType, dict[str, Any]], action: AuditAction) -> None:
        def decide(c: Commands) -> list[Event]:
            return c.ctx.build(c.state.next_seq(c.ctx.station_id), [change])

        def audit(session, events: list[Event]) -> None:
            append_audit(session, self.branch.branch_id, actor, action, events[0].at, None, dict(change[1]))

        self.branch.run(decide, then=audit)

    def _authorize(self, actor: StaffSession | None) -> StaffSession:
        checked = authorize(actor, self.branch.branch_id, Action.MANAGE_COUNTERS)
        with self.branch.store.read_session() as db:
            check_account(db, checked)
        return checked
