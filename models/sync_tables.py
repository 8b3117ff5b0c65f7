"""Tables of sync: stations and their offline series, leased number blocks, each station's sync cursor."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Integer, String
from sqlalchemy import UniqueConstraint as Unique
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.tables import UTCDateTime


class SyncStationRow(Base):
    """A station known upstream, with the tag of its own offline number series (unique in the branch)."""

    __tablename__ = "sync_station"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    series_tag: Mapped[str] = mapped_column(String(4))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (Unique("branch_id", "series_tag"),)


class NumberLeaseRow(Base):
    """Ticket numbers ``first_seq..last_seq`` of one category and day, held by a station for offline use.

    Upstream, the branch series skips every leased block, so a number is never issued twice.
    """

    __tablename__ = "number_lease"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    first_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    station_id: Mapped[str] = mapped_column(String(64))
    leased_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncCursorRow(Base):
    """In a station's own file: how far its sync got (acknowledged own sequence, pulled upstream position)."""

    __tablename__ = "sync_cursor"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    pulled_position: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    series_tag: Mapped[str | None] = mapped_column(String(4))
