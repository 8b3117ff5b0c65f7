"""The service report's figures, summed and ranked by the database, for any set of branches at once.

A ticket belongs to the period by its ``business_date``: the local date it was issued,
in its branch's time zone, which the engine stamps on every ticket (numbers restart at
that midnight). One condition on it therefore means the same local days in every
branch, and the ``(branch_id, business_date, number)`` unique index serves the range.

Counts, sums and the served-within-target count are one GROUP BY over ticket, its
service record and its category. The 90th percentile wait is read as the two order
statistics around it (``row_number`` over the served waits of each group, a window
function SQLite and PostgreSQL both have), and interpolated in queueing/service_report.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from models.tables import BranchRow, CategoryRow, ServiceRecordRow, TicketRow
from queueing.service_report import BranchInfo, CategoryInfo, GroupKey, ServiceCounts, percentile_at, percentile_ranks

# Group levels of the percentile: (branch, category), the branch, every branch together.
LEVELS: tuple[tuple[Any, ...], ...] = ((TicketRow.branch_id, TicketRow.category), (TicketRow.branch_id,), ())


def _in_period(branch_ids: Sequence[str], first: date, last: date) -> tuple[Any, ...]:
    return (TicketRow.branch_id.in_(branch_ids), TicketRow.business_date >= first, TicketRow.business_date <= last)


def load_counts(
    session: Session, branch_ids: Sequence[str], first: date, last: date
) -> dict[tuple[str, str], ServiceCounts]:
    """(branch, category) -> counts of the tickets issued on the local days ``first`` to ``last``."""
    record = ServiceRecordRow
    served = record.ticket_id.is_not(None)
    within = and_(served, CategoryRow.target_wait_s.is_not(None), record.wait_s <= CategoryRow.target_wait_s)
    stmt = (
        select(
            TicketRow.branch_id,
            TicketRow.category,
            func.count(),
            func.count(record.ticket_id),
            func.sum(case((TicketRow.status == "no_show", 1), else_=0)),
            func.coalesce(func.sum(record.wait_s), 0.0),
            func.coalesce(func.sum(record.service_s), 0.0),
            func.sum(case((and_(served, CategoryRow.target_wait_s.is_not(None)), 1), else_=0)),
            func.sum(case((within, 1), else_=0)),
        )
        .select_from(TicketRow)
        .outerjoin(record, record.ticket_id == TicketRow.id)
        .outerjoin(
            CategoryRow, and_(CategoryRow.branch_id == TicketRow.branch_id, CategoryRow.code == TicketRow.category)
        )
        .where(*_in_period(branch_ids, first, last))
        .group_by(TicketRow.branch_id, TicketRow.category)
    )
    return {
        (branch, category): ServiceCounts(int(n), int(s), int(ns), float(w), float(sv), int(t), int(wt))
        for branch, category, n, s, ns, w, sv, t, wt in session.execute(stmt)
    }


def load_wait_percentiles(
    session: Session, branch_ids: Sequence[str], first: date, last: date, share: Fraction
) -> dict[GroupKey, float]:
    """The ``share`` percentile of the served waits per (branch, category), per branch and over every branch."""
    found: dict[GroupKey, float] = {}
    for level in LEVELS:
        found.update(_percentiles(session, level, branch_ids, first, last, share))
    return found


def _percentiles(
    session: Session, level: tuple[Any, ...], branch_ids: Sequence[str], first: date, last: date, share: Fraction
) -> dict[GroupKey, float]:
    wait = ServiceRecordRow.wait_s
    ranked = (
        select(
            *level,
            wait.label("wait"),
            (func.row_number().over(partition_by=level or None, order_by=wait) - 1).label("rank"),
            func.count().over(partition_by=level or None).label("n"),
        )
        .select_from(TicketRow)
        .join(ServiceRecordRow, ServiceRecordRow.ticket_id == TicketRow.id)
        .where(*_in_period(branch_ids, first, last))
        .subquery()
    )
    # The low order statistic's rank is floor(share * (n - 1)), in integers so both databases agree.
    low = (ranked.c.n - 1) * share.numerator // share.denominator
    keys = [ranked.c[column.key] for column in level]
    stmt = select(*keys, ranked.c.n, ranked.c.rank, ranked.c.wait).where(ranked.c.rank.between(low, low + 1))
    groups: dict[GroupKey, tuple[int, dict[int, float]]] = {}
    for row in session.execute(stmt):
        key, (n, rank, value) = tuple(row[: len(keys)]), row[len(keys) :]
        groups.setdefault(key, (int(n), {}))[1][int(rank)] = float(value)
    result = {}
    for key, (n, ordered) in groups.items():
        low_rank, high_rank, _ = percentile_ranks(n, share)
        if low_rank in ordered and high_rank in ordered:
            result[key] = percentile_at(n, share, ordered)  # type: ignore[assignment]
    return result


def load_branch_infos(session: Session, branch_ids: Sequence[str], language: str = "en") -> list[BranchInfo]:
    """The branches in the order given, each with its categories (by ticket prefix) named in ``language``."""
    names = dict(
        (row[0], (row[1], row[2]))
        for row in session.execute(
            select(BranchRow.id, BranchRow.name, BranchRow.timezone).where(BranchRow.id.in_(branch_ids))
        )
    )
    categories: dict[str, list[CategoryInfo]] = {branch_id: [] for branch_id in branch_ids}
    rows = session.execute(
        select(CategoryRow.branch_id, CategoryRow.code, CategoryRow.names, CategoryRow.target_wait_s)
        .where(CategoryRow.branch_id.in_(branch_ids))
        .order_by(CategoryRow.branch_id, CategoryRow.prefix)
    )
    for branch_id, code, localized, target in rows:
        name = (localized or {}).get(language) or (localized or {}).get("en") or code
        categories[branch_id].append(CategoryInfo(code, name, target))
    return [
        BranchInfo(branch_id, *names.get(branch_id, (branch_id, "UTC")), tuple(categories[branch_id]))
        for branch_id in branch_ids
    ]
