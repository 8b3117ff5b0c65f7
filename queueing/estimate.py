"""Estimated waits: mean and 90th percentile for every waiting ticket.

The calling policy is played forward on expected service times: each open
counter frees up in turn and calls what the policy would give it. The mean wait
of a ticket is when that puts it at a counter; the spread around it is a gamma
distribution whose shape grows with the number of services it waits behind.
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from queueing.categories import BranchConfig
from queueing.counters import Counter, CounterStatus
from queueing.gamma import gamma_quantile
from queueing.policy import TARGETED_LEVEL, effective_wait_s, is_overdue, late_ratio
from queueing.state import BranchState
from queueing.tickets import Ticket, TicketStatus

# A service already running for longer than its mean still has this share left.
MIN_RESIDUAL_SHARE = 0.25


@dataclass(frozen=True)
class WaitEstimate:
    ticket_id: str
    mean_s: float
    p90_s: float
    position: int  # people called before this one, under the policy

    @property
    def mean_min(self) -> float:
        return self.mean_s / 60.0

    @property
    def p90_min(self) -> float:
        return self.p90_s / 60.0


def _residual_s(state: BranchState, ticket: Ticket, now: datetime) -> float:
    mean = state.stats[ticket.category].mean_s
    if ticket.status is TicketStatus.SERVING and ticket.started_at is not None:
        elapsed = (now - ticket.started_at).total_seconds()
        return max(mean - elapsed, MIN_RESIDUAL_SHARE * mean)
    return mean


def estimate_waits(state: BranchState, now: datetime) -> dict[str, WaitEstimate]:
    """An estimate for every waiting ticket that some open counter serves."""
    return {
        ticket.id: _estimate(ticket.id, free_at, behind, cv2, position)
        for ticket, free_at, behind, cv2, position in _play_forward(state, now)
    }


def estimate_wait(state: BranchState, now: datetime, ticket_id: str) -> WaitEstimate | None:
    """The estimate of one waiting ticket, as ``estimate_waits`` gives it, without the rest.

    The play-forward stops at that ticket and the gamma quantile is computed once
    (the kiosk and the simulator need only the new ticket's figure).
    """
    for ticket, free_at, behind, cv2, position in _play_forward(state, now):
        if ticket.id == ticket_id:
            return _estimate(ticket.id, free_at, behind, cv2, position)
    return None


def _play_forward(state: BranchState, now: datetime) -> Iterator[tuple[Ticket, float, int, float, int]]:
    """Tickets in the order the policy would call them on expected service times.

    Yields (ticket, seconds until called, services it waits behind, service CV squared, position).

    The same choices as taking min(call_key) over every remaining ticket at each free
    counter, without the O(waiting^2) scan: at one moment every ticket's effective wait
    grows alike, so apart from overdue tickets the policy's order within a category (and
    for the tickets sent to one counter) never changes during the play-forward. Each of
    those queues is sorted once; a free counter compares the heads of its categories, and
    first the oldest ticket of each category, the most overdue one.
    """
    config = state.config
    counters = [c for c in state.counters.values() if c.status is CounterStatus.OPEN]
    heap: list[tuple[float, str]] = []
    for counter in counters:
        busy = state.tickets.get(counter.current) if counter.current else None
        heapq.heappush(heap, (_residual_s(state, busy, now) if busy else 0.0, counter.id))
    waiting = list(state.waiting.values())
    # call_key's order after (overdue, level), taken at ``now``: the same order as at any later moment.
    order = {t.id: (-effective_wait_s(t, now, config), t.queued_at, t.number) for t in waiting}
    by_category: dict[str, deque[Ticket]] = defaultdict(deque)
    targeted: dict[str, deque[Ticket]] = defaultdict(deque)
    oldest: dict[str, deque[Ticket]] = defaultdict(deque)
    for ticket in sorted(waiting, key=lambda t: order[t.id]):
        if ticket.target_counter is None:
            by_category[ticket.category].append(ticket)
        else:
            targeted[ticket.target_counter].append(ticket)
    for ticket in sorted(waiting, key=lambda t: (t.issued_at, t.number)):
        if ticket.target_counter is None:
            oldest[ticket.category].append(ticket)
    taken: set[str] = set()

    def head(line: deque[Ticket]) -> Ticket | None:
        while line and line[0].id in taken:
            line.popleft()
        return line[0] if line else None

    served_before = 0
    busy_at_start = sum(1 for c in counters if c.current)
    while len(taken) < len(waiting) and heap:
        free_at, counter_id = heapq.heappop(heap)
        counter = state.counters[counter_id]
        when = now + timedelta(seconds=free_at)
        best = _most_overdue(counter, oldest, head, when, config)
        if best is None:
            best, best_key = head(targeted[counter_id]), None
            if best is not None:
                best_key = (TARGETED_LEVEL, order[best.id])
            for code, level in counter.profile.items():
                first = head(by_category[code])
                if first is not None and (best_key is None or (level, order[first.id]) < best_key):
                    best, best_key = first, (level, order[first.id])
        if best is None:
            continue  # this counter takes none of what is left
        taken.add(best.id)
        stats = state.stats[best.category]
        # Services that must end before this call: those ahead plus those running now.
        behind = max(0, served_before + busy_at_start - (len(counters) - 1))
        yield best, free_at, behind, stats.cv2, served_before
        served_before += 1
        heapq.heappush(heap, (free_at + stats.mean_s, counter_id))


def _most_overdue(
    counter: Counter,
    oldest: dict[str, deque[Ticket]],
    head: Callable[[deque[Ticket]], Ticket | None],
    when: datetime,
    config: BranchConfig,
) -> Ticket | None:
    """The late ticket the counter calls first, as call_key's first tier orders them: one past its category's
    any-counter limit (any category) or past its maximum wait (the counter's own categories), the latest
    relative to its target first."""
    best, best_key = None, None
    for code in oldest:
        first = head(oldest[code])
        if first is None:
            continue
        own_overdue = code in counter.profile and is_overdue(first, when, config)
        if late_ratio(first, when, config) is None and not own_overdue:
            continue
        key = (-(when - first.issued_at).total_seconds() / config.categories[code].target_wait_s, first.issued_at,
               first.number)
        if best_key is None or key < best_key:
            best, best_key = first, key
    return best


def _estimate(ticket_id: str, mean_s: float, behind: int, cv2: float, position: int) -> WaitEstimate:
    if mean_s <= 0:
        return WaitEstimate(ticket_id, 0.0, 0.0, position)
    # A wait behind k services is roughly gamma with shape k / cv^2 (k >= 1).
    shape = max(1.0, behind) / max(cv2, 0.05)
    p90 = gamma_quantile(0.9, shape, mean_s / shape)
    return WaitEstimate(ticket_id, mean_s, max(p90, mean_s), position)


def naive_estimate_s(ahead: int, mean_service_s: float, open_counters: int) -> float:
    """(people ahead + 1) x mean service time / open counters: the baseline to beat."""
    if open_counters <= 0:
        return float("inf")
    return (ahead + 1) * mean_service_s / open_counters
