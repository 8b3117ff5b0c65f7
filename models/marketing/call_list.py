"""The maturity call list: time deposits maturing soon (largest first), what each call brought, and the
appointments of tomorrow to remind by phone.

Customers are listed masked; the phone number is revealed one at a time through
CustomerService.reveal (role-checked and audited). Every recorded call is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from models.appointments.tables import AppointmentRow
from models.audit.log import append_audit
from models.customers.queries import from_cents
from models.customers.tables import CallResultRow, CustomerRow, HoldingRow
from models.staff.session import StaffSession, authorize, check_account
from models.store.database import Store
from models.store.id_lists import IDS_PER_QUERY, id_chunks
from models.store.utc import as_utc
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import DomainError
from queueing.core.roles import Action
from queueing.core.text_rules import TextField, clean_text
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profile_view import round_balance
from queueing.customers.profiles import CallResult, ProductKind, UnknownCustomer

MAX_DAYS = 366
# The screen lists the largest deposits of the window up to this many (a day's calls many times over) and says how
# many there are: a branch of a million customers has ~90,000 deposits maturing in a month, which took seconds to
# read and lay out, and nobody scrolls to the last of them. The command line's export lists them all.
MATURITY_PAGE = 500
CALL_NOTE = TextField("call note", 500, multiline=True, required=False)


@dataclass(frozen=True)
class LastCall:
    result: CallResult
    at: datetime
    staff_id: str


@dataclass(frozen=True)
class MaturityCall:
    customer_id: int
    customer_no: str
    masked_name: str
    masked_phone: str
    holding_id: int
    product_code: str
    balance: int  # rounded, as the teller sees it
    matures_on: date
    days_left: int
    marketing_consent: bool
    last_call: LastCall | None  # the latest call about this deposit


@dataclass(frozen=True)
class MaturityPage:
    """The largest deposits maturing in the window, at most the page's size, and how many mature in it."""

    calls: tuple[MaturityCall, ...]
    total: int


@dataclass(frozen=True)
class Reminder:
    """An appointment of tomorrow: a call the day before keeps the slot from being wasted."""

    appointment_id: int
    customer_id: int
    customer_no: str
    masked_name: str
    masked_phone: str
    category: str
    local_start: datetime
    last_call: LastCall | None  # the latest call to this customer since the booking


