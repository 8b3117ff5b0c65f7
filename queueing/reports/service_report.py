"""The service report head office reads across branches: per branch and category, how customers were served.

Pure computation over counts the store sums up (models/reports/service_queries.py): tickets
issued, served, no-shows, the sums of waits and service times, the served within the
category's target; and the 90th percentile wait.

Decisions:
- A ticket belongs to the period by the local date it was issued, in its branch's
  time zone (the ticket's business date): a period means the same local days in every branch.
- A ticket counts under the category it was issued for, transferred or not: its wait (below)
  was spent in that category's queue, and is judged against that category's target.
- Waits and service times are those of the served tickets (a finished visit); a wait runs
  from issue to the first call. No-shows and tickets still waiting count as issued only.
- A ticket its business day ended while it still waited or was parked is counted as expired
  (queueing.core.day_end): issued, not served, and nobody's no-show.
- Service level: the share of served tickets whose wait was within their category's target
  (a category the branch has no target for has no service level).
- The 90th percentile is interpolated linearly between order statistics, as
  ``queueing.simulation.report.percentile`` does, so the simulator's figures and the report's agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

P90 = Fraction(9, 10)


def percentile_ranks(count: int, share: Fraction) -> tuple[int, int, float]:
    """(low, high, weight of high): the 0-based order statistics the percentile interpolates between."""
    if count <= 0:
        raise ValueError("a percentile of no values")
    position = share * (count - 1)
    low = math.floor(position)
    return low, min(low + 1, count - 1), float(position - low)


def percentile_at(count: int, share: Fraction, ordered: Mapping[int, float] | Sequence[float]) -> float | None:
    """The percentile of ``count`` values from their order statistics ``ordered`` (0-based rank -> value): only
    the two ``percentile_ranks`` names are read, so a database may hand back just those two."""
    if count <= 0:
        return None
    low, high, weight = percentile_ranks(count, share)
    return ordered[low] + (ordered[high] - ordered[low]) * weight


def percentile_of(ordered: Sequence[float], share: Fraction) -> float | None:
    """The percentile of values already sorted (None for none)."""
    return percentile_at(len(ordered), share, ordered)


@dataclass(frozen=True)
class ServiceCounts:
    """What the database sums up for one group of tickets."""

    issued: int = 0
    served: int = 0
    no_shows: int = 0
    wait_sum_s: float = 0.0
    service_sum_s: float = 0.0
    targeted: int = 0  # served tickets whose category has a target
    within_target: int = 0
    expired: int = 0  # not served: the business day ended while they waited (not no-shows)

    def __add__(self, other: ServiceCounts) -> ServiceCounts:
        return ServiceCounts(
            self.issued + other.issued,
            self.served + other.served,
            self.no_shows + other.no_shows,
            self.wait_sum_s + other.wait_sum_s,
            self.service_sum_s + other.service_sum_s,
            self.targeted + other.targeted,
            self.within_target + other.within_target,
            self.expired + other.expired,
        )


def total_counts(counts: Iterable[ServiceCounts]) -> ServiceCounts:
    return sum(counts, ServiceCounts())


@dataclass(frozen=True)
class ServiceLine:
    """One line of the report: a category of a branch, a branch's total or the total of every branch."""

    branch_id: str  # "" on the total of every branch
    branch_name: str
    category: str  # "" on a total line
    category_name: str
    target_wait_s: float | None
    counts: ServiceCounts
    p90_wait_s: float | None

    @property
    def mean_wait_s(self) -> float | None:
        return self.counts.wait_sum_s / self.counts.served if self.counts.served else None

    @property
    def service_level(self) -> float | None:
        c = self.counts
        return c.within_target / c.targeted if c.targeted else None

    @property
    def mean_service_s(self) -> float | None:
        return self.counts.service_sum_s / self.counts.served if self.counts.served else None


@dataclass(frozen=True)
class BranchSection:
    """A branch's lines (one per category) and its total."""

    branch_id: str
    name: str
    timezone: str
    lines: tuple[ServiceLine, ...]
    total: ServiceLine


@dataclass(frozen=True)
class ServiceReport:
    first: date
    last: date  # inclusive
    branches: tuple[BranchSection, ...]
    total: ServiceLine

    def lines(self) -> list[ServiceLine]:
        """Every line in reading order: each branch's categories and total, then the total of every branch."""
        found: list[ServiceLine] = []
        for branch in self.branches:
            found.extend(branch.lines)
            found.append(branch.total)
        found.append(self.total)
        return found


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    name: str  # in the reader's language
    target_wait_s: float | None


@dataclass(frozen=True)
class BranchInfo:
    """A branch as the report names it, with its categories in the order the report lists them."""

    branch_id: str
    name: str
    timezone: str
    categories: tuple[CategoryInfo, ...] = ()


GroupKey = tuple[str, ...]  # (branch, category), (branch,) or () for every branch


def build_service_report(
    first: date,
    last: date,
    branches: Sequence[BranchInfo],
    counts: Mapping[tuple[str, str], ServiceCounts],
    p90_wait_s: Mapping[GroupKey, float],
    total_names: tuple[str, str] = ("Branch total", "All branches"),
) -> ServiceReport:
    """The report: a line for every category of every branch (empty ones too), a total per branch and one overall.

    ``counts`` by (branch, category); a category with tickets that the branch does not
    list gets a line of its own, named by its code. ``total_names``: the category name of a
    branch's total line and the branch name of the overall total.
    """
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    branch_total_name, overall_name = total_names
    sections = []
    for branch in branches:
        known = {c.code for c in branch.categories}
        extra = sorted(code for b, code in counts if b == branch.branch_id and code not in known)
        categories = [*branch.categories, *(CategoryInfo(code, code, None) for code in extra)]
        lines = tuple(
            ServiceLine(
                branch.branch_id,
                branch.name,
                c.code,
                c.name,
                c.target_wait_s,
                counts.get((branch.branch_id, c.code), ServiceCounts()),
                p90_wait_s.get((branch.branch_id, c.code)),
            )
            for c in categories
        )
        total = ServiceLine(
            branch.branch_id,
            branch.name,
            "",
            branch_total_name,
            None,
            total_counts(line.counts for line in lines),
            p90_wait_s.get((branch.branch_id,)),
        )
        sections.append(BranchSection(branch.branch_id, branch.name, branch.timezone, lines, total))
    overall = ServiceLine(
        "", overall_name, "", "", None, total_counts(s.total.counts for s in sections), p90_wait_s.get(())
    )
    return ServiceReport(first, last, tuple(sections), overall)
