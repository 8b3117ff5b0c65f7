"""The calling policy played forward on expected counter times: who is called when.

Each open counter frees up in turn and calls what the policy would give it; a counter is
taken per call by the service and what comes with a call (the walk to the counter, the
recalls of a customer who never comes: ``ServiceStats.steady_overhead_s``). An Outlook
(queueing/waits/outlook.py) adds what the branch can foresee: breaks, counters coming back
or closing, and the customers still to come who will be called first.

The estimate is taken at every ticket issued (the kiosk, the simulator), so this is written
for a play that stops at one ticket: set-up in proportion to the counters, one step per
ticket called before it, and the customers still to come made only while they can still
be called first.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import count
from operator import attrgetter
from typing import Any

from queueing.core.categories import BranchConfig
from queueing.core.counters import CounterStatus
from queueing.core.policy import TARGETED_LEVEL
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket, TicketStatus
from queueing.core.waiting_index import PolicyIndex, WaitingTickets, late_since, virtual_start
from queueing.waits.gamma import residual_constants
from queueing.waits.outlook import CounterPlan, Outlook

# Appointment customers come up to this long before their booked time (queueing/simulation/arrivals.py).
APPOINTMENT_EARLY_S = 600.0

_OPEN = CounterStatus.OPEN
_SERVING = TicketStatus.SERVING
_APPOINTMENT = PriorityClass.APPOINTMENT
_REGULAR = PriorityClass.REGULAR


class _Expected:
    """A customer the outlook expects to come: takes a counter's time in the play-forward, is never reported."""

    __slots__ = ("category",)

    def __init__(self, category: str) -> None:
        self.category = category


def steady_times(state: BranchState) -> dict[str, tuple[float, float, float, float]]:
    """Per category: (counter time per call, its squared CV, service mean, service squared CV), read once per
    estimate. The counter time is the steady service mean plus the steady overhead per call; its variance is
    taken as the service's (the overhead's own spread is small beside it)."""
    found = {}
    for code, stats in state.stats.items():
        mean, cv2 = stats.steady_mean_s, stats.steady_cv2
        step = mean + stats.steady_overhead_s
        found[code] = (step, cv2 * mean * mean / (step * step) if step > 0 and step != mean else cv2, mean, cv2)
    return found


