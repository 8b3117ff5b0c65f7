"""The reducer and the visit records (pay) compared event by event on a fuzzed journal."""

from __future__ import annotations

from queueing.core.events import EventType
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import TicketStatus
from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import build_visits


def finishes_that_count(config, journal):
    """Per finish event the reducer applied (its ticket went DONE by it): ticket id -> (counter, event id)."""
    state = BranchState(config)
    done = {}
    for e in journal:
        before = None
        if e.type is EventType.SERVICE_FINISHED:
            t = state.tickets.get(e.payload["ticket_id"]) or state.expired.get(e.payload["ticket_id"])
            before = t.status if t is not None else None
        apply(state, e)
        if e.type is EventType.SERVICE_FINISHED and before is not TicketStatus.DONE:
            t = state.tickets.get(e.payload["ticket_id"]) or state.expired.get(e.payload["ticket_id"])
            if t is not None and t.status is TicketStatus.DONE and t.finished_at == e.at:
                done[t.id] = (e.payload["counter_id"], e.id)
    return done


def compare(config, journal):
    done = finishes_that_count(config, journal)
    visits = build_visits(journal, load_catalogue(), config.timezone)
    paid = {v.ticket_id: v.counter_id for v in visits}
    problems = []
    for tid in sorted(set(done) | set(paid)):
        if tid not in paid:
            problems.append(f"{tid}: the reducer finished it at {done[tid][0]}, no visit paid")
        elif tid not in done:
            problems.append(f"{tid}: a visit paid at {paid[tid]}, the reducer never finished it")
        elif paid[tid] != done[tid][0]:
            problems.append(f"{tid}: reducer at {done[tid][0]}, visit at {paid[tid]}")
    return problems
