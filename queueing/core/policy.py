"""The calling policy: which waiting ticket a counter calls next.

Priority is a head start in waiting time, not absolute overtaking; a ticket past
its category's maximum wait goes first at any counter that serves it.

Fair service across categories (``late_ratio``): a ticket past its category's
any-counter limit is called by any open counter, whatever its profile, the one
latest relative to its target first; a category marked specialist keeps to its own
counters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from queueing.core.categories import BranchConfig
from queueing.core.counters import Counter
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket
from queueing.core.waiting_index import WaitingTickets, late_since, virtual_start

# Level given to a ticket transferred to one named counter: ahead of every profile level.
TARGETED_LEVEL = 0


def effective_wait_s(ticket: Ticket, now: datetime, config: BranchConfig) -> float:
    """Time waited plus the class's head start; appointments count from their booked time."""
    start = ticket.queued_at
    if ticket.priority is PriorityClass.APPOINTMENT and ticket.appointment_at is not None:
        start = ticket.appointment_at
    return (now - start).total_seconds() + config.policy.head_start_s.get(ticket.priority, 0.0)


def effective_start(ticket: Ticket, config: BranchConfig) -> datetime:
    """When the effective wait began (``now - effective_start`` is ``effective_wait_s``): it does not move with
    the clock, so the policy's order among waiting tickets is fixed, and it is exact where a float wait rounds."""
    return virtual_start(ticket, config)


def is_overdue(ticket: Ticket, now: datetime, config: BranchConfig) -> bool:
    cat = config.categories.get(ticket.category)
    return cat is not None and (now - late_since(ticket)).total_seconds() >= cat.max_wait_s


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
    waited = (now - late_since(ticket)).total_seconds()
    return waited / cat.target_wait_s if waited >= cat.any_counter_after_s else None


def level_for(counter: Counter, ticket: Ticket) -> int | None:
    """The precedence at which ``counter`` takes ``ticket``, or None if it does not."""
    if ticket.target_counter is not None:
        return TARGETED_LEVEL if ticket.target_counter == counter.id else None
    return counter.profile.get(ticket.category)


def late_key(counter: Counter, ticket: Ticket, now: datetime, config: BranchConfig) -> tuple | None:
    """The ticket's key in call_key's first tier, or None when it is not there.

    The first tier holds a ticket past its category's any-counter limit (at every counter) and one
    past its maximum wait (at the counters whose profile has its category); the latest relative to its
    target first. Within a category that is its oldest ticket (by ``late_since``), which the heaps keep first.
    """
    if ticket.target_counter is not None:
        return None
    cat = config.categories.get(ticket.category)
    if cat is None:
        return None
    # late_ratio, else is_overdue at a counter of the category: the same wait, measured once.
    since = late_since(ticket)
    waited = (now - since).total_seconds()
    if not (
        (cat.any_counter_after_s is not None and waited >= cat.any_counter_after_s)
        or (waited >= cat.max_wait_s and ticket.category in counter.profile)
    ):
        return None
    return (0, 0, -(waited / cat.target_wait_s), since, ticket.number)


def call_key(counter: Counter, ticket: Ticket, now: datetime, config: BranchConfig) -> tuple | None:
    """Sort key: smaller is called sooner. None if the counter does not take the ticket."""
    late = late_key(counter, ticket, now, config)
    if late is not None:  # fair service and starving tickets: whatever the level
        return late
    level = level_for(counter, ticket)
    if level is None:
        return None
    # The longest effective wait first: the earliest effective start (the same order at every moment).
    return (1, level, effective_start(ticket, config), ticket.queued_at, ticket.number)


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
    """The ticket the counter calls now: the least ``call_key`` over the waiting tickets it takes.

    Read off the policy's index (queueing/core/waiting_index.py): the oldest ticket of each category
    (the first tier: late or overdue), then the heads of the counter's categories and of its
    transferred tickets, not the whole queue. A state whose waiting
    tickets are a plain dict (a filtered view) is scanned, with the same result.
    """
    counter = state.counters.get(counter_id) or state.counter(counter_id)  # the second raises UnknownCounter
    waiting = state.waiting
    if not isinstance(waiting, WaitingTickets):
        return _scan(state, counter, now)
    config = state.config
    index = waiting.index(config)
    # most_late over every category, inline: this runs at every call.
    late, late_at = None, None
    not_late_before = index.not_late_before
    for code in index.oldest:
        first = index.oldest_head(waiting, code)
        if first is None:
            continue
        soonest = not_late_before.get(code)
        if soonest is not None and now - late_since(first) < soonest:
            continue  # waited less than either limit: late_key would be None (without its float seconds)
        key = late_key(counter, first, now, config)
        if key is not None and (late_at is None or key < late_at):
            late, late_at = first, key
    if late is not None:
        return late
    # Nobody is late here: no category's oldest ticket is, so none of its others (they waited less), and a
    # transferred ticket never is. So call_key is (1, level, the head's index order), read off the heap entry.
    line = index.targeted.get(counter.id)
    profile = counter.profile
    if not line and len(profile) == 1:
        # One category and nothing transferred here (most counters of a small branch): its head is the answer,
        # without building and comparing keys.
        for code in profile:
            return index.category_head(waiting, code)
    best, best_key = None, None
    if line and index.targeted_head(waiting, counter.id) is not None:
        entry = line[0]
        best, best_key = entry[-1], (TARGETED_LEVEL, entry[0], entry[1], entry[2])
    by_category = index.by_category
    for code, level in profile.items():
        line = by_category.get(code)
        if line and index.category_head(waiting, code) is not None:
            entry = line[0]
            key = (level, entry[0], entry[1], entry[2])
            if best_key is None or key < best_key:
                best, best_key = entry[-1], key
    return best


def most_late(
    counter: Counter,
    oldest: Callable[[str], Ticket | None],
    codes: Iterable[str],
    now: datetime,
    config: BranchConfig,
) -> Ticket | None:
    """The first-tier ticket (``late_key``) the counter calls first, from the oldest ticket of each of ``codes``."""
    best, best_key = None, None
    for code in codes:
        first = oldest(code)
        key = late_key(counter, first, now, config) if first is not None else None
        if key is not None and (best_key is None or key < best_key):
            best, best_key = first, key
    return best


def _scan(state: BranchState, counter: Counter, now: datetime) -> Ticket | None:
    best_key: tuple | None = None
    best: Ticket | None = None
    for ticket in state.waiting.values():
        key = call_key(counter, ticket, now, state.config)
        if key is not None and (best_key is None or key < best_key):
            best_key, best = key, ticket
    return best
