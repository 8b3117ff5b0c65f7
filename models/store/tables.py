"""Mapped classes of the core: branch, category, counter, staff, ticket, event, service record."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy import UniqueConstraint as Unique
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base
from models.store.utc_datetime import UTCDateTime
from queueing.core.clock import RUN_ID_MAX_LENGTH


class MetaRow(Base):
    """Marks a file as a Counterline store (key 'app' = 'counterline')."""

    __tablename__ = "counterline_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BranchRow(Base):
    __tablename__ = "branch"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")


class CategoryRow(Base):
    __tablename__ = "category"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(1))
    names: Mapped[dict[str, str]] = mapped_column(JSON)
    target_wait_s: Mapped[float] = mapped_column(Float)
    max_wait_s: Mapped[float] = mapped_column(Float)
    typical_service_s: Mapped[float] = mapped_column(Float)
    __table_args__ = (
        ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        Unique("branch_id", "prefix"),
    )


class CounterRow(Base):
    __tablename__ = "counter"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    profile: Mapped[dict[str, int]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="closed")
    staff_id: Mapped[str | None] = mapped_column(String(32))
    current_ticket_id: Mapped[str | None] = mapped_column(String(36))
    pause_reason: Mapped[str | None] = mapped_column(String(32))
    status_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (ForeignKeyConstraint(["branch_id"], ["branch.id"]),)


class StaffRow(Base):
    __tablename__ = "staff"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="teller")
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Wrong PINs in a row and the lock they caused (models/staff/pin_lockout.py).
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lock_stage: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Raised by every unlock and new PIN upstream; a station whose copy differs lifts its own lock (staff/mirror.py).
    lock_resets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A station's copy: the stage wrong PINs typed at this station reached since its last sync took it upstream
    # (models/staff/mirror.py); 0 where nothing waits to go up, and always upstream.
    typed_stage: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    typed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when it was typed: its identity
    # Ed25519 over branch, id, name, role, PIN hash and active (models/staff/signing.py); None: unsigned.
    signature: Mapped[str | None] = mapped_column(String(128))
    # Raised at every signing and signed with the rest: a station refuses a copy older than one it saw.
    signed_version: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    __table_args__ = (ForeignKeyConstraint(["branch_id"], ["branch.id"]),)


class EventRow(Base):
    """The journal. ``position`` orders events as this store received them."""

    __tablename__ = "event"
    position: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    id: Mapped[str] = mapped_column(String(36), unique=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(96))
    type: Mapped[str] = mapped_column(String(48))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        Unique("branch_id", "station_id", "seq"),
        Index("ix_event_branch_position", "branch_id", "position"),
    )


class TicketRow(Base):
    __tablename__ = "ticket"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    business_date: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    issued_by: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str | None] = mapped_column(String(64))
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    target_counter: Mapped[str | None] = mapped_column(String(32))
    counter_id: Mapped[str | None] = mapped_column(String(32))
    staff_id: Mapped[str | None] = mapped_column(String(32))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_mono: Mapped[float | None] = mapped_column(Float)
    started_run: Mapped[str | None] = mapped_column(String(RUN_ID_MAX_LENGTH))
    started_station: Mapped[str | None] = mapped_column(String(64))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_by: Mapped[str | None] = mapped_column(String(32))
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    transfers: Mapped[int] = mapped_column(Integer, default=0)
    service_seconds: Mapped[float | None] = mapped_column(Float)
    out_of_order_reason: Mapped[str | None] = mapped_column(Text)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    # When it last left a counter (parked, transferred): the day end spares one that left after its day ended.
    left_counter_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Seconds of its service spent parked: taken off the service time at the finish (migration 0024).
    parked_s: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    parked_mono: Mapped[float | None] = mapped_column(Float)
    parked_run: Mapped[str | None] = mapped_column(String(RUN_ID_MAX_LENGTH))
    parked_station: Mapped[str | None] = mapped_column(String(64))
    # The moment a day end closed it or found it at a counter (migration 0028, queueing.core.reducer._revive).
    day_ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The category it was issued for, which a transfer leaves alone (migration 0029 filled it from the journal):
    # the service report's. NULL only in a row written outside the projections (bench_engine's raw baseline).
    issued_category: Mapped[str | None] = mapped_column(String(32))
    # While it is open: where each teller's part of its service ended, [[teller, seconds so far], ...], and the
    # service so far when a teller left it at the counter (migration 0035, queueing.core.service_shares).
    service_marks: Mapped[list[list[Any]] | None] = mapped_column(JSON(none_as_null=True))
    left_served_s: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (
        Unique("branch_id", "business_date", "number"),
        Index("ix_ticket_branch_status", "branch_id", "status"),
    )


class ServiceRecordRow(Base):
    """One finished visit: what piece-rate and the reports count."""

    __tablename__ = "service_record"
    ticket_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(32))
    counter_id: Mapped[str | None] = mapped_column(String(32))
    staff_id: Mapped[str | None] = mapped_column(String(32))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    wait_s: Mapped[float] = mapped_column(Float)
    service_s: Mapped[float] = mapped_column(Float)
    transactions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    outcome: Mapped[str] = mapped_column(String(32))
    # The last customer rating (models/store/visit_ratings.py keeps it equal to the journal's).
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    # Each teller's seconds of a visit more than one teller served, [[teller, seconds], ...] adding up to service_s;
    # NULL: all of it staff_id's (migration 0035, queueing.core.service_shares).
    service_shares: Mapped[list[list[Any]] | None] = mapped_column(JSON(none_as_null=True))
    __table_args__ = (
        ForeignKeyConstraint(["ticket_id"], ["ticket.id"]),
        Index("ix_service_record_branch_finished", "branch_id", "finished_at"),
    )