class CallListService:
    def __init__(self, store: Store, branch_id: str, *, clock: Clock | None = None, timezone: str = "UTC") -> None:
        self.store = store
        self.branch_id = branch_id
        self.clock = clock or SystemClock()
        self.zone = ZoneInfo(timezone)

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def maturities(self, actor: StaffSession, within_days: int = 30) -> tuple[MaturityCall, ...]:
        """Time deposits maturing from today to today + ``within_days``: the largest first, then the soonest."""
        return self._maturities(actor, within_days, None).calls

    def maturity_page(
        self, actor: StaffSession, within_days: int = 30, limit: int = MATURITY_PAGE
    ) -> MaturityPage:
        """The first ``limit`` of maturities(), and how many there are in all (the call list's screen)."""
        return self._maturities(actor, within_days, limit)

    def _maturities(self, actor: StaffSession, within_days: int, limit: int | None) -> MaturityPage:
        actor = authorize(actor, self.branch_id, Action.VIEW_FOLLOW_UPS)
        if not 0 <= within_days <= MAX_DAYS:
            raise DomainError(
                f"the window must be 0 to {MAX_DAYS} days, got {within_days}",
                days=within_days,
                most=MAX_DAYS,
                reason="days",
            )
        today = self.today()
        where = (
            HoldingRow.kind == ProductKind.TIME_DEPOSIT.value,
            HoldingRow.matures_on >= today,
            HoldingRow.matures_on <= today + timedelta(days=within_days),
            CustomerRow.branch_id == self.branch_id,
        )
        # The columns shown, not whole rows: no ORM object per deposit.
        stmt = (
            select(*_MATURITY_COLUMNS)
            .join(CustomerRow, CustomerRow.id == HoldingRow.customer_id)
            .where(*where)
            .order_by(HoldingRow.balance_cents.desc(), HoldingRow.matures_on, HoldingRow.id)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.store.read_session() as session:
            check_account(session, actor)
            found = session.execute(stmt).all()
            total = len(found)
            if limit is not None and total >= limit:
                count = select(func.count()).select_from(HoldingRow).join(
                    CustomerRow, CustomerRow.id == HoldingRow.customer_id
                )
                total = int(session.scalar(count.where(*where)) or 0)
            calls = self._last_calls(session, {row.holding_id for row in found}, by="holding_id")
        return MaturityPage(
            tuple(
                MaturityCall(
                    customer_id=row.customer_id,
                    customer_no=row.customer_no,
                    masked_name=row.name_masked,
                    masked_phone=row.phone_masked,
                    holding_id=row.holding_id,
                    product_code=row.product_code,
                    balance=round_balance(from_cents(row.balance_cents)),
                    matures_on=row.matures_on,
                    days_left=(row.matures_on - today).days,
                    marketing_consent=row.marketing_consent,
                    last_call=calls.get(row.holding_id),
                )
                for row in found
            ),
            total,
        )

    def reminders(self, actor: StaffSession, day: date | None = None) -> tuple[Reminder, ...]:
        """The booked appointments of ``day`` (default tomorrow at the branch), by time."""
        actor = authorize(actor, self.branch_id, Action.VIEW_FOLLOW_UPS)
        day = day or self.today() + timedelta(days=1)
        stmt = (
            select(AppointmentRow, CustomerRow)
            .join(CustomerRow, CustomerRow.id == AppointmentRow.customer_id)
            .where(
                AppointmentRow.branch_id == self.branch_id,
                AppointmentRow.business_date == day,
                AppointmentRow.status == "booked",
            )
            .order_by(AppointmentRow.start_at, AppointmentRow.id)
        )
        with self.store.read_session() as session:
            check_account(session, actor)
            found = list(session.execute(stmt))
            calls = self._last_calls(session, {c.id for _, c in found}, by="customer_id")
            return tuple(
                Reminder(
                    appointment_id=a.id,
                    customer_id=c.id,
                    customer_no=c.customer_no,
                    masked_name=c.name_masked,
                    masked_phone=c.phone_masked,
                    category=a.category,
                    local_start=as_utc(a.start_at).astimezone(self.zone),
                    last_call=_since(calls.get(c.id), as_utc(a.created_at)),
                )
                for a, c in found
            )

    def record_call(
        self, actor: StaffSession, customer_id: int, result: CallResult, holding_id: int | None = None, note: str = ""
    ) -> LastCall:
        """What came of a call to the customer (about the deposit ``holding_id``, or a reminder when None)."""
        actor = authorize(actor, self.branch_id, Action.ADD_NOTE)
        note = clean_text(CALL_NOTE, note)
        now = self.clock.now()
        with self.store.write_session() as session:
            check_account(session, actor)
            branch = session.scalar(select(CustomerRow.branch_id).where(CustomerRow.id == customer_id))
            if branch != self.branch_id:
                raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
            if holding_id is not None:
                owner = session.scalar(select(HoldingRow.customer_id).where(HoldingRow.id == holding_id))
                if owner != customer_id:
                    raise DomainError(
                        f"deposit {holding_id} is not customer {customer_id}'s", holding_id=holding_id, reason="holding"
                    )
            row = CallResultRow(
                branch_id=self.branch_id,
                customer_id=customer_id,
                holding_id=holding_id,
                staff_id=actor.staff_id,
                at=now,
                result=result.value,
                note=note,
            )
            session.add(row)
            session.flush()
            detail = {"call_id": row.id, "result": result.value, "holding_id": holding_id}
            append_audit(session, self.branch_id, actor, AuditAction.CALL_RESULT, now, customer_id, detail)
            return LastCall(result, now, actor.staff_id)

    def _last_calls(self, session, keys: set[int], by: str) -> dict[int, LastCall]:
        """The latest call about each key: sought per key through (branch, holding or customer, at)."""
        column = getattr(CallResultRow, by)
        last: dict[int, LastCall] = {}
        for chunk in id_chunks(sorted(keys), IDS_PER_QUERY):
            stmt = (
                select(column, CallResultRow.result, CallResultRow.at, CallResultRow.staff_id)
                .where(CallResultRow.branch_id == self.branch_id, column.in_(chunk))
                .order_by(CallResultRow.at, CallResultRow.id)
            )
            if by == "customer_id":  # reminders: a call about a maturing deposit is not one
                stmt = stmt.where(CallResultRow.holding_id.is_(None))
            for key, result, at, staff in session.execute(stmt):
                last[key] = LastCall(CallResult(result), as_utc(at), staff)
        return last


_MATURITY_COLUMNS = (
    HoldingRow.id.label("holding_id"),
    HoldingRow.product_code,
    HoldingRow.balance_cents,
    HoldingRow.matures_on,
    CustomerRow.id.label("customer_id"),
    CustomerRow.customer_no,
    CustomerRow.name_masked,
    CustomerRow.phone_masked,
    CustomerRow.marketing_consent,
)


def _since(call: LastCall | None, booked_at: datetime) -> LastCall | None:
    return call if call is not None and call.at >= booked_at else None
