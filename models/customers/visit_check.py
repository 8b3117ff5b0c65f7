"""The visit rule (queueing/customers/visits.py) on a store the services read directly (SQLite).

On PostgreSQL the server's functions hold the same rule (models/customers/visit_sql.py): a station's login
could call them without the service, so there the server decides, by its own clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.staff.session import StaffSession
from models.staff.tables import CounterSessionRow
from models.store.tables import TicketRow
from models.store.utc import as_utc
from queueing.customers.visits import WITHOUT_VISIT, TicketFacts, is_own_visit, refuse


def ticket_facts(session: Session, branch_id: str, ticket_id: str) -> TicketFacts | None:
    """The named ticket of the branch, with who is signed in at its counter now; None if the store has none."""
    found = session.execute(
        select(
            TicketRow.customer_id, TicketRow.status, TicketRow.staff_id, TicketRow.finished_at,
            CounterSessionRow.staff_id.label("holder"), TicketRow.finished_by,
        )
        .outerjoin(
            CounterSessionRow,
            (CounterSessionRow.branch_id == TicketRow.branch_id)
            & (CounterSessionRow.counter_id == TicketRow.counter_id),
        )
        .where(TicketRow.id == ticket_id, TicketRow.branch_id == branch_id)
    ).first()
    if found is None:
        return None
    finished = as_utc(found.finished_at) if found.finished_at is not None else None
    return TicketFacts(found.customer_id, found.status, found.staff_id, finished, found.holder, found.finished_by)


def check_visit(
    session: Session,
    actor: StaffSession,
    customer_id: int,
    ticket_id: str | None,
    now: datetime,
    after_finish: timedelta = timedelta(0),
) -> None:
    """NotYourVisit unless ``actor`` may act on ``customer_id`` through ``ticket_id`` (or without one)."""
    if ticket_id is None:
        if actor.role in WITHOUT_VISIT:
            return
        raise refuse(customer_id, None)
    # A ticket named is a visit, whoever names it: a supervisor at a counter holds the rule like a teller.
    if not is_own_visit(ticket_facts(session, actor.branch_id, ticket_id), actor.staff_id, customer_id, now,
                        after_finish):
        raise refuse(customer_id, ticket_id)
