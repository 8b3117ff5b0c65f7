"""Reports over one, several or all branches of a store: which branches, and the two reports built for them.

Head office keeps many branches in one PostgreSQL database, every row carrying its
branch id; a branch's store holds one. The same calls serve both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.reports.service_queries import load_branch_infos, load_counts, load_wait_percentiles
from models.staff.session import StaffSession, authorize_reports
from models.store.database import Store
from models.store.tables import BranchRow
from queueing.core.categories import BranchConfig, load_branch_config
from queueing.core.transaction_types import TransactionCatalogue
from queueing.reports.piece_rate import PieceRateScheme
from queueing.reports.piece_rate_branches import BranchesPieceRate, build_branches_report
from queueing.reports.service_report import P90, ServiceReport, build_service_report

REPORT_STATION = "report-cli"


@dataclass(frozen=True)
class StoreBranch:
    id: str
    name: str
    timezone: str


def store_branches(store: Store) -> list[StoreBranch]:
    """Every branch of the store, by id."""
    with store.read_session() as session:
        rows = session.execute(select(BranchRow.id, BranchRow.name, BranchRow.timezone).order_by(BranchRow.id))
        return [StoreBranch(*row) for row in rows]


def choose_branches(
    store: Store, wanted: Sequence[str] = (), all_branches: bool = False, ask: str = "say --branch or --all-branches"
) -> list[StoreBranch]:
    """The branches named (in the order named, each once), every branch, or the store's only branch.

    Raises ValueError naming an unknown id, or listing the branches (after ``ask``, what the
    command's user should say) when the store holds several and none was named.
    """
    known = store_branches(store)
    listing = ", ".join(b.id for b in known) or "none"
    if all_branches:
        if not known:
            raise ValueError(f"{store.label} holds no branch")
        return known
    if not wanted:
        if len(known) != 1:
            raise ValueError(f"{ask} (branches in {store.label}: {listing})")
        return known
    by_id = {b.id: b for b in known}
    unknown = [branch_id for branch_id in wanted if branch_id not in by_id]
    if unknown:
        names = ", ".join(repr(b) for b in unknown)
        raise ValueError(f"{store.label} has no branch {names} (branches: {listing})")
    return [by_id[branch_id] for branch_id in dict.fromkeys(wanted)]


def records_for(
    store: Store, branch: StoreBranch, catalogue: TransactionCatalogue, config: BranchConfig | None = None
) -> RecordsService:
    """A read-mostly records service on ``branch``, its dates in the branch's own time zone."""
    config = replace(config or load_branch_config(), timezone=branch.timezone)
    return RecordsService(BranchService(store, config, branch.id, REPORT_STATION), catalogue)


def piece_rate_over_branches(
    actor: StaffSession,
    store: Store,
    branches: Sequence[StoreBranch],
    first: date,
    last: date,
    scheme: PieceRateScheme,
    scheme_path: Path | str,
    catalogue: TransactionCatalogue,
    now: datetime | None = None,
) -> BranchesPieceRate:
    """Each branch's piece-rate report for the local dates ``first``..``last``, paid by one scheme, and their total."""
    config = load_branch_config()
    sections = []
    for branch in branches:
        records = records_for(store, branch, catalogue, config)
        report, visits = records.report_and_visits(actor, records.period(first, last), scheme, now)
        sections.append((branch.id, branch.name, report, visits))
    return build_branches_report(first, last, Path(scheme_path).name, sections)


def service_report(
    actor: StaffSession,
    store: Store,
    branches: Sequence[StoreBranch],
    first: date,
    last: date,
    language: str = "en",
    total_names: tuple[str, str] = ("Branch total", "All branches"),
) -> ServiceReport:
    """Tickets, waits, service level and service times per branch and category over the local dates given."""
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    ids = [b.id for b in branches]
    authorize_reports(actor, ids, store)
    with store.read_session() as session:
        infos = load_branch_infos(session, ids, language)
        counts = load_counts(session, ids, first, last)
        p90 = load_wait_percentiles(session, ids, first, last, P90)
    return build_service_report(first, last, infos, counts, p90, total_names)
