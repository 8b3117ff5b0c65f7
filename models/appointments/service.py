"""Appointments of one branch: book, cancel, list a day, find the one that applies now, check in, mark no-shows.

Roles are checked here: tellers, supervisors and administrators book, cancel and list; the kiosk
(Role.KIOSK) only checks in. Every call is one transaction and returns frozen views, never rows.

A check-in is two transactions on purpose: the appointment is first claimed (booked -> arrived, so two
kiosks cannot both check it in), then the APPOINTMENT ticket is issued through the BranchService, which
runs its own event transaction, and the ticket id is kept on the row. The link or the process may die
between any two of them, or lose a COMMIT's answer: the ticket's id comes from the appointment
(``appointment_ticket_id``), so a retry of an arrived appointment whose ticket was not issued, or still
waits, finishes the check-in and gives that one ticket; it never issues a second.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from models.appointments.capacity import next_free, refuse_if_full
from models.appointments.tables import AppointmentRow
from models.branch.facade import BranchFacade
from models.branch.records import CommandResult
from models.customers.station_lookups_pg import masked_customer
from models.customers.tables import CustomerRow
from models.staff.session import StaffSession, authorize, check_account
from models.store.errors import StoreError
from models.store.tables import TicketRow
from models.store.utc import as_utc
from queueing.appointments.rules import (
    Applicable,
    Appointment,
    AppointmentRules,
    AppointmentStatus,
    InvalidAppointment,
    UnknownAppointment,
    applicable,
    appointment_ticket_id,
    business_day,
    can_cancel,
    check_in_allowed,
    clean_note,
    due_no_shows,
    load_appointment_rules,
    local_start,
    overlapping,
    validate_slot,
)
from queueing.core.errors import DomainError
from queueing.core.roles import Action
from queueing.core.tickets import PriorityClass
from queueing.customers.profiles import UnknownCustomer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppointmentView:
    appointment: Appointment
    customer_no: str
    masked_name: str
    local_start: datetime  # in the branch's time zone


@dataclass(frozen=True)
class ApplicableView:
    """The appointment that concerns the customer now (``timing``) and the window in which a check-in counts."""

    view: AppointmentView
    found: Applicable
    window_opens: datetime  # local
    window_closes: datetime  # local

    @property
    def can_check_in(self) -> bool:
        return self.found.can_check_in


@dataclass(frozen=True)
class CustomerPick:
    """A customer chosen for a booking, as the desk may see them."""

    customer_id: int
    customer_no: str
    masked_name: str


@dataclass(frozen=True)
class CheckIn:
    view: AppointmentView
    result: CommandResult


def _appointment(row: AppointmentRow) -> Appointment:
    return Appointment(
        id=row.id,
        branch_id=row.branch_id,
        customer_id=str(row.customer_id),
        category=row.category,
        start=as_utc(row.start_at),
        duration_min=row.duration_min,
        status=AppointmentStatus(row.status),
        created_by=row.created_by,
        note=row.note or "",
        ticket_id=row.ticket_id,
    )


@dataclass(frozen=True)
class MaskedCustomer:
    """What an appointment shows of its customer."""

    id: int
    customer_no: str
    name_masked: str


class AppointmentService:
    """Appointments of ``branch``'s branch; check-ins issue tickets through ``branch``. Safe from worker threads."""

    def __init__(self, branch: BranchFacade, rules: AppointmentRules | None = None) -> None:
        self.branch = branch
        self.store = branch.store
        self.branch_id = branch.branch_id
        self.timezone = branch.config.timezone
        self.rules = rules or load_appointment_rules(known_categories=branch.config.categories)

    # -- helpers ---------------------------------------------------------------
    def _now(self) -> datetime:
        return self.branch.clock.now()

    def _view(self, row: AppointmentRow, customer: CustomerRow | MaskedCustomer) -> AppointmentView:
        appointment = _appointment(row)
        return AppointmentView(
            appointment=appointment,
            customer_no=customer.customer_no,
            masked_name=customer.name_masked,
            local_start=local_start(appointment.start, self.timezone),
        )

    def _customer(self, session: Session, customer_id: int | str, actor: StaffSession) -> CustomerRow | MaskedCustomer:
        """The number and masked name (on PostgreSQL through the server: a station's role reads no customer)."""
        if self.store.dialect == "postgresql":
            found = masked_customer(session, actor, int(customer_id)) if str(customer_id).isdecimal() else None
            if found is None:
                raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
            return MaskedCustomer(found["id"], found["customer_no"], found["name_masked"])
        row = session.get(CustomerRow, int(customer_id)) if str(customer_id).isdecimal() else None
        if row is None or row.branch_id != self.branch_id:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
        return row

    def _row(self, session: Session, appointment_id: int, lock: bool = False) -> AppointmentRow:
        stmt = select(AppointmentRow).where(
            AppointmentRow.id == appointment_id, AppointmentRow.branch_id == self.branch_id
        )
        row = session.scalar(stmt.with_for_update() if lock else stmt)
        if row is None:
            raise UnknownAppointment(
                f"no appointment {appointment_id} in branch {self.branch_id}", appointment=appointment_id
            )
        return row

    def _customer_rows(self, session: Session, customer_id: int, day: date) -> list[AppointmentRow]:
        """The customer's appointments of local ``day`` and the days either side: where the branch books at any
        hour, one of the evening before runs past midnight, and the arrival window of one just after it opens
        before midnight."""
        stmt = select(AppointmentRow).where(
            AppointmentRow.branch_id == self.branch_id,
            AppointmentRow.customer_id == customer_id,
            AppointmentRow.business_date.between(day - timedelta(days=1), day + timedelta(days=1)),
        )
        return list(session.scalars(stmt))

    # -- staff -----------------------------------------------------------------
    def customer_by_number(self, actor: StaffSession, customer_no: str) -> CustomerPick:
        """The customer with this customer number (for scripts and desks that know numbers, not cards)."""
        actor = authorize(actor, self.branch_id, Action.BOOK_APPOINTMENT)
        with self.store.read_session() as session:
            check_account(session, actor)
            row = session.scalar(
                select(CustomerRow).where(
                    CustomerRow.branch_id == self.branch_id, CustomerRow.customer_no == customer_no.strip()
                )
            )
            if row is None:
                raise UnknownCustomer(f"no customer number {customer_no!r} in branch {self.branch_id}")
            return CustomerPick(row.id, row.customer_no, row.name_masked)

    def book(
        self,
        actor: StaffSession,
        customer_id: int | str,
        category: str,
        start: datetime,
        duration_min: int | None = None,
        note: str | None = None,
    ) -> AppointmentView:
        """Book ``category`` at ``start`` (a naive time is the branch's local clock time)."""
        actor = authorize(actor, self.branch_id, Action.BOOK_APPOINTMENT)
        start = local_start(start, self.timezone)
        duration = self.rules.duration_min if duration_min is None else duration_min
        now = self._now()
        try:
            validate_slot(self.rules, self.branch.config.categories, category, start, duration, now)
        except InvalidAppointment as exc:
            raise self._offer_next(exc, category, start, duration, now) from None
        text = clean_note(note)
        day = business_day(start, self.timezone)
        try:
            # On PostgreSQL two stations would both count a slot's last place free, then both insert: the
            # branch's bookings are serialised (SQLite's BEGIN IMMEDIATE already does that).
            with self.store.write_session(lock_key=f"appointment:{self.branch_id}") as session:
                check_account(session, actor)
                customer = self._customer(session, customer_id, actor)
                existing = [_appointment(r) for r in self._customer_rows(session, customer.id, day)]
                clash = overlapping(existing, start, duration)
                if clash is not None:
                    raise InvalidAppointment(
                        self._clash_message(customer.customer_no, clash),
                        appointment=clash.id,
                        start=local_start(clash.start, self.timezone).isoformat(),
                        reason="clash",
                    )
                try:
                    refuse_if_full(session, self.branch_id, self.branch.config, self.rules, category, start)
                except InvalidAppointment as exc:
                    raise self._offer_next(exc, category, start, duration, now) from None
                row = AppointmentRow(
                    branch_id=self.branch_id,
                    customer_id=customer.id,
                    category=category,
                    business_date=day,
                    start_at=start.astimezone(UTC),
                    duration_min=duration,
                    status=AppointmentStatus.BOOKED.value,
                    created_by=actor.staff_id,
                    created_at=now,
                    note=text,
                )
                session.add(row)
                session.flush()
                return self._view(row, customer)
        except IntegrityError:
            # Another station booked the same customer and slot between our check and our insert.
            raise InvalidAppointment(
                f"customer {customer_id} already has an appointment at {start:%Y-%m-%d %H:%M}",
                start=start.isoformat(),
                reason="clash",
            ) from None

    def _offer_next(
        self, exc: InvalidAppointment, category: str, start: datetime, duration: int, now: datetime
    ) -> InvalidAppointment:
        """A closed, out-of-hours or full slot is refused with the next free one of the service, if any."""
        if exc.details.get("reason") not in ("closed", "hours", "full"):
            return exc
        with self.store.read_session() as session:
            free = next_free(session, self.branch_id, self.branch.config, self.rules, category, start, duration, now)
        if free is None:
            return InvalidAppointment(
                f"{exc}; no free slot within {self.rules.days_ahead} days",
                **{**exc.details, "none_free_within": self.rules.days_ahead},
            )
        return InvalidAppointment(
            f"{exc}; the next free slot is {free:%a %Y-%m-%d %H:%M}", **exc.details, next_free=free.isoformat()
        )

    def _clash_message(self, customer_no: str, clash: Appointment) -> str:
        at = local_start(clash.start, self.timezone)
        return (
            f"customer {customer_no} already has appointment {clash.id} at {at:%Y-%m-%d %H:%M} "
            f"({clash.duration_min} min, {clash.category})"
        )

    def cancel(self, actor: StaffSession, appointment_id: int) -> AppointmentView:
        actor = authorize(actor, self.branch_id, Action.BOOK_APPOINTMENT)
        with self.store.write_session() as session:
            check_account(session, actor)
            row = self._row(session, appointment_id, lock=True)
            can_cancel(_appointment(row))
            row.status = AppointmentStatus.CANCELLED.value
            row.changed_by, row.changed_at = actor.staff_id, self._now()
            return self._view(row, self._customer(session, row.customer_id, actor))

    def day(self, actor: StaffSession, day: date) -> tuple[AppointmentView, ...]:
        """The branch's appointments of local ``day``, by time, every status."""
        actor = authorize(actor, self.branch_id, Action.BOOK_APPOINTMENT)
        with self.store.read_session() as session:
            check_account(session, actor)
            stmt = (
                select(AppointmentRow, CustomerRow)
                .join(CustomerRow, CustomerRow.id == AppointmentRow.customer_id)
                .where(AppointmentRow.branch_id == self.branch_id, AppointmentRow.business_date == day)
                .order_by(AppointmentRow.start_at, AppointmentRow.id)
            )
            return tuple(self._view(row, customer) for row, customer in session.execute(stmt))

    def today(self) -> date:
        return business_day(self._now(), self.timezone)

    def mark_no_shows(self, actor: StaffSession, day: date | None = None) -> tuple[AppointmentView, ...]:
        """Booked appointments of ``day`` whose arrival window has closed become no-shows. By default today's and
        yesterday's: a branch that books at any hour has late-evening appointments whose window closes after
        midnight, on the next business day."""
        actor = authorize(actor, self.branch_id, Action.BOOK_APPOINTMENT)
        now = self._now()
        today = self.today()  # read once: two reads a tick apart could straddle midnight
        days = (day,) if day is not None else (today, today - timedelta(days=1))
        with self.store.write_session() as session:
            check_account(session, actor)
            stmt = select(AppointmentRow).where(
                AppointmentRow.branch_id == self.branch_id,
                AppointmentRow.business_date.in_(days),
                AppointmentRow.status == AppointmentStatus.BOOKED.value,
            )
            rows = {row.id: row for row in session.scalars(stmt.with_for_update())}
            missed = due_no_shows((_appointment(r) for r in rows.values()), now, self.rules)
            views = []
            for appointment in missed:
                row = rows[appointment.id]
                row.status = AppointmentStatus.NO_SHOW.value
                row.changed_by, row.changed_at = actor.staff_id, now
                views.append(self._view(row, self._customer(session, row.customer_id, actor)))
            return tuple(views)

    # -- kiosk -----------------------------------------------------------------
    def applicable(self, actor: StaffSession, customer_id: int | str) -> ApplicableView | None:
        """The customer's appointment that concerns this moment, or None (queueing.appointments.rules.applicable);
        first one whose check-in was cut short, which the customer may finish."""
        actor = authorize(actor, self.branch_id, Action.CHECK_IN_APPOINTMENT)
        now = self._now()
        with self.store.read_session() as session:
            check_account(session, actor)
            customer = self._customer(session, customer_id, actor)
            rows = {r.id: r for r in self._customer_rows(session, customer.id, self.today())}
            cut_short = sorted(
                (r for r in rows.values() if self._resumable(session, r, now)), key=lambda r: r.start_at
            )
            if cut_short:
                appointment = _appointment(cut_short[0])
                found: Applicable | None = Applicable(
                    appointment, self.rules.timing(appointment.start, now), resumed=True
                )
            else:
                found = applicable((_appointment(r) for r in rows.values()), now, self.rules, self.timezone)
            if found is None:
                return None
            view = self._view(rows[found.appointment.id], customer)
        opens, closes = self.rules.window(view.local_start)
        return ApplicableView(view, found, opens, closes)

    def _resumable(self, session: Session, row: AppointmentRow, now: datetime) -> bool:
        """Arrived today, and its ticket not issued or still waiting: a check-in cut short, or whose answer was lost,
        that a retry finishes with the appointment's one ticket."""
        if not self._arrived_today(row, now):
            return False
        ticket_id = appointment_ticket_id(_appointment(row))
        return self._still_waits(ticket_id, self._stored_status(session, ticket_id))

    def _arrived_today(self, row: AppointmentRow, now: datetime) -> bool:
        if row.status != AppointmentStatus.ARRIVED.value or row.changed_at is None:
            return False
        return business_day(as_utc(row.changed_at), self.timezone) == business_day(now, self.timezone)

    def _still_waits(self, ticket_id: str, stored: str | None) -> bool:
        """Not issued, or waiting. The store's ticket row (``stored``, its status) says whether it still waits: this
        station's view of the queue may date from before another station called it (given again, a called ticket
        would be printed as a fresh check-in). A ticket the store does not hold yet may be one this station issued
        offline: its own view tells."""
        if stored is not None:
            return stored == "waiting"
        state = self.branch.state
        return ticket_id not in state.tickets or ticket_id in state.waiting

    def _stored_status(self, session: Session, ticket_id: str) -> str | None:
        """The ticket's status in the store (None: not issued there, or not synced up yet)."""
        return session.scalar(
            select(TicketRow.status).where(TicketRow.id == ticket_id, TicketRow.branch_id == self.branch_id)
        )

    def check_in(self, actor: StaffSession, appointment_id: int) -> CheckIn:
        """Mark the appointment arrived and issue its APPOINTMENT ticket, linked to the customer, at the booked time.

        Safe to retry after any failure: an arrived appointment whose ticket was not issued, or still waits, gets
        that ticket (issued now, or given again), never a second one.
        """
        actor = authorize(actor, self.branch_id, Action.CHECK_IN_APPOINTMENT)
        now = self._now()
        with self.store.write_session() as session:
            check_account(session, actor)
            row = self._row(session, appointment_id, lock=True)
            appointment = _appointment(row)
            ticket_id = appointment_ticket_id(appointment)
            stored = self._stored_status(session, ticket_id)
            if not (self._arrived_today(row, now) and self._still_waits(ticket_id, stored)):
                check_in_allowed(appointment, now, self.rules, self.timezone)
                row.status = AppointmentStatus.ARRIVED.value
                row.changed_by, row.changed_at = actor.staff_id, now
            view = self._view(row, self._customer(session, row.customer_id, actor))
            held = stored is not None
        if held and not self.branch.online and ticket_id not in self.branch.state.tickets:
            # The store holds the ticket, this station's own file does not yet: issued here offline, it would
            # get a second number, one the hall never calls. The sync that brings it is a moment away.
            raise DomainError(
                f"appointment {appointment_id}'s ticket is on the branch server but not synced to this station "
                "yet: try again in a moment",
                appointment=appointment_id,
                reason="not_synced",
            )
        # No undo of the claim on failure: the ticket may stand although its answer was lost, and an arrived
        # appointment without its ticket is finished by the customer's retry.
        result = self.branch.issue_ticket(
            appointment.category, PriorityClass.APPOINTMENT, appointment.customer_id, appointment.start, ticket_id
        )
        if result.ticket is None:  # issued by an earlier try: the same ticket again
            result = replace(result, tickets=(self.branch.ticket(ticket_id),))
        if appointment.ticket_id is None:
            try:
                with self.store.write_session() as session:
                    session.execute(
                        update(AppointmentRow)
                        .where(AppointmentRow.id == appointment_id, AppointmentRow.ticket_id.is_(None))
                        .values(ticket_id=ticket_id)
                    )
            except (StoreError, SQLAlchemyError, OSError):
                # The ticket stands: refused now, the kiosk would send the customer for a second, regular ticket
                # while this one waits unheard. The id on the row is a note (appointment_ticket_id gives the same).
                log.warning(
                    "appointment %s: its ticket %s stands but is not noted on its row", appointment_id, ticket_id,
                    exc_info=True,
                )
        arrived = replace(view.appointment, status=AppointmentStatus.ARRIVED, ticket_id=ticket_id)
        return CheckIn(replace(view, appointment=arrived), result)
