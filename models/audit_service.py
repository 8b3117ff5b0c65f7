"""Supervisors browse and export the audit log; anyone with the store file can verify its chain."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, func, select

from models.atomic_file import replaced_on_success
from models.audit_log import AuditLogRow, append_audit, audit_chains, entry_of, verify_station_chain
from models.staff_session import StaffSession, authorize, check_account
from models.store import Store
from queueing.audit_chain import AuditAction, AuditEntry, ChainBreak, canonical_json, utc_text
from queueing.clock import Clock, SystemClock
from queueing.errors import DomainError
from queueing.roles import Action

MAX_PAGE_SIZE = 500
CSV_COLUMNS = ("branch_id", "station_id", "seq", "at", "staff_id", "role", "customer_id", "action", "detail",
               "prev_hash", "hash")


@dataclass(frozen=True)
class AuditFilter:
    staff_id: str | None = None
    station_id: str | None = None
    customer_id: int | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive

    def describe(self) -> dict[str, str | int | None]:
        return {
            "staff_id": self.staff_id,
            "station_id": self.station_id,
            "customer_id": self.customer_id,
            "action": self.action,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]  # newest first
    total: int
    page: int  # 1-based
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class ChainVerdict:
    branch_id: str
    station_id: str
    broken: ChainBreak | None


def _filtered(stmt: Select, branch_id: str, f: AuditFilter) -> Select:
    stmt = stmt.where(AuditLogRow.branch_id == branch_id)
    for column, value in (
        (AuditLogRow.staff_id, f.staff_id),
        (AuditLogRow.station_id, f.station_id),
        (AuditLogRow.customer_id, f.customer_id),
        (AuditLogRow.action, f.action),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if f.since is not None:
        stmt = stmt.where(AuditLogRow.at >= f.since)
    if f.until is not None:
        stmt = stmt.where(AuditLogRow.at < f.until)
    return stmt


class AuditService:
    def __init__(self, store: Store, branch_id: str, clock: Clock | None = None) -> None:
        self.store = store
        self.branch_id = branch_id
        self.clock = clock or SystemClock()

    def browse(
        self, actor: StaffSession, filters: AuditFilter | None = None, page: int = 1, page_size: int = 50
    ) -> AuditPage:
        actor = authorize(actor, self.branch_id, Action.BROWSE_AUDIT)
        if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
            raise DomainError(f"page must be >= 1 and page size 1-{MAX_PAGE_SIZE}", page=page, page_size=page_size)
        f = filters or AuditFilter()
        newest_first = (AuditLogRow.at.desc(), AuditLogRow.station_id, AuditLogRow.seq.desc())
        rows_stmt = _filtered(select(AuditLogRow), self.branch_id, f).order_by(*newest_first)
        count_stmt = _filtered(select(func.count()).select_from(AuditLogRow), self.branch_id, f)
        with self.store.write_session() as session:
            check_account(session, actor)
            total = session.scalar(count_stmt) or 0
            rows = session.scalars(rows_stmt.offset((page - 1) * page_size).limit(page_size))
            entries = tuple(entry_of(r) for r in rows)
            detail = {"filters": f.describe(), "page": page}
            append_audit(session, self.branch_id, actor, AuditAction.AUDIT_BROWSE, self.clock.now(), f.customer_id,
                         detail)
        return AuditPage(entries, total, page, page_size)

    def export_csv(self, actor: StaffSession, out: Path | str, filters: AuditFilter | None = None) -> int:
        """Write the matching entries, oldest first, to ``out`` (UTF-8 with BOM for spreadsheets); returns the count.

        Each row keeps its station, sequence number and hashes, so the file can be checked chain by chain.
        """
        actor = authorize(actor, self.branch_id, Action.EXPORT_AUDIT)
        f = filters or AuditFilter()
        oldest_first = (AuditLogRow.at, AuditLogRow.station_id, AuditLogRow.seq)
        stmt = _filtered(select(AuditLogRow), self.branch_id, f).order_by(*oldest_first)
        written = 0
        # The file appears whole once the export is in the audit log itself, or not at all.
        with replaced_on_success(out) as part:
            with self.store.write_session() as session, part.open("w", encoding="utf-8-sig", newline="") as handle:
                check_account(session, actor)
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                for row in session.scalars(stmt.execution_options(yield_per=5000)):
                    entry = entry_of(row)
                    content = entry.content()
                    content.update(at=utc_text(entry.at), detail=canonical_json(entry.detail), hash=entry.hash)
                    writer.writerow([content[c] for c in CSV_COLUMNS])
                    written += 1
                detail = {"filters": f.describe(), "rows": written, "file": Path(out).name}
                append_audit(session, self.branch_id, actor, AuditAction.AUDIT_EXPORT, self.clock.now(), None, detail)
        return written


def verify_audit(store: Store) -> tuple[ChainVerdict, ...]:
    """Every station's chain in the store, checked from its first entry."""
    with store.read_session() as session:
        return tuple(ChainVerdict(b, s, verify_station_chain(session, b, s)) for b, s in audit_chains(session))
