"""Staff: accounts with argon2-hashed PINs, sign-in at a counter, and what a teller does most.

One teller per counter and one counter per teller are database constraints
(models/staff_tables.py), so two stations signing in at once cannot both win.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from models.staff_tables import CounterSessionRow
from models.store import Store
from models.tables import ServiceRecordRow, StaffRow
from models.upsert import upsert
from queueing.clock import Clock, SystemClock
from queueing.errors import DomainError
from queueing.roles import PermissionDenied, Role

# Finished visits of a teller that count for the "most used first" order.
RECENT_VISITS = 500
# Roles a person can hold; the kiosk's role is the machine's, never an account's.
STAFF_ROLES = (Role.TELLER.value, Role.SUPERVISOR.value, Role.ADMINISTRATOR.value)
_hasher = PasswordHasher()


class SignInRefused(DomainError):
    """Unknown staff id, wrong PIN or an inactive account (deliberately not told apart)."""

    code = "sign_in_refused"


class CounterTaken(DomainError):
    """Another teller is signed in at the counter, or this teller is at another counter."""

    code = "counter_taken"


@dataclass(frozen=True)
class StaffView:
    id: str
    name: str
    role: str
    active: bool


@dataclass(frozen=True)
class SessionView:
    counter_id: str
    staff_id: str
    station_id: str
    signed_in_at: datetime


def hash_pin(pin: str) -> str:
    if not pin or not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise DomainError("a PIN is 4 to 12 digits")
    return _hasher.hash(pin)


class StaffService:
    """Staff accounts and counter sign-ins of one branch. Safe to call from worker threads."""

    def __init__(self, store: Store, branch_id: str, clock: Clock | None = None) -> None:
        self.store = store
        self.branch_id = branch_id
        self.clock = clock or SystemClock()

    # -- accounts ------------------------------------------------------------
    def add(self, staff_id: str, name: str, role: Role | str, pin: str) -> StaffView:
        """Create the account or replace its name, role and PIN."""
        if str(role) not in STAFF_ROLES:
            raise DomainError(f"unknown role {role!r}; choose one of {', '.join(STAFF_ROLES)}")
        role = Role(role)
        if not staff_id.strip() or not name.strip():
            raise DomainError("a staff member needs an id and a name")
        row = {
            "branch_id": self.branch_id,
            "id": staff_id.strip(),
            "name": name.strip(),
            "role": role.value,
            "pin_hash": hash_pin(pin),
            "active": True,
        }
        with self.store.write_session() as session:
            upsert(session, StaffRow.__table__, [row], ["branch_id", "id"])
        return StaffView(row["id"], row["name"], row["role"], True)

    def list(self) -> list[StaffView]:
        with self.store.read_session() as session:
            rows = session.scalars(select(StaffRow).where(StaffRow.branch_id == self.branch_id).order_by(StaffRow.id))
            return [StaffView(r.id, r.name, r.role, r.active) for r in rows]

    def get(self, staff_id: str) -> StaffView | None:
        with self.store.read_session() as session:
            row = session.get(StaffRow, (self.branch_id, staff_id))
            return StaffView(row.id, row.name, row.role, row.active) if row else None

    def verify(self, staff_id: str, pin: str) -> StaffView:
        """The staff member if the PIN is right; SignInRefused otherwise (also to unlock a station)."""
        with self.store.read_session() as session:
            row = session.get(StaffRow, (self.branch_id, staff_id.strip()))
            found = StaffView(row.id, row.name, row.role, row.active) if row else None
            pin_hash = row.pin_hash if row else None
        if found is None or pin_hash is None or not found.active:
            raise SignInRefused("unknown staff id or wrong PIN")
        try:
            _hasher.verify(pin_hash, pin)
        except (VerificationError, InvalidHashError):
            raise SignInRefused("unknown staff id or wrong PIN") from None
        return found

    # -- counter sessions ----------------------------------------------------
    def sign_in(self, staff_id: str, pin: str, counter_id: str, station_id: str) -> StaffView:
        """Check the PIN and take the counter; CounterTaken if another teller holds it.

        Signing in again where the same teller already is (a restarted station) takes the
        session over instead of refusing.
        """
        staff = self.verify(staff_id, pin)
        self.take_counter(staff.id, counter_id, station_id, self.clock.now())
        return staff

    def take_counter(self, staff_id: str, counter_id: str, station_id: str, at: datetime) -> None:
        """Record the session without a PIN (a station replaying a sign-in it checked offline); CounterTaken if held."""
        row = CounterSessionRow(
            branch_id=self.branch_id,
            counter_id=counter_id,
            staff_id=staff_id,
            station_id=station_id,
            signed_in_at=at,
        )
        try:
            with self.store.write_session() as session:
                session.execute(
                    delete(CounterSessionRow).where(
                        CounterSessionRow.branch_id == self.branch_id,
                        CounterSessionRow.counter_id == counter_id,
                        CounterSessionRow.staff_id == staff_id,
                    )
                )
                session.add(row)
        except IntegrityError:
            holder = self.session_at(counter_id)
            where = f"counter {counter_id} is held by {holder.staff_id}" if holder else "you are at another counter"
            raise CounterTaken(
                where,
                counter=counter_id,
                holder=holder.staff_id if holder else None,
                since=holder.signed_in_at if holder else None,
            ) from None

    def release_counter(self, supervisor_id: str, pin: str, counter_id: str) -> SessionView | None:
        """End whoever's session holds ``counter_id`` (a station that crashed or a teller who left unsigned).

        The caller proves with their own PIN that they are a supervisor or administrator; returns the
        session ended, None when the counter was free.
        """
        member = self.verify(supervisor_id, pin)
        if member.role not in (Role.SUPERVISOR.value, Role.ADMINISTRATOR.value):
            raise PermissionDenied(f"{member.id} is a {member.role}: only a supervisor releases a counter")
        held = self.session_at(counter_id)
        if held is not None:
            self.sign_out(held.staff_id, counter_id)
        return held

    def sign_out(self, staff_id: str, counter_id: str) -> None:
        with self.store.write_session() as session:
            session.execute(
                delete(CounterSessionRow).where(
                    CounterSessionRow.branch_id == self.branch_id,
                    CounterSessionRow.counter_id == counter_id,
                    CounterSessionRow.staff_id == staff_id,
                )
            )

    def session_at(self, counter_id: str) -> SessionView | None:
        with self.store.read_session() as session:
            row = session.get(CounterSessionRow, (self.branch_id, counter_id))
            return SessionView(row.counter_id, row.staff_id, row.station_id, row.signed_in_at) if row else None

    # -- habits ----------------------------------------------------------------
    def most_used_transactions(self, staff_id: str, limit: int = RECENT_VISITS) -> list[str]:
        """Transaction codes of the teller's recent finished visits, most used first."""
        with self.store.read_session() as session:
            lines: Sequence[list] = session.scalars(
                select(ServiceRecordRow.transactions)
                .where(ServiceRecordRow.branch_id == self.branch_id, ServiceRecordRow.staff_id == staff_id)
                .order_by(ServiceRecordRow.finished_at.desc())
                .limit(limit)
            ).all()
        tally: Tally[str] = Tally()
        for visit in lines:
            for line in visit or ():
                tally[line["code"]] += 1
        return [code for code, _ in tally.most_common()]


def ensure_staff(service: StaffService, entries: Sequence[dict]) -> list[str]:
    """Add the staff of ``entries`` (id, name, role, pin) that the store does not have; returns their ids."""
    known = {s.id for s in service.list()}
    added = []
    for entry in entries:
        if entry["id"] not in known:
            service.add(entry["id"], entry["name"], entry.get("role", "teller"), str(entry["pin"]))
            added.append(entry["id"])
    return added
