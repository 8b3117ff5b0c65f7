"""Mapped classes of the station sign-in: who works at which counter right now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base
from models.store.utc_datetime import UTCDateTime


class CounterSessionRow(Base):
    """A teller signed in at a counter: the projection of the journal's sign-in events.

    The reducer decides who holds a counter (queueing/core/counter_sessions.py); this row only
    shows it, written by models/sync/projection.py with the events, like the counter's own row.
    """

    __tablename__ = "counter_session"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    signed_in_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PinGuessRow(Base):
    """Wrong PINs typed for an id with no active account, counted as an account's are (models/staff/pin_guesses.py).

    Without it the fifth wrong PIN told an account from an unknown id ("locked" against "refused"). Kept in the
    store that checked the PIN, as an account's own count is, and never forgotten, as an account's is not; an id
    an account is then made for starts clean.
    """

    __tablename__ = "pin_guess"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lock_stage: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
