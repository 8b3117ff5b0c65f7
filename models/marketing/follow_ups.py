"""Customer notes and follow-ups: write a note, plan a follow-up for an owner, list what is due, mark it done.

A follow-up is a note with a next-action date; it stays open until someone marks it done with a result.
A later note does not close it: a teller's remark at the counter must not hide the relationship
manager's planned call. Every change is audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit.log import append_audit
from models.customers.queries import follow_up_of, insert_follow_up
from models.customers.station_lookups_pg import follow_up_from
from models.customers.station_writes_pg import add_follow_up
from models.customers.tables import CustomerRow, FollowUpRow
from models.marketing.call_list import MAX_DAYS
from models.staff.session import StaffSession, authorize, check_account
from models.store.database import Store
from models.store.tables import StaffRow
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.roles import Action
from queueing.core.text_rules import FOLLOW_UP_TEXT, TextField, clean_text
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profiles import Channel, FollowUp, UnknownCustomer

MIN_RESULT_CHARS = 5
# The screen lists the most overdue follow-ups up to this many and says how many are due: a branch of a million
# customers had 50,000 due within a month. The command line lists them all.
DUE_PAGE = 500
FOLLOW_UP_RESULT = TextField("follow-up result", 500, multiline=True)


class UnknownFollowUp(DomainError):
    code = "unknown_follow_up"


@dataclass(frozen=True)
class DueFollowUp:
    follow_up: FollowUp
    customer_no: str
    masked_name: str
    masked_phone: str
    overdue_days: int  # 0 = due today, negative = due in the future


@dataclass(frozen=True)
class DuePage:
    """The most overdue follow-ups, at most the page's size, and how many are due in all."""

    follow_ups: tuple[DueFollowUp, ...]
    total: int
    overdue: int  # of the total, those due before today


