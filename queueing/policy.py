"""The calling policy: which waiting ticket a counter calls next.

Priority is a head start in waiting time, not absolute overtaking; a ticket past
its category's maximum wait goes first at any counter that serves it.

Fair service across categories (``late_ratio``): a ticket past its category's
any-counter limit is called by any open counter, whatever its profile, the one
latest relative to its target first; a category marked specialist keeps to its own
counters.
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


def late_ratio(ticket: Ticket, now: datetime, config: BranchConfig) -> float | None:
    """How late a ticket is for any counter to call it (wait over target wait), or None while it is not.

    A category with one or two counters otherwise waits on them alone while other windows serve
    customers who came later; the limit makes every window share the load once a customer is late.
    """
    if ticket.target_counter is not None:
        return None
    cat = config.categories.get(ticket.category)
    if cat is None or cat.any_counter_after_s is None:
        return None
    waited = (now - ticket.issued_at).total_seconds()
    return waited / cat.target_wait_s if waited >= cat.any_counter_after_s else None


def level_for(counter: Counter, ticket: Ticket) -> int | None:
    """The precedence at which ``counter`` takes ``ticket``, or None if it does not."""
    if ticket.target_counter is not None:
        return TARGETED_LEVEL if ticket.target_counter == counter.id else None
    return counter.profile.get(ticket.category)


def call_key(counter: Counter, ticket: Ticket, now: datetime, config: BranchConfig) -> tuple | None:
    """Sort key: smaller is called sooner. None if the counter does not take the ticket."""
    late = late_ratio(ticket, now, config)
    if late is not None:  # fair service: any counter, latest relative to target first
        return (0, 0, -late, ticket.issued_at, ticket.number)
    level = level_for(counter, ticket)
    if level is None:
        return None
    if ticket.target_counter is None and is_overdue(ticket, now, config):
        # Starving tickets first, latest relative to target first (as late_ratio's), whatever the level.
        waited = (now - ticket.issued_at).total_seconds()
        return (0, 0, -waited / config.categories[ticket.category].target_wait_s, ticket.issued_at, ticket.number)
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
