"""Projections: the ticket, counter and service-record rows that follow from each event.

They are written from the reducer's state right after the event is applied, in
the same transaction as the event itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from models.tables import CounterRow, ServiceRecordRow, TicketRow
from models.upsert import insert_ignore, upsert
from queueing.counters import Counter
from queueing.events import Event, EventType
from queueing.state import BranchState
from queueing.tickets import Ticket, TransactionLine


def ticket_row(branch_id: str, ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "branch_id": branch_id,
        "number": ticket.number,
        "seq": ticket.seq,
        "business_date": ticket.business_date,
        "category": ticket.category,
        "priority": str(ticket.priority),
        "status": str(ticket.status),
        "issued_by": ticket.issued_by,
        "customer_id": ticket.customer_id,
        "appointment_at": ticket.appointment_at,
        "issued_at": ticket.issued_at,
        "queued_at": ticket.queued_at,
        "target_counter": ticket.target_counter,
        "counter_id": ticket.counter,
        "staff_id": ticket.staff,
        "called_at": ticket.called_at,
        "first_called_at": ticket.first_called_at,
        "started_at": ticket.started_at,
        "started_mono": ticket.started_mono,
        "started_station": ticket.started_station,
        "finished_at": ticket.finished_at,
        "recalls": ticket.recalls,
        "transfers": ticket.transfers,
        "service_seconds": ticket.service_seconds,
        "out_of_order_reason": ticket.out_of_order_reason,
        "conflict": ticket.conflict,
    }


def counter_row(branch_id: str, counter: Counter) -> dict[str, Any]:
    return {
        "branch_id": branch_id,
        "id": counter.id,
        "name": counter.name,
        "profile": counter.profile,
        "status": str(counter.status),
        "staff_id": counter.staff,
        "current_ticket_id": counter.current,
        "pause_reason": counter.pause_reason,
        "status_since": counter.status_since,
    }


def service_record_row(branch_id: str, ticket: Ticket, outcome: str) -> dict[str, Any]:
    assert ticket.finished_at is not None
    return {
        "ticket_id": ticket.id,
        "branch_id": branch_id,
        "business_date": ticket.business_date,
        "category": ticket.category,
        "counter_id": ticket.counter,
        "staff_id": ticket.staff,
        "issued_at": ticket.issued_at,
        "called_at": ticket.first_called_at,
        "started_at": ticket.started_at,
        "finished_at": ticket.finished_at,
        "wait_s": ticket.waited_s(ticket.finished_at),
        "service_s": ticket.service_seconds or 0.0,
        "transactions": [_line(t) for t in ticket.transactions],
        "outcome": outcome,
    }


def _line(line: TransactionLine) -> dict[str, Any]:
    # The amount counts for amount-based unit rules (a deposit of 25,000 earns more than one of 500).
    item: dict[str, Any] = {"code": line.code, "quantity": line.quantity}
    if line.amount is not None:
        item["amount"] = line.amount
    return item


def affected_counters(event: Event, ticket: Ticket | None) -> set[str]:
    p = event.payload
    ids = {p.get("counter_id"), p.get("from_counter")}
    if ticket is not None:
        ids.add(ticket.counter)
    ids.discard(None)
    return ids  # type: ignore[return-value]


def project(session: Session, state: BranchState, event: Event) -> None:
    """Write the rows that ``event`` (already applied to ``state``) changed."""
    branch = event.branch_id
    ticket = state.tickets.get(event.payload.get("ticket_id", ""))
    if ticket is not None:
        upsert(session, TicketRow.__table__, [ticket_row(branch, ticket)], ["id"])
        if event.type is EventType.SERVICE_FINISHED and not _was_conflict(state, event):
            row = service_record_row(branch, ticket, str(event.payload.get("outcome", "completed")))
            insert_ignore(session, ServiceRecordRow.__table__, [row], ["ticket_id"])
    rows = [counter_row(branch, state.counters[c]) for c in affected_counters(event, ticket) if c in state.counters]
    upsert(session, CounterRow.__table__, rows, ["branch_id", "id"])


def _was_conflict(state: BranchState, event: Event) -> bool:
    return bool(state.conflicts) and state.conflicts[-1].event_id == event.id