class FollowUpService:
    """Notes and follow-ups of one branch. Safe to call from worker threads (a session per call)."""

    def __init__(self, store: Store, branch_id: str, *, clock: Clock | None = None, timezone: str = "UTC") -> None:
        self.store = store
        self.branch_id = branch_id
        self.clock = clock or SystemClock()
        self.zone = ZoneInfo(timezone)

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def add_note(
        self, actor: StaffSession, customer_id: int, text: str, channel: Channel = Channel.COUNTER
    ) -> FollowUp:
        """A note on the customer's record with no planned action."""
        return self.add_follow_up(actor, customer_id, channel, text)

    def add_follow_up(
        self,
        actor: StaffSession,
        customer_id: int,
        channel: Channel,
        text: str,
        next_action_on: date | None = None,
        owner_id: str | None = None,
    ) -> FollowUp:
        """A note; with ``next_action_on`` a follow-up that ``owner_id`` (default: the author) is to make."""
        actor = authorize(actor, self.branch_id, Action.ADD_NOTE)
        text = clean_text(FOLLOW_UP_TEXT, text)
        if next_action_on is not None and next_action_on < self.today():
            raise DomainError(
                "the next action date is in the past", next_action_on=next_action_on.isoformat(), reason="past"
            )
        owner_id = (owner_id or "").strip() or None  # checked against the staff table below
        if owner_id is not None and next_action_on is None:
            raise DomainError("an owner needs a next action date", owner_id=owner_id, reason="owner_without_date")
        now = self.clock.now()
        with self.store.write_session() as session:
            check_account(session, actor)
            if owner_id is not None:
                self._check_staff(session, owner_id)
            note = self._insert(session, actor, customer_id, now, channel, text, next_action_on, owner_id)
            detail = {
                "follow_up_id": note.id,
                "channel": channel.value,
                "next_action_on": next_action_on.isoformat() if next_action_on else None,
                "owner": owner_id,
            }
            append_audit(session, self.branch_id, actor, AuditAction.NOTE_ADDED, now, customer_id, detail)
            return note

    def due(self, actor: StaffSession, within_days: int = 0, owner_id: str | None = None) -> tuple[DueFollowUp, ...]:
        """Open follow-ups due by today + ``within_days`` (overdue ones first), of one owner or of everyone."""
        return self._due(actor, within_days, owner_id, None).follow_ups

    def due_page(
        self, actor: StaffSession, within_days: int = 0, owner_id: str | None = None, limit: int = DUE_PAGE
    ) -> DuePage:
        """The first ``limit`` of due() (the most overdue), and how many there are in all (the Follow-ups tab)."""
        return self._due(actor, within_days, owner_id, limit)

    def _due(self, actor: StaffSession, within_days: int, owner_id: str | None, limit: int | None) -> DuePage:
        actor = authorize(actor, self.branch_id, Action.VIEW_FOLLOW_UPS)
        if not 0 <= within_days <= MAX_DAYS:  # a date past 9999-12-31 was an OverflowError (internal error)
            raise DomainError(
                f"the number of days ahead must be 0 to {MAX_DAYS}, got {within_days}",
                days=within_days,
                most=MAX_DAYS,
                reason="days",
            )
        today = self.today()
        # The open ones by due date: the partial index ix_follow_up_branch_open gives them in order, so a page
        # reads its own rows only.
        where = [
            FollowUpRow.branch_id == self.branch_id,
            FollowUpRow.next_action_on.is_not(None),
            FollowUpRow.next_action_on <= today + timedelta(days=within_days),
            FollowUpRow.done_at.is_(None),
        ]
        if owner_id is not None:
            where.append(func.coalesce(FollowUpRow.owner_id, FollowUpRow.staff_id) == owner_id)
        stmt = (
            select(FollowUpRow, CustomerRow)
            .join(CustomerRow, CustomerRow.id == FollowUpRow.customer_id)
            .where(*where)
            .order_by(FollowUpRow.next_action_on, FollowUpRow.id)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.store.read_session() as session:
            check_account(session, actor)
            found = tuple(
                DueFollowUp(
                    follow_up=follow_up_of(note),
                    customer_no=cust.customer_no,
                    masked_name=cust.name_masked,
                    masked_phone=cust.phone_masked,
                    overdue_days=(today - due).days,
                )
                for note, cust in session.execute(stmt)
                if (due := note.next_action_on) is not None  # the query takes follow-ups only
            )
            total, overdue = len(found), sum(1 for d in found if d.overdue_days > 0)
            if limit is not None and total >= limit:
                # Every follow-up has its customer (a foreign key): counted on the index alone.
                count = select(func.count()).select_from(FollowUpRow).where(*where)
                total = int(session.scalar(count) or 0)
                overdue = int(session.scalar(count.where(FollowUpRow.next_action_on < today)) or 0)
            return DuePage(found, total, overdue)

    def mark_done(self, actor: StaffSession, follow_up_id: int, result: str) -> FollowUp:
        """Close an open follow-up with what came of it (the result is kept on the follow-up and audited)."""
        actor = authorize(actor, self.branch_id, Action.ADD_NOTE)
        result = clean_text(FOLLOW_UP_RESULT, result)
        if len(result) < MIN_RESULT_CHARS:
            raise DomainError(
                f"a result of at least {MIN_RESULT_CHARS} characters is required",
                least=MIN_RESULT_CHARS,
                reason="result",
            )
        now = self.clock.now()
        with self.store.write_session() as session:
            check_account(session, actor)
            # Locked: on PostgreSQL another PC marking it done at the same time waits, then finds it done.
            row = session.get(FollowUpRow, follow_up_id, with_for_update=True)
            if row is None or row.branch_id != self.branch_id:
                raise UnknownFollowUp(f"no follow-up {follow_up_id} in branch {self.branch_id}", id=follow_up_id)
            if row.next_action_on is None:
                raise InvalidTransition(
                    f"note {follow_up_id} plans no action: nothing to mark done", id=follow_up_id, reason="no_action"
                )
            if row.done_at is not None:
                raise InvalidTransition(f"follow-up {follow_up_id} is already done", id=follow_up_id, reason="done")
            row.done_at, row.done_by, row.result = now, actor.staff_id, result
            session.flush()
            detail = {"follow_up_id": follow_up_id, "result": result}
            append_audit(session, self.branch_id, actor, AuditAction.FOLLOW_UP_DONE, now, row.customer_id, detail)
            return follow_up_of(row)

    def owners(self, actor: StaffSession) -> dict[str, str]:
        """Active staff of the branch who can own a follow-up: id -> name."""
        actor = authorize(actor, self.branch_id, Action.VIEW_FOLLOW_UPS)
        stmt = select(StaffRow.id, StaffRow.name).where(StaffRow.branch_id == self.branch_id, StaffRow.active)
        with self.store.read_session() as session:
            check_account(session, actor)
            return {staff_id: name for staff_id, name in session.execute(stmt.order_by(StaffRow.name))}

    def _insert(
        self,
        session: Session,
        actor: StaffSession,
        customer_id: int,
        now: datetime,
        channel: Channel,
        text: str,
        next_action_on: date | None,
        owner_id: str | None,
    ) -> FollowUp:
        """On PostgreSQL through the server's function (a station's role cannot write the customer tables)."""
        if self.store.dialect == "postgresql":
            row = add_follow_up(session, actor, customer_id, now, channel.value, text, next_action_on, owner_id)
            if row is None:
                raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
            return follow_up_from(row)
        self._check_customer(session, customer_id)
        return insert_follow_up(
            session, self.branch_id, customer_id, actor.staff_id, now, channel, text, next_action_on, owner_id
        )

    def _check_customer(self, session: Session, customer_id: int) -> None:
        branch = session.scalar(select(CustomerRow.branch_id).where(CustomerRow.id == customer_id))
        if branch != self.branch_id:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)

    def _check_staff(self, session: Session, staff_id: str) -> None:
        active = session.scalar(
            select(StaffRow.active).where(StaffRow.branch_id == self.branch_id, StaffRow.id == staff_id)
        )
        if not active:
            raise DomainError(
                f"no active staff member {staff_id!r} in branch {self.branch_id}", owner_id=staff_id, reason="owner"
            )