def _busy_until(
    state: BranchState, now: datetime, steady: dict[str, tuple[float, float, float, float]] | None = None
) -> list[tuple[float, str]]:
    """When each busy open counter is expected to be free, as (seconds from now, counter id).

    Not each counter's own expected residual alone: the soonest of several running services
    ends sooner than the soonest expected end (for exponential services all residuals are the
    whole mean, yet one of c ends after mean / c). The j-th counter to be free, in the order of
    their own residuals, is put at a blend of its residual and j / (sum of service rates), the
    j-th departure of c busy servers whose departures are Poisson (Whitt 1999), weighted by
    the category's CV: residuals for steady services, the Poisson spacing for exponential ones
    (both exact at their extreme: a fixed service's residual is certain, an exponential one's
    departures are Poisson at any number of counters). A customer called but not yet at the
    counter has the whole counter time ahead.
    """
    if steady is None:
        steady = steady_times(state)
    busy: list[tuple[float, float, float, str]] = []
    append = busy.append
    tickets = state.tickets
    # The category of the last counter read, and what its residuals are read with (gamma.residual_constants):
    # the read is inline below, as residual_reader's closure reads it, since it runs for every busy counter at
    # every ticket issued; the counters mostly serve one category, so its figures are looked up once.
    last_code = None
    step = step_cv2 = mean = cv2 = per_step = scale = 0.0
    table: Any = None
    values: tuple[float, ...] = ()
    last = -1  # the last point of values
    readers: dict[str, tuple] = {}
    tickets_get = tickets.get
    for counter in state.counters.values():
        current = counter.current
        if not current or counter.status is not _OPEN:
            continue
        ticket = tickets_get(current)
        if ticket is None:
            append((0.0, 0.0, 0.0, counter.id))
            continue
        code = ticket.category
        if code != last_code:
            figures = readers.get(code)
            if figures is None:
                known = steady.get(code)
                # A category gone from a configuration changed by hand while its customer is at a counter: timed
                # as the branch's categories are on average, not a KeyError at every estimate until it is gone.
                step, step_cv2, mean, cv2 = known if known is not None else _average(steady)
                # The residual is weighed by (1 - cv2)^2 below: none of it counts for cv2 >= 1.
                per_step, scale, table = residual_constants(mean, cv2) if cv2 < 1.0 and mean > 0 else (0.0, 0.0, None)
                figures = readers[code] = (step, step_cv2, mean, cv2, per_step, scale, table)
            step, step_cv2, mean, cv2, per_step, scale, table = figures
            values = table.values if table is not None else ()
            last = len(values) - 1
            last_code = code
        started = ticket.started_at
        if started is None or ticket.status is not _SERVING:
            append((step, step, step_cv2, counter.id))
        elif table is None:
            append((mean, mean, cv2, counter.id))
        else:
            elapsed = (now - started).total_seconds()
            if elapsed <= 0:
                append((mean, mean, cv2, counter.id))
                continue
            at = elapsed * per_step
            i = int(at)
            if i >= last:
                values = table.upto(i + 1)
                last = len(values) - 1
                if i >= last:
                    append((scale, mean, cv2, counter.id))  # far in the tail: the gamma's scale
                    continue
            low = values[i]
            left = mean * (low + (values[i + 1] - low) * (at - i)) - elapsed
            append((left if left > 0.0 else 0.0, mean, cv2, counter.id))  # max(0.0, left), as the reader
    if not busy:
        return []
    if len(busy) == 1:  # one counter alone is a renewal process, not a superposition: its own residual is the answer
        return [(busy[0][0], busy[0][3])]
    busy.sort()
    rate = sum([1.0 / mean for _, mean, _, _ in busy if mean > 0])
    found: list[tuple[float, str]] = []
    push = found.append
    j = 0
    for residual, _mean, cv2, counter_id in busy:
        j += 1
        spaced = j / rate if rate > 0 else residual
        if cv2 < 1.0:
            weight = (1.0 - cv2) ** 2
            push((weight * residual + (1.0 - weight) * spaced, counter_id))
        else:  # weight 0: the Poisson spacing alone (0 x residual + 1 x spaced is spaced, to the bit)
            push((spaced, counter_id))
    return found


