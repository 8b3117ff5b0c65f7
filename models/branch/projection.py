"""Projections: the ticket, counter, counter-session and service-record rows that follow from the reducer's state.

These builders make the rows; ``models.sync.projection`` applies events and writes the rows
they changed, in the same transaction as the events: one path for a command, a push and a pull.
"""

from __future__ import annotations

from typing import Any

from queueing.core.counters import Counter, SignIn
from queueing.core.events import Event
from queueing.core.service_shares import Share
from queueing.core.tickets import Ticket, TransactionLine


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
        "started_run": ticket.started_run,
        "started_station": ticket.started_station,
        "finished_at": ticket.finished_at,
        "finished_by": ticket.finished_by,
        "recalls": ticket.recalls,
        "transfers": ticket.transfers,
        "service_seconds": ticket.service_seconds,
        "out_of_order_reason": ticket.out_of_order_reason,
        "conflict": ticket.conflict,
        "left_counter_at": ticket.left_counter_at,
        "parked_s": ticket.parked_s,
        "parked_mono": ticket.parked_mono,
        "parked_run": ticket.parked_run,
        "parked_station": ticket.parked_station,
        "day_ended_at": ticket.day_ended_at,
        "issued_category": ticket.issued_category,
        "service_marks": [list(mark) for mark in ticket.marks] if ticket.marks else None,
        "left_served_s": ticket.left_served_s,
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


def session_row(branch_id: str, counter_id: str, held: SignIn) -> dict[str, Any]:
    return {
        "branch_id": branch_id,
        "counter_id": counter_id,
        "staff_id": held.staff_id,
        "station_id": held.station_id,
        "signed_in_at": held.at,
    }


def service_record_row(
    branch_id: str, ticket: Ticket, outcome: str, shares: tuple[Share, ...] | None = None
) -> dict[str, Any]:
    """The record of a finished visit; ``shares``: each teller's seconds, when more than one served it (the finish
    event's, queueing.core.service_shares.read_shares)."""
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
        "service_shares": [list(share) for share in shares] if shares else None,
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
