"""The piece-rate report over several branches: each branch's report as it stands, and a total of all of them.

Decisions:
- A teller id is a branch's own (staff rows are keyed by branch and id), so each branch
  keeps its own report: its rows, ranks and branch total are those the branch alone would
  get. Ranks are within the branch, not across branches.
- Each branch's period is the same local dates in the branch's own time zone.
- One pay scheme for the whole run; the output names it, since branches that pay by
  different schemes need one run each.
- The grand total counts every branch's visits with a known teller afresh (the shares and
  averages of the branch totals cannot be added up); hours, net units and pay are sums.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from queueing.records.output_tally import Tally
from queueing.records.visits import VisitRecord
from queueing.reports.piece_rate_report import BranchTotals, PieceRateReport


@dataclass(frozen=True)
class BranchPieceRate:
    branch_id: str
    name: str
    report: PieceRateReport


@dataclass(frozen=True)
class BranchesPieceRate:
    first: date
    last: date  # inclusive
    currency: str
    scheme_name: str  # the scheme file every branch was paid by
    branches: tuple[BranchPieceRate, ...]
    totals: BranchTotals


def grand_totals(branches: Sequence[BranchPieceRate], visits: Iterable[VisitRecord]) -> BranchTotals:
    """The total of every branch; ``visits``: all branches' visits (those outside a branch's period are skipped)."""
    periods = {b.branch_id: b.report.period for b in branches}
    tally = Tally()
    for visit in visits:
        if visit.teller is not None:
            tally.add(visit)
    totals = [b.report.totals for b in branches]
    if tally.visits != sum(t.output.visits for t in totals):
        raise ValueError(f"the visits of {sorted(periods)} do not add up to their reports' visits")
    return BranchTotals(
        tellers=sum(t.tellers for t in totals),
        output=tally.output(sum(t.output.serving_s for t in totals), sum(t.output.cross_sell_accepted for t in totals)),
        signed_in_s=sum(t.signed_in_s for t in totals),
        paused_s=sum(t.paused_s for t in totals),
        idle_s=sum(t.idle_s for t in totals),
        net_units=sum(t.net_units for t in totals),
        pay=round(sum(t.pay for t in totals), 2),
        unassigned_visits=sum(t.unassigned_visits for t in totals),
    )


def build_branches_report(
    first: date,
    last: date,
    scheme_name: str,
    branches: Sequence[tuple[str, str, PieceRateReport, Sequence[VisitRecord]]],
) -> BranchesPieceRate:
    """From (branch id, name, the branch's report, the visits it was built from) of each branch, in order."""
    if not branches:
        raise ValueError("a report over branches needs at least one branch")
    sections = tuple(BranchPieceRate(branch_id, name, report) for branch_id, name, report, _ in branches)
    counted = (
        visit
        for (_, _, report, visits) in branches
        for visit in visits
        if report.period.first <= visit.day <= report.period.last
    )
    return BranchesPieceRate(
        first=first,
        last=last,
        currency=branches[0][2].currency,
        scheme_name=scheme_name,
        branches=sections,
        totals=grand_totals(sections, counted),
    )
