"""The calling policy: which waiting ticket a counter calls next.

Priority is a head start in waiting time, not absolute overtaking; a ticket past
its category's maximum wait goes first at any counter that serves it.
"""

from __future__ import annotations

from datetime import datetime

from queueing.categories import BranchConfig
from queueing.counters import Counter
from queueing.state import BranchState
from queueing.tickets import PriorityClass, Ticket

# Level given to a ticket transferred to one named counter: ahead of every profile level.
TARGETED_LEVEL = 0


def effective_wait_s(ticket: Ticket, now: datetime, config: BranchConfig) -> float:
    """Time waited plus the class's head start; appointments count from their booked time."""
    start = ticket.queued_at
    if ticket.priority is PriorityClass.APPOINTMENT and ticket.appointment_at is not None:
        start = ticket.appointment_at
    return (now - start).total_seconds() + config.policy.head_start_s.get(ticket.priority, 0.0)


def is_overdue(ticket: Ticket, now: datetime, config: BranchConfig) -> bool:
    cat = config.categories.get(ticket.category)
    return cat is not None and (now - ticket.issued_at).total_seconds() >= cat.max_wait_s


def level_for(counter: Counter, ticket: Ticket) -> int | None:
    """The precedence at which ``counter`` takes ``ticket``, or None if it does not."""
    if ticket.target_counter is not None:
        return TARGETED_LEVEL if ticket.target_counter == counter.id else None
    return counter.profile.get(ticket.category)


def call_key(counter: Counter, ticket: Ticket, now: datetime, config: BranchConfig) -> tuple | None:
    """Sort key: smaller is called sooner. None if the counter does not take the ticket."""
    level = level_for(counter, ticket)
    if level is None:
        return None
    if ticket.target_counter is None and is_overdue(ticket, now, config):
        # Starving tickets first, longest real wait first, whatever the level.
        return (0, 0, -(now - ticket.issued_at).total_seconds(), ticket.issued_at, ticket.number)
    return (1, level, -effective_wait_s(ticket, now, config), ticket.queued_at, ticket.number)


def call_order(state: BranchState, counter_id: str, now: datetime, tickets: list[Ticket] | None = None) -> list[Ticket]:
    """Waiting tickets this counter takes, in the order it would call them now."""
    counter = state.counter(counter_id)
    pool = state.waiting.values() if tickets is None else tickets
    keyed = []
    for ticket in pool:
        key = call_key(counter, ticket, now, state.config)
        if key is not None:
            keyed.append((key, ticket))
    keyed.sort(key=lambda pair: pair[0])
    return [ticket for _, ticket in keyed]


def choose_next(state: BranchState, counter_id: str, now: datetime) -> Ticket | None:
    counter = state.counter(counter_id)
    best_key: tuple | None = None
    best: Ticket | None = None
    for ticket in state.waiting.values():
        key = call_key(counter, ticket, now, state.config)
        if key is not None and (best_key is None or key < best_key):
            best_key, best = key, ticket
    return best
