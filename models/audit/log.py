"""The append-only audit log: who saw or did what to which customer, chained by a keyed hash (HMAC).

Each station keeps its own chain within the branch (like its event journal), so entries written
offline sync upstream without colliding. The application only ever inserts here; triggers refuse
UPDATE and DELETE on SQLite and PostgreSQL, and the chain shows any change made around them.
"""

from __future__ import annotations

import hmac
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import DDL, JSON, BigInteger, Index, Integer, String, event, func, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.audit.anchor import Head, HeadsTampered, read_heads, remember_head, store_label
from models.audit.key import AuditSecrets, audit_secrets
from models.store.base import Base
from models.store.utc_datetime import UTCDateTime
from queueing.customers.audit_chain import GENESIS_HASH, AuditEntry, ChainBreak, seal, verify_chain

if TYPE_CHECKING:
    from models.staff.session import StaffSession

log = logging.getLogger(__name__)


class AuditLogRow(Base):
    __tablename__ = "audit_log"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[int | None] = mapped_column(BigInteger)  # no foreign key: the log outlives the profile
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_audit_log_customer", "branch_id", "customer_id"),
        Index("ix_audit_log_at", "branch_id", "at"),
    )


SQLITE_GUARDS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
POSTGRES_GUARDS = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
)
for _statement in SQLITE_GUARDS:
    event.listen(AuditLogRow.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRES_GUARDS:
    event.listen(AuditLogRow.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql"))


def entry_of(row: AuditLogRow) -> AuditEntry:
    return AuditEntry(
        branch_id=row.branch_id,
        seq=row.seq,
        at=row.at,
        staff_id=row.staff_id,
        role=row.role,
        station_id=row.station_id,
        customer_id=row.customer_id,
        action=row.action,
        detail=dict(row.detail or {}),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def _lock_chain(session: Session, branch_id: str, station_id: str) -> None:
    # SQLite writers are serialized by BEGIN IMMEDIATE; on PostgreSQL two threads of one station
    # must not both extend the chain from the same last entry.
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(f"{branch_id}|{station_id}".encode())
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def append_audit(
    session: Session,
    branch_id: str,
    actor: StaffSession,
    action: str,
    at: datetime,
    customer_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain of the actor's station inside the caller's write transaction."""
    author = Author(actor.staff_id, actor.role.value, actor.station_id)
    return append_audit_by(session, branch_id, author, action, at, customer_id, detail)


@dataclass(frozen=True)
class Author:
    """Whom an entry names when nobody is signed in yet: the id a PIN was typed for, at a station's sign-in."""

    staff_id: str
    role: str
    station_id: str


def append_audit_by(
    session: Session,
    branch_id: str,
    author: Author,
    action: str,
    at: datetime,
    customer_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """``append_audit`` for an entry no signed-in session makes (a sign-in's lock, the first administrator)."""
    _lock_chain(session, branch_id, author.station_id)
    last = session.execute(
        select(AuditLogRow.seq, AuditLogRow.hash)
        .where(AuditLogRow.branch_id == branch_id, AuditLogRow.station_id == author.station_id)
        .order_by(AuditLogRow.seq.desc())
        .limit(1)
    ).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS_HASH)
    secrets = audit_secrets()
    entry = seal(
        AuditEntry(
            branch_id=branch_id,
            seq=seq,
            at=at,
            staff_id=author.staff_id,
            role=author.role,
            station_id=author.station_id,
            customer_id=customer_id,
            action=str(action),
            detail=dict(detail or {}),
            prev_hash=prev,
        ),
        secrets.key,
    )
    session.add(AuditLogRow(**{**entry.content(), "at": at, "hash": entry.hash}))
    session.flush()
    if _extends_anchor(session, secrets, entry):
        remember_head(session, secrets, branch_id, author.station_id, Head(entry.seq, entry.hash))
    return entry


def _extends_anchor(session: Session, secrets: AuditSecrets, entry: AuditEntry) -> bool:
    """Whether the chain ``entry`` ends still holds the anchored head, so the head may move on to ``entry``.

    A store restored from an older backup and written on grows a fork of the anchored chain: moving the
    head onto it once it is longer would erase the only trace of the entries the restore lost.
    """
    try:
        anchored = read_heads(secrets, store_label(session.get_bind().engine.url))
    except HeadsTampered:
        return True  # anchor() refuses a tampered heads file itself and logs it
    head = anchored.get((entry.branch_id, entry.station_id))
    if head is None or head.seq >= entry.seq:
        return True  # a new chain, or one the head does not move on (it never moves back)
    if head.seq == entry.seq - 1:
        there: str | None = entry.prev_hash
    else:
        there = session.scalar(
            select(AuditLogRow.hash).where(
                AuditLogRow.branch_id == entry.branch_id,
                AuditLogRow.station_id == entry.station_id,
                AuditLogRow.seq == head.seq,
            )
        )
    if there is not None and hmac.compare_digest(there, head.hash):
        return True
    log.error("audit chain %s/%s no longer holds its anchored entry %d: head not moved", entry.branch_id,
              entry.station_id, head.seq)
    return False


def iter_entries(session: Session, branch_id: str, station_id: str, batch: int = 5000) -> Iterator[AuditEntry]:
    """Every entry of one station's chain in order, streamed."""
    stmt = (
        select(AuditLogRow)
        .where(AuditLogRow.branch_id == branch_id, AuditLogRow.station_id == station_id)
        .order_by(AuditLogRow.seq)
    )
    for row in session.scalars(stmt.execution_options(yield_per=batch)):
        yield entry_of(row)
        session.expunge(row)


def audit_chains(session: Session) -> list[tuple[str, str]]:
    """(branch, station) of every chain in the store."""
    stmt = select(AuditLogRow.branch_id, AuditLogRow.station_id).distinct().order_by("branch_id", "station_id")
    return [(row.branch_id, row.station_id) for row in session.execute(stmt)]


def verify_station_chain(session: Session, branch_id: str, station_id: str, key: bytes) -> ChainBreak | None:
    return verify_chain(iter_entries(session, branch_id, station_id), key)


def entry_at(session: Session, branch_id: str, station_id: str, seq: int) -> AuditEntry | None:
    row = session.get(AuditLogRow, (branch_id, station_id, seq))
    return entry_of(row) if row else None


def chain_heads(session: Session) -> dict[tuple[str, str], int]:
    """The last sequence number of every chain in the store."""
    stmt = select(AuditLogRow.branch_id, AuditLogRow.station_id, func.max(AuditLogRow.seq)).group_by(
        AuditLogRow.branch_id, AuditLogRow.station_id
    )
    return {(b, s): int(n) for b, s, n in session.execute(stmt)}
