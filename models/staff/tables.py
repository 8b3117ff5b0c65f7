"""Mapped classes of the station sign-in: who works at which counter right now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKeyConstraint, String
from sqlalchemy import UniqueConstraint as Unique
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base


class CounterSessionRow(Base):
    """A teller signed in at a counter.

    The primary key (branch, counter) lets one teller work a counter at a time, and the
    unique (branch, staff) keeps a teller at one counter: the database refuses a second
    sign-in even when two stations try at the same moment.
    """

    __tablename__ = "counter_session"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    signed_in_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        ForeignKeyConstraint(["branch_id", "staff_id"], ["staff.branch_id", "staff.id"]),
        Unique("branch_id", "staff_id"),
    )
