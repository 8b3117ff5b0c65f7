"""Estimated waits: mean and 90th percentile for every waiting ticket.

The calling policy is played forward on expected service times: each open
counter frees up in turn and calls what the policy would give it. The mean wait
of a ticket is when that puts it at a counter; the spread around it is a gamma
distribution whose shape grows with the number of services it waits behind
(Whitt 1999: the wait behind k departures of c busy servers). An Outlook
(queueing/waits/outlook.py) adds what the branch can foresee: breaks, counters
coming back or closing, and the customers still to come who will be called first.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import count

from queueing.core.categories import BranchConfig
from queueing.core.commands import business_date, format_number
from queueing.core.counters import CounterStatus
from queueing.core.policy import TARGETED_LEVEL, most_late
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket, TicketStatus
from queueing.core.waiting_index import PolicyIndex, WaitingTickets, virtual_start
from queueing.waits.gamma import gamma_mean_residual, gamma_quantile
from queueing.waits.outlook import Outlook

# Appointment customers come up to this long before their booked time (queueing/simulation/arrivals.py).
APPOINTMENT_EARLY_S = 600.0


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


def _steady(state: BranchState) -> dict[str, tuple[float, float]]:
    """Each category's steady mean and squared CV, read once per estimate (the play-forward asks at every step)."""
    return {code: (stats.steady_mean_s, stats.steady_cv2) for code, stats in state.stats.items()}


def _busy_until(state: BranchState, now: datetime) -> list[tuple[float, str]]:
    """When each busy open counter is expected to be free, as (seconds from now, counter id).

    Not each counter's own expected residual alone: the soonest of several running services
    ends sooner than the soonest expected end (for exponential services all residuals are the
    whole mean, yet one of c ends after mean / c). The j-th counter to be free, in the order of
    their own residuals, is put at a blend of its residual and j / (sum of service rates), the
    j-th departure of c busy servers whose departures are Poisson (Whitt 1999), weighted by
    the category's CV: residuals for steady services, the Poisson spacing for exponential ones
    (both exact at their extreme: a fixed service's residual is certain, an exponential one's
    departures are Poisson at any number of counters).
    """
    busy = []
    steady = _steady(state)
    for counter in state.counters.values():
        if counter.status is CounterStatus.OPEN and counter.current:
            ticket = state.tickets.get(counter.current)
            if ticket is not None:
                mean, cv2 = steady[ticket.category]
                if ticket.status is TicketStatus.SERVING and ticket.started_at is not None:
                    residual = gamma_mean_residual(mean, cv2, (now - ticket.started_at).total_seconds())
                else:
                    residual = mean
                busy.append((residual, mean, cv2, counter.id))
            else:
                busy.append((0.0, 0.0, 0.0, counter.id))
    busy.sort()
    rate = sum(1.0 / mean for _, mean, _, _ in busy if mean > 0)
    found = []
    for j, (residual, _mean, cv2, counter_id) in enumerate(busy, start=1):
        spaced = j / rate if rate > 0 else residual
        # One counter alone is a renewal process, not a superposition: its own residual is the answer.
        weight = 1.0 if len(busy) == 1 else max(0.0, 1.0 - cv2) ** 2
        found.append((weight * residual + (1.0 - weight) * spaced, counter_id))
    return found


def estimate_waits(state: BranchState, now: datetime, outlook: Outlook | None = None) -> dict[str, WaitEstimate]:
    """An estimate for every waiting ticket that some open counter serves."""
    return {
        ticket.id: _estimate(ticket.id, free_at, behind, cv2, position, expected)
        for ticket, free_at, behind, cv2, position, expected in _play_forward(state, now, outlook)
    }


def estimate_wait(
    state: BranchState, now: datetime, ticket_id: str, outlook: Outlook | None = None
) -> WaitEstimate | None:
    """The estimate of one waiting ticket, as ``estimate_waits`` gives it, without the rest.

    The play-forward stops at that ticket and the gamma quantile is computed once
    (the kiosk and the simulator need only the new ticket's figure).
    """
    for ticket, free_at, behind, cv2, position, expected in _play_forward(state, now, outlook):
        if ticket.id == ticket_id:
            return _estimate(ticket.id, free_at, behind, cv2, position, expected)
    return None


def ahead_of_new(state: BranchState, now: datetime, category: str, outlook: Outlook | None = None) -> int | None:
    """How many waiting customers would be called before a regular ticket of ``category`` taken now.

    The same play-forward, and so the same figure, as the position ``estimate_wait`` gives that ticket once
    it is issued: a kiosk tile and the ticket it prints agree. None when no open counter would call it.
    """
    # The number it will get: ties between tickets issued at one moment go by number (policy.late_key).
    day = business_date(state, now)
    seq = (state.sequences.get(category, 0) if state.business_date == day else 0) + 1
    new = Ticket(
        id=NEW_TICKET_ID,
        number=format_number(state.config.category(category).prefix, seq),
        category=category,
        priority=PriorityClass.REGULAR,
        business_date=day,
        issued_at=now,
        queued_at=now,
        issued_by="",
    )
    for ticket, _free_at, _behind, _cv2, position, _expected in _play_forward(state, now, outlook, new):
        if ticket is new:
            return position
    return None


