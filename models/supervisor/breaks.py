"""Tellers' breaks for a day: the rota from staffing.toml and the supervisor's changes, kept as journal events.

Scheduling or cancelling a break is an event appended through the branch facade's ``run`` like every other
change (a station's runs upstream, or offline and pushed later), so it reaches every station; each is also
written to the audit log. Reads return frozen ``Break`` records, from the branch's shared store: a change a
station made offline shows in the plan (and in the lunch-cover check) once the station has synced.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.audit.log import append_audit
from models.branch.break_journal import MAX_DAYS_AHEAD, changed_before, day_breaks
from models.branch.facade import BranchFacade
from models.staff.session import StaffSession, authorize, check_account
from models.store.tables import StaffRow
from queueing.core.commands import Commands
from queueing.core.events import Event, EventType
from queueing.core.roles import Action
from queueing.customers.audit_chain import AuditAction
from queueing.supervisor.break_plan import (
    Break,
    BreakGone,
    BreakRefused,
    RotaBreak,
    cancel_break,
    parse_clock,
    schedule_break,
)

Change = tuple[EventType, dict[str, Any]]


class BreakService:
    def __init__(self, branch: BranchFacade, rota: tuple[RotaBreak, ...] = ()) -> None:
        self.branch = branch
        self.rota = rota
        self.zone = ZoneInfo(branch.config.timezone)

    def today(self) -> date:
        return self.branch.clock.now().astimezone(self.zone).date()

    def day_breaks(self, day: date) -> list[Break]:
        """The breaks planned for ``day`` (branch-local date), by start."""
        with self.branch.store.read_session() as session:
            return day_breaks(session, self.branch.branch_id, self.rota, day, self.branch.config.timezone)

    def _came_first(self, day: date, break_id: str, own: set[str]) -> None:
        """BreakGone when another screen's move or cancellation of ``break_id`` reached the journal between our
        check and our write: the first change counts (break_plan.breaks_for_day), ours is journalled and did nothing."""
        with self.branch.store.read_session() as session:
            if changed_before(session, self.branch.branch_id, day, self.branch.config.timezone, break_id, own):
                raise BreakGone(f"break {break_id!r} was moved or cancelled meanwhile; this change did not take effect")

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

    def schedule(
        self, actor: StaffSession, staff_id: str, day: date, start: str, minutes: int, replaces: str | None = None
    ) -> Break:
        """A break for ``staff_id`` on ``day``: replaces the teller's rota break that day, and the break
        ``replaces`` names (moving it) in the same command. A teller may have more than one break a day."""
        actor = self._authorize(actor)
        today = self.today()
        if not today <= day <= today + timedelta(days=MAX_DAYS_AHEAD):
            raise BreakRefused(f"a break is planned from today up to {MAX_DAYS_AHEAD} days ahead, not {day}")
        if staff_id not in self.tellers():
            raise BreakRefused(f"{staff_id!r} is not an active teller of this branch")
        changes = [schedule_break(staff_id, day, start, minutes, actor.staff_id, replaces=replaces)]
        if replaces is not None:
            changes.append(cancel_break(self.day_breaks(day), replaces, actor.staff_id))
        own = self._record(actor, changes, AuditAction.BREAK_SCHEDULED)
        if replaces is not None:
            self._came_first(day, replaces, own)
        p = changes[0][1]
        return Break(p["break_id"], staff_id, day, parse_clock(start), minutes, actor.staff_id)

    def cancel(self, actor: StaffSession, day: date, break_id: str) -> None:
        actor = self._authorize(actor)
        change = cancel_break(self.day_breaks(day), break_id, actor.staff_id)
        own = self._record(actor, [change], AuditAction.BREAK_CANCELLED)
        self._came_first(day, break_id, own)

    def _record(self, actor: StaffSession, changes: list[Change], action: AuditAction) -> set[str]:
        """Journals and audits ``changes``; the ids of the events written."""
        made: list[Event] = []

        def decide(c: Commands) -> list[Event]:
            events = c.ctx.build(c.state.next_seq(c.ctx.station_id), changes)
            made[:] = events  # a command run again (a station's retry) wrote its last attempt's
            return events

        # Through the facade, so a station runs it upstream or offline like any command; the event is the
        # record that syncs, and the audit entry follows it in the store's chain as the other desk services do.
        self.branch.run(decide)
        with self.branch.store.write_session() as session:
            detail = {"changes": [{"type": str(kind), **payload} for kind, payload in changes]}
            append_audit(session, self.branch.branch_id, actor, action, self.branch.clock.now(), None, detail)
        return {event.id for event in made}

    def _authorize(self, actor: StaffSession | None) -> StaffSession:
        checked = authorize(actor, self.branch.branch_id, Action.MANAGE_COUNTERS)
        with self.branch.store.read_session() as db:
            check_account(db, checked)
        return checked
