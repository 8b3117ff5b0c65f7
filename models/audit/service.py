"""Supervisors browse and export the audit log; whoever holds the branch key can verify its chains."""

from __future__ import annotations

import csv
import hmac
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, func, select

from models.audit.anchor import Head, HeadsTampered, read_heads, store_label
from models.audit.key import AuditSecrets, audit_secrets
from models.audit.log import AuditLogRow, append_audit, chain_heads, entry_at, entry_of, verify_station_chain
from models.reports.cell_text import shown_as_text
from models.staff.session import StaffSession, authorize, check_account
from models.store.atomic_file import replaced_on_success
from models.store.database import Store
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import DomainError
from queueing.core.roles import Action
from queueing.customers.audit_chain import AuditAction, AuditEntry, ChainBreak, canonical_json, utc_text

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
    anchored: bool = False  # its head is anchored on this PC: cut-off entries and a deleted chain are caught


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

        Each row keeps its station, sequence number and hashes, so the file can be checked chain by chain. A
        cell a spreadsheet would run as a formula (a staff id is an administrator's free text) is shown as text,
        as in every export: it starts with an apostrophe, which a check of the file takes off again.
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
                    writer.writerow([_cell(content[c]) for c in CSV_COLUMNS])
                    written += 1
                detail = {"filters": f.describe(), "rows": written, "file": Path(out).name}
                append_audit(session, self.branch_id, actor, AuditAction.AUDIT_EXPORT, self.clock.now(), None, detail)
        return written


def _cell(value: object) -> object:
    return shown_as_text(value) if isinstance(value, str) else value


def verify_audit(store: Store, secrets: AuditSecrets | None = None) -> tuple[ChainVerdict, ...]:
    """Every chain in the store checked from its first entry with the audit key, then against its anchored head.

    A chain anchored but absent from the store is reported too (a deleted chain, or the whole log deleted).
    """
    secrets = secrets or audit_secrets()
    label = store_label(store.url)
    try:
        anchored = read_heads(secrets, label)
    except HeadsTampered as exc:
        return (ChainVerdict("*", "*", ChainBreak(0, str(exc))),)
    verdicts = []
    with store.read_session() as session:
        present = chain_heads(session)
        for branch_id, station_id in sorted(present.keys() | anchored.keys()):
            broken = None
            if (branch_id, station_id) in present:
                broken = verify_station_chain(session, branch_id, station_id, secrets.key)
            if broken is None and (branch_id, station_id) in anchored:
                broken = _against_anchor(session, branch_id, station_id, present.get((branch_id, station_id), 0),
                                         anchored[(branch_id, station_id)])
            verdicts.append(ChainVerdict(branch_id, station_id, broken, (branch_id, station_id) in anchored))
    return tuple(verdicts)


def _against_anchor(session, branch_id: str, station_id: str, last: int, head: Head) -> ChainBreak | None:
    if last == 0:
        return ChainBreak(1, f"the whole chain is missing: {head.seq} entries were anchored")
    if last < head.seq:
        return ChainBreak(last + 1, f"entries {last + 1} to {head.seq} are missing: the chain was cut short")
    entry = entry_at(session, branch_id, station_id, head.seq)
    if entry is None or not hmac.compare_digest(entry.hash, head.hash):
        return ChainBreak(head.seq, "the chain differs from its anchored head: it was rewritten up to here")
    return None
