"""Mapped classes of customer profiles, cross-sell outcomes and the audit log.

Full ID and card numbers are never stored: a keyed hash for look-up, the masked form for display.
Full names and phone numbers are stored sealed (AES-GCM, models/customers/seal.py) beside their
masked forms; the phone's keyed hash is the blind index a look-up by phone uses.
Money is kept in whole cents (exact on SQLite and PostgreSQL alike).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy import UniqueConstraint as Unique
from sqlalchemy.orm import Mapped, mapped_column

from models.audit.log import AuditLogRow  # noqa: F401  (registers the audit table with the customer tables)
from models.store.base import Base
from models.store.utc_datetime import UTCDateTime

RowId = BigInteger().with_variant(Integer(), "sqlite")  # INTEGER PRIMARY KEY is SQLite's fast rowid


class CustomerRow(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    customer_no: Mapped[str] = mapped_column(String(32))
    name_sealed: Mapped[str] = mapped_column(Text)  # [family, given] as JSON, sealed
    name_masked: Mapped[str] = mapped_column(String(100))
    greeting: Mapped[str] = mapped_column(String(8))  # the family name's initial, for public screens
    id_hash: Mapped[str] = mapped_column(String(64))
    id_masked: Mapped[str] = mapped_column(String(40))
    phone_sealed: Mapped[str] = mapped_column(Text)
    phone_hash: Mapped[str] = mapped_column(String(64))
    phone_masked: Mapped[str] = mapped_column(String(40))
    birth_date: Mapped[date] = mapped_column(Date)
    segment: Mapped[str] = mapped_column(String(16))
    risk_rating: Mapped[int | None] = mapped_column(Integer)
    marketing_consent: Mapped[bool] = mapped_column(Boolean)
    aum_prev_month_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    fx_transactions_90d: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        ForeignKeyConstraint(["branch_id"], ["branch.id"]),
        Unique("branch_id", "customer_no"),
        Index("ix_customer_id_hash", "id_hash"),
        Index("ix_customer_phone_hash", "phone_hash"),
    )


class CustomerCardRow(Base):
    __tablename__ = "customer_card"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(BigInteger)
    card_hash: Mapped[str] = mapped_column(String(64))
    card_masked: Mapped[str] = mapped_column(String(32))
    __table_args__ = (
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        Index("ix_customer_card_card_hash", "card_hash"),
        Index("ix_customer_card_customer", "customer_id"),
    )


class HoldingRow(Base):
    __tablename__ = "holding"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(24))
    product_code: Mapped[str] = mapped_column(String(32))
    balance_cents: Mapped[int] = mapped_column(BigInteger)
    opened_on: Mapped[date] = mapped_column(Date)
    matures_on: Mapped[date | None] = mapped_column(Date)
    risk_level: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        Index("ix_holding_customer", "customer_id"),
        Index("ix_holding_kind_matures", "kind", "matures_on"),  # maturity call lists
    )


# Outside the class: its column ``text`` hides sqlalchemy's text() there.
_OPEN = text("done_at IS NULL")


class FollowUpRow(Base):
    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(BigInteger)
    staff_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    next_action_on: Mapped[date | None] = mapped_column(Date)
    owner_id: Mapped[str | None] = mapped_column(String(32))  # who makes the next action (None: the author)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        Index("ix_follow_up_customer_at", "customer_id", "at"),
        Index("ix_follow_up_branch_next", "branch_id", "next_action_on"),
        # The open ones by due date, for the due list (migration 0030).
        Index(
            "ix_follow_up_branch_open",
            "branch_id",
            "next_action_on",
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
    )


class ComplaintRow(Base):
    __tablename__ = "complaint"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(BigInteger)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    category: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        Index("ix_complaint_customer_status", "customer_id", "status"),
    )


class CrossSellOutcomeRow(Base):
    __tablename__ = "crosssell_outcome"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(BigInteger)
    rule_code: Mapped[str] = mapped_column(String(64))
    product: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    follow_up_id: Mapped[int | None] = mapped_column(BigInteger)
    tier: Mapped[str | None] = mapped_column(String(32))  # the customer's tier when pitched (conversion per tier)
    # The station's own id of the answer, sent again with a retry: an answer outside a visit (no ticket) counts once.
    request_id: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        Index("ix_crosssell_outcome_customer", "customer_id", "outcome", "at"),  # declines in the cool-down
        Index("ix_crosssell_outcome_branch_at", "branch_id", "at"),  # conversion reports
        Index(
            "uq_crosssell_outcome_request",
            "branch_id",
            "request_id",
            unique=True,
            sqlite_where=text("request_id IS NOT NULL"),
            postgresql_where=text("request_id IS NOT NULL"),
        ),
    )


class CallResultRow(Base):
    """One call from the maturity call list and what came of it (queueing.customers.profiles.CallResult)."""

    __tablename__ = "call_result"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(BigInteger)
    holding_id: Mapped[int | None] = mapped_column(BigInteger)
    staff_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    result: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        CheckConstraint("result IN ('reached', 'no_answer', 'appointment_booked', 'declined')", name="result"),
        Index("ix_call_result_customer_at", "branch_id", "customer_id", "at"),
        Index("ix_call_result_holding_at", "branch_id", "holding_id", "at"),  # each deposit's last call (0030)
    )


class CustomerAccessRow(Base):
    """Every look-up, profile view and reveal a station asked the server's functions for, written by them.

    On PostgreSQL a station's role reads customers only through those functions
    (models/customers/station_lookups_pg.py), which write this row in the same transaction: a station
    cannot look a customer up without leaving it, and cannot change or delete it.
    """

    __tablename__ = "customer_access"
    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    branch_id: Mapped[str] = mapped_column(String(32))
    station_id: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (Index("ix_customer_access_branch_at", "branch_id", "at"),)
