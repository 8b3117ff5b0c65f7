"""A period's visits counted per teller straight from the rows, for the piece-rate report.

``record_queries.load_visits`` makes a full VisitRecord of every visit (four instants
parsed, the day found, the lines priced, a frozen record built): about 33 microseconds
a visit, eight seconds for a year of a busy branch. The report needs far less of most
visits: the teller, the service time, the priced lines and the rating. Here the rows
bring only those columns (in the order ``load_visits`` reads them, so every sum adds
up in the same order and the report comes out the same to the last digit), the lines
of each distinct transactions text are priced once, and each visit goes straight into
its teller's Tally.

The few visits with a quality mark or a correction go the full way (a VisitRecord,
``adjust_visits``), since a correction may change the teller, the lines or the time.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.reports.record_queries import (
    _text,
    finish_order,
    load_visits_by_id,
    marks_and_corrections,
    stored_shares,
)
from models.store.tables import ServiceRecordRow
from queueing.core.service_shares import part_of
from queueing.core.transaction_types import TransactionCatalogue
from queueing.records.output_tally import PricedLines, Tally
from queueing.records.visits import price_lines
from queueing.reports.piece_rate_report import PeriodTallies, credit_shares


def tally_period(
    session: Session, branch_id: str, start: datetime, end: datetime, catalogue: TransactionCatalogue, timezone: str
) -> PeriodTallies:
    """The visits finished in [start, end), counted per teller as ``tally_visits(load_visits(...))`` counts them."""
    facts = marks_and_corrections(session, branch_id, start)
    adjusted_ids = {event.payload.get("ticket_id") for event in facts}
    adjusted = load_visits_by_id(session, branch_id, start, end, catalogue, timezone, adjusted_ids, facts)
    in_period = (
        ServiceRecordRow.branch_id == branch_id,
        ServiceRecordRow.finished_at >= start,
        ServiceRecordRow.finished_at < end,
    )
    # Fetched whole from the driver's cursor: a year is some 300,000 rows, and SQLAlchemy's rows (made and
    # processed one by one) cost more than the query. These six columns need no result processing.
    result = session.connection().execute(
        select(
            ServiceRecordRow.ticket_id,
            ServiceRecordRow.staff_id,
            ServiceRecordRow.service_s,
            _text(ServiceRecordRow.transactions),
            ServiceRecordRow.rating,
            _text(ServiceRecordRow.service_shares),
        )
        .where(*in_period)
        .order_by(*finish_order(session))
    )
    try:
        rows = result.cursor.fetchall()
    finally:
        result.close()
    tallies: dict[str, Tally] = {}
    unassigned = Tally()
    unknown: set[str] = set()
    priced: dict[Any, PricedLines] = {}
    for ticket_id, staff_id, service_s, transactions, rating, stored in rows:
        visit = adjusted.get(ticket_id)
        teller = visit.teller if visit is not None else staff_id
        if teller is None:
            tally = unassigned
        else:
            mine = tallies.get(teller)
            if mine is None:
                mine = tallies[teller] = Tally()
            tally = mine
        if visit is not None:
            tally.add(visit)
            strange = {line.code for line in visit.lines if not line.known}
            if visit.shares:
                credit_shares(tallies, visit.shares, teller)
        elif stored is not None:  # served by more than one teller (rare): each one's part in their tally
            shares = stored_shares(stored)
            raw = json.loads(transactions) if isinstance(transactions, str) else transactions
            shared_lines = PricedLines(price_lines(raw, catalogue))
            own = part_of(shares, teller) if shares else None
            tally.add_priced(float(service_s), shared_lines, rating, own)
            strange = shared_lines.unknown
            if shares:
                credit_shares(tallies, shares, teller)
        else:
            key = transactions if isinstance(transactions, str) else json.dumps(transactions, sort_keys=True)
            lines = priced.get(key)
            if lines is None:
                raw = json.loads(transactions) if isinstance(transactions, str) else transactions
                lines = priced[key] = PricedLines(price_lines(raw, catalogue))
            tally.add_priced(float(service_s), lines, rating)
            strange = lines.unknown
        if strange and teller is not None:
            unknown.update(strange)
    return PeriodTallies(tallies, unassigned, unknown)