NEW_TICKET_ID = "~new"  # a ticket not yet issued


@dataclass(frozen=True)
class _Expected:
    """A customer the outlook expects to come: takes a counter's time in the play-forward, is never reported."""

    category: str
    id: str = ""


def _play_forward(
    state: BranchState, now: datetime, outlook: Outlook | None = None, new: Ticket | None = None
) -> Iterator[tuple[Ticket, float, int, float, int, int]]:
    """Tickets in the order the policy would call them on expected service times.

    Yields (ticket, seconds until called, services it waits behind, service CV squared, position: the
    waiting tickets called before it, expected: the customers still to come called before it).

    The same choices as taking min(call_key) over every remaining ticket at each free
    counter, without the O(waiting^2) scan: the policy's order within a category (and for
    the tickets sent to one counter) never changes while they wait (policy.effective_start),
    so each of those queues is a heap; a free counter compares the heads of its categories,
    and first the oldest ticket of each category, the latest one (policy.late_key: fair service and
    starving tickets).

    With an ``outlook``, counters keep their plan (a break due pauses a counter at its first
    free moment from then, a closed or paused counter comes back, a closing one stops) and the
    expected arrivals join the queues at their expected times (the k-th of a rate r at
    (k - 1/2) / r), called where the policy would call them, ahead of those they overtake.
    A ``new`` ticket (not yet issued) joins its queue as the policy index would put it.
    """
    config = state.config
    plans = outlook.plans if outlook is not None else {}
    steady = _steady(state)
    heap: list[tuple[float, str]] = _busy_until(state, now)
    for counter in state.counters.values():
        plan = plans.get(counter.id)
        if counter.status is CounterStatus.OPEN and not counter.current:
            heap.append((0.0, counter.id))
        elif counter.status is not CounterStatus.OPEN and plan is not None and plan.back_in_s is not None:
            heap.append((max(0.0, plan.back_in_s), counter.id))
    heapq.heapify(heap)
    counters = len(heap)
    busy_at_start = sum(1 for c in state.counters.values() if c.status is CounterStatus.OPEN and c.current)
    waiting = state.waiting
    # The policy's own heaps (queueing/core/waiting_index.py), copied: popping them here leaves the queue's as it is.
    index = waiting.index(config) if isinstance(waiting, WaitingTickets) else PolicyIndex(config, waiting.values())
    by_category: dict[str, list] = defaultdict(list, {k: list(v) for k, v in index.by_category.items()})
    targeted: dict[str, list] = defaultdict(list, {k: list(v) for k, v in index.targeted.items()})
    oldest: dict[str, list] = {k: list(v) for k, v in index.oldest.items()}
    arrivals = count(-1, -1)  # expected customers' tie-breaks, apart from the index's
    expected = _expected_arrivals(outlook, config) if outlook is not None else []
    if new is not None:  # entered as PolicyIndex.push enters a ticket: its queue, and the oldest-first one
        heapq.heappush(
            by_category[new.category],
            (virtual_start(new, config), new.queued_at, new.number, float("inf"), new.id, new),
        )
        heapq.heappush(oldest.setdefault(new.category, []), (new.issued_at, new.number, float("inf"), new.id, new))
    taken: set[str] = set()

    def head(line: list, code: str | None, target: str | None) -> Ticket | _Expected | None:
        while line:
            entry = line[0]
            item = entry[-1]
            if item.id not in taken and (
                type(item) is _Expected or item is new or index.holds(waiting, entry, code, target)
            ):
                return item
            heapq.heappop(line)
        return None

    # The oldest ticket of each category changes only when the play takes it (nothing joins those heaps
    # here): found once, with the moment before which it cannot be late for any counter (late_key's
    # thresholds, a second early so rounding never skips one that is), so most of the play's steps ask
    # most_late about no category at all.
    oldest_head: dict[str, tuple[Ticket | None, datetime | None]] = {}

    def first(code: str) -> Ticket | None:
        found, _ = oldest_entry(code)
        return found

    def oldest_entry(code: str) -> tuple[Ticket | None, datetime | None]:
        cached = oldest_head.get(code)
        if cached is not None and (cached[0] is None or cached[0].id not in taken):
            return cached
        found = head(oldest.get(code, []), code, None)
        ticket = None if isinstance(found, _Expected) else found
        late_from = None
        if ticket is not None:
            cat = config.categories.get(ticket.category)
            if cat is not None:
                soonest = min(cat.max_wait_s, cat.any_counter_after_s or cat.max_wait_s)
                late_from = ticket.issued_at + timedelta(seconds=soonest - 1.0)
            else:
                late_from = ticket.issued_at  # unknown category: late_key decides at every step
        oldest_head[code] = (ticket, late_from)
        return ticket, late_from

    def may_be_late(when: datetime) -> list[str]:
        found = []
        for code in oldest:
            ticket, late_from = oldest_entry(code)
            if ticket is not None and late_from is not None and when >= late_from:
                found.append(code)
        return found

    served_before = placed = 0
    broke: set[str] = set()
    while placed < len(waiting) + (new is not None) and heap:
        free_at, counter_id = heapq.heappop(heap)
        plan = plans.get(counter_id)
        if plan is not None:
            if plan.closes_in_s is not None and free_at >= plan.closes_in_s:
                continue
            if plan.break_from_s is not None and free_at >= plan.break_from_s and counter_id not in broke:
                broke.add(counter_id)
                heapq.heappush(heap, (free_at + plan.break_s, counter_id))
                continue
        while expected and expected[0][0] <= free_at:
            at, code, shift = _next_expected(expected, outlook.horizon_s)  # type: ignore[union-attr]
            n = next(arrivals)
            # Shaped as the index's entries: (effective start, queued at, number, tie-break, id, item).
            start = now + timedelta(seconds=at - shift)
            entry = (start, now + timedelta(seconds=at), "~", n, f"~{n}", _Expected(code, f"~{n}"))
            heapq.heappush(by_category[code], entry)
        counter = state.counters[counter_id]
        when = now + timedelta(seconds=free_at)
        best: Ticket | _Expected | None = most_late(counter, first, may_be_late(when), when, config)
        if best is None:
            best_key = None
            line = targeted[counter_id]
            found = head(line, None, counter_id)
            if found is not None:
                best, best_key = found, (TARGETED_LEVEL, line[0][:3])
            for code, level in counter.profile.items():
                line = by_category[code]
                found = head(line, code, None)
                if found is not None and (best_key is None or (level, line[0][:3]) < best_key):
                    best, best_key = found, (level, line[0][:3])
        if best is None:
            continue  # this counter takes none of what is left
        mean_s, cv2 = steady[best.category]
        taken.add(best.id)
        if not isinstance(best, _Expected):
            # Services that must end before this call: those ahead plus those running now.
            behind = max(0, served_before + busy_at_start - (counters - 1))
            yield best, free_at, behind, _departures_cv2(cv2, counters, behind), placed, served_before - placed
            placed += 1
        served_before += 1
        heapq.heappush(heap, (free_at + mean_s, counter_id))


