"""Reports over one, several or all branches of a store: which branches, and the two reports built for them.

Head office keeps many branches in one PostgreSQL database, every row carrying its
branch id; a branch's store holds one. The same calls serve both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.reports.service_queries import load_branch_infos, load_counts, load_wait_percentiles
from models.staff.session import StaffSession, authorize_reports
from models.store.branches import StoreBranch, choose_branches, store_branches  # noqa: F401 (this module's API)
from models.store.database import Store
from queueing.core.categories import BranchConfig, load_branch_config
from queueing.core.transaction_types import TransactionCatalogue
from queueing.reports.piece_rate import PieceRateScheme
from queueing.reports.piece_rate_branches import BranchesPieceRate, build_branches_report
from queueing.reports.service_report import P90, ServiceReport, build_service_report

REPORT_STATION = "report-cli"


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
