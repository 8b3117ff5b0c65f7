"""A period's visits counted per teller straight from the rows, for the piece-rate report.

``record_queries.load_visits`` makes a full VisitRecord of every visit (four instants
parsed, the day found, the lines priced, a frozen record built): about 33 microseconds
a visit, eight seconds for a year of a busy branch. The report needs far less of most
visits: the teller, the service time, the lines and the rating. Here the rows bring only
those columns, in no order (ordering a year's rows by time took half as long again as
reading them), and are gathered per teller and line set: the lines of each set are priced
once and each set's visits go into its teller's Tally at once (``Tally.add_group``). A
Tally's sums are exact and do not depend on the order (``math.fsum``), so the report is
the one ``tally_visits(load_visits(...))`` gives, to the last digit.

Decisions:
- Gathered here, not by a GROUP BY: the report's box plot and its exact sums need every
  service time anyway, and on SQLite (3.40, the year of bench/history.py) a GROUP BY over
  (teller, lines) measured no cheaper than reading the four columns of every row: it sorts
  them first. The ratings are JSON in the journal; joined in SQL they cost twice what the
  dict of ``ratings`` costs.
- The few visits with a quality mark, a correction or a short-visit review go the full
  way (a VisitRecord, ``adjust_visits``), since a correction may change the teller, the
  lines or the time; their rows are skipped in the gathering.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from models.reports.record_queries import load_visits_by_id, marks_and_corrections, ratings
from models.store.tables import ServiceRecordRow
from queueing.core.transaction_types import TransactionCatalogue
from queueing.records.output_tally import PricedLines, Tally
from queueing.records.visits import price_lines
from queueing.reports.piece_rate_report import PeriodTallies


class _Group:
    """The visits of one teller with one set of lines: their service times and their ratings' sum and count."""

    __slots__ = ("service", "rating_sum", "ratings")

    def __init__(self) -> None:
        self.service: list[float] = []
        self.rating_sum = 0
        self.ratings = 0


def _period_rows(session: Session, branch_id: str, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
    """(ticket id, teller, service seconds, lines as JSON text) of the visits finished in [start, end), unordered."""
    # Fetched whole from the driver's cursor: a year is some 300,000 rows, and SQLAlchemy's rows (made and
    # processed one by one) cost more than the query. The lines come as text on both databases (PostgreSQL's
    # driver would decode JSON), so that they key the gathering as they are.
    result = session.connection().execute(
        select(
            ServiceRecordRow.ticket_id,
            ServiceRecordRow.staff_id,
            ServiceRecordRow.service_s,
            cast(ServiceRecordRow.transactions, Text),
        ).where(
            ServiceRecordRow.branch_id == branch_id,
            ServiceRecordRow.finished_at >= start,
            ServiceRecordRow.finished_at < end,
        )
    )
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def tally_period(
    session: Session, branch_id: str, start: datetime, end: datetime, catalogue: TransactionCatalogue, timezone: str
) -> PeriodTallies:
    """The visits finished in [start, end), counted per teller as ``tally_visits(load_visits(...))`` counts them."""
    rated = ratings(session, branch_id, start, end)
    facts = marks_and_corrections(session, branch_id, start)
    adjusted_ids = {event.payload.get("ticket_id") for event in facts}
    adjusted = load_visits_by_id(session, branch_id, start, end, catalogue, timezone, adjusted_ids, rated, facts)
    groups: dict[tuple[str | None, str], _Group] = {}
    for ticket_id, staff_id, service_s, transactions in _period_rows(session, branch_id, start, end):
        if ticket_id in adjusted:
            continue
        group = groups.get((staff_id, transactions))
        if group is None:
            group = groups[(staff_id, transactions)] = _Group()
        group.service.append(float(service_s))
        rating = rated.get(ticket_id)
        if rating is not None:
            group.rating_sum += rating
            group.ratings += 1
    tallies: dict[str, Tally] = {}
    unassigned = Tally()
    unknown: set[str] = set()

    def tally_of(teller: str | None) -> Tally:
        if teller is None:
            return unassigned
        mine = tallies.get(teller)
        if mine is None:
            mine = tallies[teller] = Tally()
        return mine

    priced: dict[str, PricedLines] = {}
    for (teller, transactions), group in groups.items():
        lines = priced.get(transactions)
        if lines is None:
            lines = priced[transactions] = PricedLines(price_lines(json.loads(transactions), catalogue))
        tally = tally_of(teller)
        tally.add_group(group.service, lines)
        tally.add_ratings(group.rating_sum, group.ratings)
        if teller is not None:
            unknown.update(lines.unknown)
    for visit in adjusted.values():
        tally_of(visit.teller).add(visit)
        if visit.teller is not None:
            unknown.update(line.code for line in visit.lines if not line.known)
    return PeriodTallies(tallies, unassigned, unknown)