def _departures_cv2(cv2: float, counters: int, behind: int) -> float:
    """The squared CV the wait behind ``behind`` departures from ``counters`` busy counters takes per departure.

    One counter's departures are its services (``cv2``). Several counters' departures superpose: over
    a few departures they are close to Poisson (squared CV 1) whatever the services, while over many
    the count's variance returns to that of each counter's own renewal process (``cv2`` per departure;
    Whitt 1999 on superposed departures). Between the two limits the weight of the Poisson one is
    counters / (counters + departures).
    """
    if counters <= 1:
        return cv2
    poisson = counters / (counters + max(behind, 1))
    return cv2 + (1.0 - cv2) * poisson


def _expected_arrivals(outlook: Outlook, config: BranchConfig) -> list[tuple[float, str, float, float]]:
    """A heap of the next expected customer of each (category, class): (seconds from now, category, head start,
    seconds between them); ``_next_expected`` pops one and pushes the one after, so only those played are made."""
    found = []
    for (code, klass), rate in outlook.rates.items():
        if rate <= 0 or code not in config.categories:
            continue
        shift = config.policy.head_start_s.get(klass, 0.0)
        if klass is PriorityClass.APPOINTMENT:
            shift -= APPOINTMENT_EARLY_S / 2  # they come up to ten minutes before the booked time it counts from
        gap = 1.0 / rate
        if gap / 2 < outlook.horizon_s:
            found.append((gap / 2, code, shift, gap))  # the k-th at (k - 1/2) / rate
    heapq.heapify(found)
    return found


def _next_expected(expected: list[tuple[float, str, float, float]], horizon_s: float) -> tuple[float, str, float]:
    at, code, shift, gap = heapq.heappop(expected)
    if at + gap < horizon_s:
        heapq.heappush(expected, (at + gap, code, shift, gap))
    return at, code, shift


def _estimate(
    ticket_id: str, mean_s: float, behind: int, cv2: float, position: int, expected: int = 0
) -> WaitEstimate:
    """Mean and 90th percentile of the wait: a gamma with the play-forward's mean.

    Behind k departures the wait is roughly gamma with shape k / cv^2 (Whitt 1999). The
    ``expected`` customers still to come who were played in ahead are a Poisson count, not a
    certainty: each adds its share of the wait (mean / k) with variance equal to the count.
    """
    if mean_s <= 0:
        return WaitEstimate(ticket_id, 0.0, 0.0, position)
    k = max(1.0, behind)
    variance = mean_s * mean_s * max(cv2, 0.05) / k + expected * (mean_s / k) ** 2
    shape = mean_s * mean_s / variance
    p90 = gamma_quantile(0.9, shape, mean_s / shape)
    return WaitEstimate(ticket_id, mean_s, max(p90, mean_s), position)


def naive_estimate_s(ahead: int, mean_service_s: float, open_counters: int) -> float:
    """(people ahead + 1) x mean service time / open counters: the baseline to beat."""
    if open_counters <= 0:
        return float("inf")
    return (ahead + 1) * mean_service_s / open_counters
