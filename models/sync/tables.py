"""Tables of sync: stations and their offline series, leased number blocks, each station's sync cursor."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Integer, String, Text
from sqlalchemy import UniqueConstraint as Unique
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base
from models.store.utc_datetime import UTCDateTime


class SyncStationRow(Base):
    """A station known upstream, with the tag of its own offline number series (unique in the branch)."""

    __tablename__ = "sync_station"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    series_tag: Mapped[str] = mapped_column(String(4))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The station file that syncs as this station now: another file (a restored backup's twin on a
    # second PC, a replacement PC) is told apart from it at every sync.
    incarnation: Mapped[str | None] = mapped_column(String(36))
    # How far the station's clock was from upstream's at its last sync (positive: the station was behind).
    clock_offset_ms: Mapped[int | None] = mapped_column(BigInteger)
    clock_measured_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
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
    incarnation: Mapped[str | None] = mapped_column(String(36))  # this file's own id, made when it first synced


class InDoubtEventRow(Base):
    """In a station's own file: the events of an online command whose upstream COMMIT is not confirmed yet.

    Written before the COMMIT is sent, removed in the same local transaction that records the events
    in the journal (committed upstream) or fills their sequence numbers with voids (rolled back).
    While a row is here its sequence number is reserved: offline work continues after it.
    """

    __tablename__ = "in_doubt_event"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(Text)  # the whole event as JSON (Event.to_dict)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)


class HeldBaseRow(Base):
    """In a station's own file: the state its journal gave up to ``position`` (where event ``event_id`` stands),
    kept while its own events after that may still be put in the branch's order (BranchService.hold_base), so
    that a station restarted before its next sync folds again from here, not from its journal's start.

    Read only by the program that wrote it (``written_by``) and while that event still stands there; the
    branch's own store has the table and never writes it (models/branch/held_base.py).
    """

    __tablename__ = "held_base"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)
    event_id: Mapped[str] = mapped_column(String(36))
    written_by: Mapped[str] = mapped_column(String(100))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(Text)  # models/branch/state_codec.py


class QuarantinedEventRow(Base):
    """Upstream: a pushed event the database refused, kept with the reason instead of stopping the sync.

    Its sequence number counts as received for the acknowledgement, so the push goes on past it.
    The supervisor sees it beside the conflicts.
    """

    __tablename__ = "sync_quarantine"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    event: Mapped[str] = mapped_column(Text)  # the event as the station sent it (JSON, text escaped)
    reason: Mapped[str] = mapped_column(String(500))
    # models/sync/refusal_codes.py: what the supervisor's screen words (None on rows from before it).
    reason_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (Unique("branch_id", "station_id", "seq"),)


class TicketConflictRow(Base):
    """A conflict the reducer recorded on a ticket, as it recorded it (its reason code and figures): the Sync tab
    shows this account, which depends on the whole branch (a counter busy with another customer), not one that a
    replay of the ticket's own events would give. Written by the projections with the flag (models/sync/projection.py).

    A sign-in clash (a counter's, no ticket) is kept here too under an empty ticket id until a supervisor resolves
    it, so a state loaded from the projections knows the open clashes (BranchState.session_clashes).
    """

    __tablename__ = "ticket_conflict"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # Keyed by ticket first: the Sync tab seeks a flagged ticket's conflicts by the key itself.
    ticket_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the event that clashed
    reason: Mapped[str] = mapped_column(String(40))  # a ConflictReason value
    figures: Mapped[str] = mapped_column(Text)  # ConflictFigures as JSON (models/sync/conflict_rows.py)