def _average(steady: dict[str, tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The known categories' steady figures averaged, field by field (zeros when none is known)."""
    if not steady:
        return (0.0, 0.0, 0.0, 0.0)
    n = len(steady)
    step, step_cv2, mean, cv2 = (sum(field) / n for field in zip(*steady.values(), strict=True))
    return (step, step_cv2, mean, cv2)


def departures_cv2(cv2: float, counters: int, behind: int) -> float:
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


def play_forward(
    state: BranchState,
    now: datetime,
    outlook: Outlook | None = None,
    new: Ticket | None = None,
    stop: Ticket | None = None,
) -> Iterator[tuple[Ticket, float, int, float, int, int]]:
    """Tickets in the order the policy would call them on expected counter times.

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
    ``stop``: only that ticket is yielded (the kiosk and the simulator ask for one figure), and the
    customers still to come who could only be called after it (its own category, a later effective
    start) are not played.
    """
    config = state.config
    plans = outlook.plans if outlook is not None else {}
    steady = steady_times(state)
    heap: list[tuple[float, str]] = []
    busy_at_start = 0
    # Busy counters are free after a positive time when two or more run services of a known positive mean
    # (_busy_until: the Poisson spacing has weight); then, until every counter free now has called, their
    # times are not needed, and a ticket an idle counter calls at once costs no residuals.
    lazy_busy = all(step > 0 and mean > 0 for step, _, mean, _ in steady.values())
    tickets = state.tickets
    for counter in state.counters.values():
        if counter.status is _OPEN:
            if counter.current:
                busy_at_start += 1
                if counter.current not in tickets:
                    lazy_busy = False
            else:
                heap.append((0.0, counter.id))
        else:
            plan = plans.get(counter.id)
            if plan is not None and plan.back_in_s is not None:
                heap.append((max(0.0, plan.back_in_s), counter.id))
    counters = len(heap) + busy_at_start
    if busy_at_start >= 2 and lazy_busy:
        heap.append(_BUSY)
    elif busy_at_start:
        heap += _busy_until(state, now, steady)
    heapq.heapify(heap)
    if stop is not None and new is None:
        found = _one_line(state, now, outlook, stop, steady, list(heap), counters, busy_at_start)
        if found is not _NOT_ONE_LINE:
            if found is not None:
                yield found
            return
    waiting = state.waiting
    # The policy's own heaps (queueing/core/waiting_index.py), copied when the play first looks at one:
    # popping them here leaves the queue's as they are.
    index = waiting.index(config) if isinstance(waiting, WaitingTickets) else PolicyIndex(config, waiting.values())
    holds = index.holds
    by_category: dict[str, list] = {}
    index_lines = index.by_category
    targeted = index.targeted
    targeted_lines: dict[str, list] = {}
    index_oldest = index.oldest
    oldest: dict[str, list] = {}
    # The categories whose oldest ticket the policy may find late, in the index's order (ties go to the first).
    late_codes = list(index_oldest)

    head_starts = _head_starts(config)
    waiting_get: Any = waiting.get  # Any: its answer compared by identity does not narrow a heap entry's ticket

    def category_line(code: str) -> list:
        line = by_category.get(code)
        if line is None:
            line = by_category[code] = list(index_lines.get(code, ()))
        return line

    arrivals = count(-1, -1)  # expected customers' tie-breaks, apart from the index's
    expected = _expected_arrivals(outlook, config, now, stop) if outlook is not None else []
    if new is not None:  # entered as PolicyIndex.push enters a ticket: its queue, and the oldest-first one
        heapq.heappush(
            category_line(new.category),
            (virtual_start(new, config), new.queued_at, new.number, float("inf"), new.id, new),
        )
        oldest[new.category] = new_oldest = list(index_oldest.get(new.category, ()))
        heapq.heappush(new_oldest, (late_since(new), new.number, float("inf"), new.id, new))
        if new.category not in index_oldest:
            late_codes.append(new.category)
    item: Any  # a ticket, an expected customer or the new ticket: a heap entry's last field
    taken: set[int] = set()  # id() of the tickets and expected customers the play has called
    valid: set[int] = set()  # id() of entries found to hold (the queue does not change during the play)

    # The oldest ticket of each category changes only when the play takes it (nothing joins those heaps
    # here): found when needed, with the moment before which it cannot be late for any counter (late_key's
    # thresholds, a second early so rounding never skips one that is). Once taken, the next oldest of the
    # category was issued no sooner, so the old moment stays a bound: most of the play's steps compare one
    # number (the least bound) and look at no category at all.
    rules = _late_rules(config)
    late_heads: dict[str, tuple] = {}  # code: (ticket, late from, any-counter limit, max wait, target wait, since)
    late_bound: dict[str, float] = {}
    stale: list[str] = []  # categories whose oldest the play took: found again at the next late check
    never = float("inf")

    def find_oldest(code: str) -> None:
        rule = rules.get(code)
        if rule is None:  # a category late_key never ranks
            late_bound[code] = never
            return
        line = oldest.get(code)
        if line is None:
            line = oldest[code] = list(index_oldest.get(code, ()))
        ticket = None
        while line:
            entry = line[0]
            item: Any = entry[-1]
            # index.holds of an oldest-first entry, inline: this runs at nearly every step of a late play.
            if id(item) not in taken and (
                item is new
                or (
                    item.target_counter is None
                    and item.category == code
                    and entry[0] == (item.issued_at if item.appointment_at is None else late_since(item))
                    and entry[1] == item.number
                    and waiting_get(entry[3]) is item
                )
            ):
                ticket = item
                break
            heapq.heappop(line)
        if ticket is None:
            late_heads.pop(code, None)
            late_bound[code] = never
            return
        late_after, any_after_s, max_wait_s, target_s = rule
        since = line[0][0]  # the entry's key, the ticket's late_since, as the check above found it
        late_from = since + late_after
        late_heads[code] = (ticket, late_from, any_after_s, max_wait_s, target_s, since)
        late_bound[code] = (late_from - now).total_seconds() - 1.0

    for code in late_codes:
        find_oldest(code)
    next_late_s = min(late_bound.values(), default=never)
    served_before = placed = 0
    broke: set[str] = set()
    to_place = len(waiting) + (new is not None)
    heappop, heappush = heapq.heappop, heapq.heappush
    all_counters = state.counters
    while placed < to_place and heap:
        free_at, counter_id = heappop(heap)
        if counter_id is _BUSY_ID:
            # Pushed at once: counter ids differ, so the heap pops them in the same order whatever its layout.
            heap += _busy_until(state, now, steady)
            heapq.heapify(heap)
            continue
        if plans and _plan_takes(plans, counter_id, free_at, broke, heap):
            continue
        while expected and expected[0][0] <= free_at:
            at, code, shift, gap, until = heappop(expected)  # the next expected customer, and the one after
            if at + gap < until:
                heappush(expected, (at + gap, code, shift, gap, until))
            n = next(arrivals)
            # Shaped as the index's entries: (effective start, queued at, number, tie-break, id, item).
            start = now + timedelta(seconds=at - shift)
            coming = (start, now + timedelta(seconds=at), "~", n, "~", _Expected(code))
            heappush(category_line(code), coming)
        profile = all_counters[counter_id].profile
        best: Ticket | _Expected | None = None
        if free_at >= next_late_s:
            if stale:
                for code in stale:
                    find_oldest(code)
                stale.clear()
                next_late_s = min(late_bound.values())
            if free_at >= next_late_s:
                # most_late over the categories whose oldest may be late, late_key inline: the latest
                # relative to its target first (ties: the earlier issue, then the number).
                when = now + timedelta(seconds=free_at)
                best_key = None
                for code in late_codes:
                    found = late_heads.get(code)
                    if found is None or when < found[1]:
                        continue
                    ticket, _, any_after_s, max_wait_s, target_s, since = found
                    waited = (when - since).total_seconds()
                    if (any_after_s is not None and waited >= any_after_s) or (
                        waited >= max_wait_s and code in profile
                    ):
                        key = (-(waited / target_s), since, ticket.number)
                        if best_key is None or key < best_key:
                            best, best_key = ticket, key
        if best is None:
            # The least (level, the entry's order) over the heads of the counter's lines.
            best_level, best_entry, best_line = 0, None, None
            if targeted:
                line = targeted_lines.get(counter_id)
                if line is None and counter_id in targeted:
                    line = targeted_lines[counter_id] = list(targeted[counter_id])
                while line:
                    entry = line[0]
                    item = entry[-1]
                    if id(item) not in taken and (id(entry) in valid or holds(waiting, entry, None, counter_id)):
                        valid.add(id(entry))
                        best, best_level, best_entry, best_line = item, TARGETED_LEVEL, entry, line
                        break
                    heappop(line)
            for code, level in profile.items():
                line = by_category.get(code)
                if line is None:
                    line = category_line(code)
                while line:
                    entry = line[0]
                    item = entry[-1]
                    if id(item) not in taken:
                        if id(entry) in valid or type(item) is _Expected or item is new:
                            break
                        # index.holds of the entry, inline (this runs for every ticket played): its ticket still
                        # waits in this queue with the order it was pushed with (PolicyIndex.push, virtual_start).
                        if (
                            waiting_get(entry[4]) is item
                            and item.target_counter is None
                            and item.category == code
                            and entry[1] == item.queued_at
                            and entry[2] == item.number
                        ):
                            klass = item.priority
                            head = head_starts.get(klass)
                            if klass is _APPOINTMENT and item.appointment_at is not None:
                                start = item.appointment_at
                                held = entry[0] == (start if head is None else start - head)
                            else:  # the start is queued_at, the entry's second field
                                held = entry[0] == (entry[1] if head is None else entry[1] - head)
                            if held:
                                valid.add(id(entry))
                                break
                    heappop(line)
                else:
                    continue
                if best is None or level < best_level or (level == best_level and entry[:3] < best_entry[:3]):  # type: ignore[index]
                    best, best_level, best_entry, best_line = item, level, entry, line
            if best is None:
                continue  # this counter takes none of what is left
            heappop(best_line)  # type: ignore[arg-type]  # the head it was: taken
        step = steady[best.category][0]
        if type(best) is not _Expected:
            taken.add(id(best))  # its entries in the other heaps (oldest first, or its queue) are left behind
            code = best.category
            found = late_heads.get(code)
            if found is not None and found[0] is best:  # the category's oldest is taken: found when needed
                del late_heads[code]
                stale.append(code)
            if stop is None or best is stop:
                # Services that must end before this call: those ahead plus those running now.
                behind = max(0, served_before + busy_at_start - (counters - 1))
                step_cv2 = steady[code][1]
                yield best, free_at, behind, departures_cv2(step_cv2, counters, behind), placed, served_before - placed  # type: ignore[misc]
            placed += 1
        served_before += 1
        heappush(heap, (free_at + step, counter_id))


def _plan_takes(
    plans: dict[str, CounterPlan], counter_id: str, free_at: float, broke: set[str], heap: list[tuple[float, str]]
) -> bool:
    """Whether the counter's plan takes this free moment: closed by then, or its break is due (the counter is put
    back in ``heap`` at the break's end, once per play)."""
    plan = plans.get(counter_id)
    if plan is None:
        return False
    if plan.closes_in_s is not None and free_at >= plan.closes_in_s:
        return True
    if plan.break_from_s is not None and free_at >= plan.break_from_s and counter_id not in broke:
        broke.add(counter_id)
        heapq.heappush(heap, (free_at + plan.break_s, counter_id))
        return True
    return False


def _head_starts(config: BranchConfig) -> dict[PriorityClass, timedelta]:
    """The classes' head starts as PolicyIndex subtracts them (virtual_start), made once per configuration."""
    found = _HEAD_STARTS.get(id(config))
    if found is None or found[0] is not config:
        starts = {klass: timedelta(seconds=s) for klass, s in config.policy.head_start_s.items() if s}
        _HEAD_STARTS.clear()  # one branch's configuration at a time, in practice
        _HEAD_STARTS[id(config)] = found = (config, starts)
    return found[1]


_HEAD_STARTS: dict[int, tuple[BranchConfig, dict[PriorityClass, timedelta]]] = {}


def _late_rules(config: BranchConfig) -> dict[str, tuple[timedelta, float | None, float, float]]:
    """Per category, what late_key reads of it: (how long after its issue a ticket may first be late for some
    counter, less a second so rounding never skips one that is; the any-counter limit; the maximum wait; the
    target wait), made once per configuration."""
    found = _LATE_RULES.get(id(config))
    if found is None or found[0] is not config:
        rules = {}
        for code, cat in config.categories.items():
            soonest = min(cat.max_wait_s, cat.any_counter_after_s or cat.max_wait_s)
            rules[code] = (timedelta(seconds=soonest - 1.0), cat.any_counter_after_s, cat.max_wait_s, cat.target_wait_s)
        _LATE_RULES.clear()
        _LATE_RULES[id(config)] = found = (config, rules)
    return found[1]


_LATE_RULES: dict[int, tuple[BranchConfig, dict[str, tuple[timedelta, float | None, float, float]]]] = {}


# The busy counters' place in the play's heap until their times are needed: after every counter free now.
_BUSY_ID = "\U0010ffff"
_BUSY = (0.0, _BUSY_ID)


def _expected_arrivals(
    outlook: Outlook, config: BranchConfig, now: datetime, stop: Ticket | None
) -> list[tuple[float, str, float, float, float]]:
    """A heap of the next expected customer of each (category, class): (seconds from now, category, head start,
    seconds between them, last moment); the play pops one and pushes the one after, so only those played are
    made. With a ``stop`` ticket, a customer of its category who would start waiting (less the
    head start) no sooner than it is called after it by every counter: those are not made."""
    found: list[tuple[float, str, float, float, float]] = []
    rates = outlook.rates
    if not rates:
        return found
    stop_s = None
    if stop is not None and stop.target_counter is None:
        stop_s = (virtual_start(stop, config) - now).total_seconds()
    categories, head_start_s = config.categories, config.policy.head_start_s
    for (code, klass), rate in rates.items():
        if rate <= 0 or code not in categories:
            continue
        shift = head_start_s.get(klass, 0.0)
        if klass is PriorityClass.APPOINTMENT:
            shift -= APPOINTMENT_EARLY_S / 2  # they come up to ten minutes before the booked time it counts from
        until = outlook.horizon_s
        if stop_s is not None and code == stop.category:  # type: ignore[union-attr]
            until = min(until, stop_s + shift)
        gap = 1.0 / rate
        if gap / 2 < until:
            found.append((gap / 2, code, shift, gap, until))  # the k-th at (k - 1/2) / rate
    heapq.heapify(found)
    return found


# _one_line's answer when the play is not one line's: the whole play is needed.
_NOT_ONE_LINE: Any = object()
_line_of = attrgetter("category", "priority", "target_counter")
_queued_at = attrgetter("queued_at")
_issued_at = attrgetter("issued_at")


def _one_line(
    state: BranchState,
    now: datetime,
    outlook: Outlook | None,
    stop: Ticket,
    steady: dict[str, tuple[float, float, float, float]],
    heap: list[tuple[float, str]],
    counters: int,
    busy_at_start: int,
) -> tuple[Ticket, float, int, float, int, int] | None | Any:
    """play_forward's answer for ``stop`` when the queue is one line it ends: every waiting ticket regular, of its
    category, sent to no counter, and queued before it (the simulator's M/M/c days, a branch with a single queue).

    Then every counter that serves the category calls the line's next ticket, the others none, until the
    overdue rule or an expected customer could first come in; the tickets ahead are counted, not checked one
    by one, and the counters' times are the play's own steps, so the answer is the same to the bit. Answers
    _NOT_ONE_LINE when the queue is not such a line, or the overdue rule or a customer still to come could
    act before ``stop`` is called: then the whole play is made.
    """
    waiting = state.waiting
    code = stop.category
    if stop.target_counter is not None or stop.priority is not _REGULAR or waiting.get(stop.id) is not stop:
        return _NOT_ONE_LINE
    values = waiting.values()
    n = len(waiting)
    if n > 1:
        # C loops over the queue, instead of a check per ticket in Python as the play makes.
        if list(map(_line_of, values)).count((code, _REGULAR, None)) != n:
            return _NOT_ONE_LINE
        queued = list(map(_queued_at, values))
        if max(queued) != stop.queued_at or queued.count(stop.queued_at) != 1:
            return _NOT_ONE_LINE  # another ticket queued as late: the order falls to the numbers
    config = state.config
    # The play's first moment at which the overdue rule may act (find_oldest: the oldest ticket of the category).
    limit = float("inf")
    rule = _late_rules(config).get(code)
    if rule is not None:
        limit = (min(map(_issued_at, values)) + rule[0] - now).total_seconds() - 1.0
    if outlook is not None:
        expected = _expected_arrivals(outlook, config, now, stop)
        if expected and expected[0][0] < limit:
            limit = expected[0][0]  # the first customer still to come joins the play from then
    plans = outlook.plans if outlook is not None else {}
    broke: set[str] = set()
    step = steady[code][0]
    all_counters = state.counters
    heappop, heappush = heapq.heappop, heapq.heappush
    ahead = n - 1
    placed = 0
    while heap:
        free_at, counter_id = heappop(heap)
        if counter_id is _BUSY_ID:
            heap += _busy_until(state, now, steady)
            heapq.heapify(heap)
            continue
        if free_at >= limit:
            return _NOT_ONE_LINE
        if plans and _plan_takes(plans, counter_id, free_at, broke, heap):
            continue
        if code not in all_counters[counter_id].profile:
            continue  # a counter that takes none of the line
        if placed == ahead:
            behind = max(0, placed + busy_at_start - (counters - 1))
            return stop, free_at, behind, departures_cv2(steady[code][1], counters, behind), placed, 0
        placed += 1
        heappush(heap, (free_at + step, counter_id))
    return None
