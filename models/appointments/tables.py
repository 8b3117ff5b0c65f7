"""Mapped class of booked appointments.

Rules in queueing/appointments/rules.py, the service in models/appointments/service.py.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base
from models.store.utc_datetime import UTCDateTime

RowId = BigInteger().with_variant(Integer(), "sqlite")  # INTEGER PRIMARY KEY is SQLite's fast rowid
STATUSES = ("booked", "arrived", "cancelled", "no_show")  # queueing.appointments.rules.AppointmentStatus
# A customer holds one live appointment per slot; cancelled and no-show rows free the slot again.
LIVE = text("status IN ('booked', 'arrived')")


class AppointmentRow(Base):
    __tablename__ = "appointment"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(BigInteger)
    category: Mapped[str] = mapped_column(String(32))
    # The branch's local day of start_at: "today's appointments" is an index range, not a time-zone sum.
    business_date: Mapped[date] = mapped_column(Date)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)  # stored in UTC
    duration_min: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="booked")
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(String(200), default="")
    changed_by: Mapped[str | None] = mapped_column(String(32))
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ticket_id: Mapped[str | None] = mapped_column(String(36))
    __table_args__ = (
        ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        ForeignKeyConstraint(["branch_id", "category"], ["category.branch_id", "category.code"]),
        CheckConstraint("status IN ('booked', 'arrived', 'cancelled', 'no_show')", name="status"),
        CheckConstraint("duration_min > 0", name="duration"),
        Index(
            "uq_appointment_live_slot",
            "branch_id",
            "customer_id",
            "start_at",
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
        Index("ix_appointment_branch_day", "branch_id", "business_date", "start_at"),
        Index("ix_appointment_customer_start", "branch_id", "customer_id", "start_at"),
    )
