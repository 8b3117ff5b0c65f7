"""The estimate's play-forward makes the calling policy's own choices (checked against call_key itself)."""

import heapq
import random
from datetime import UTC, datetime, timedelta

import pytest
from estimate_states import make_busy, random_plans

from queueing.core.categories import load_branch_config
from queueing.core.counters import Counter, CounterStatus
from queueing.core.policy import call_key
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket, TicketStatus
from queueing.waits.estimate import _busy_until, _departures_cv2, _play_forward
from queueing.waits.outlook import Outlook

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
CONFIG = load_branch_config()
CATEGORIES = list(CONFIG.categories)


def reference_play_forward(state, now):
    """The plain reading of the policy: at each free counter, the remaining ticket with the smallest call_key."""
    counters = [c for c in state.counters.values() if c.status is CounterStatus.OPEN]
    remaining = list(state.waiting.values())
    # When the counters are free is the estimate's own input (_busy_until); the choices are what is checked here.
    heap = _busy_until(state, now) + [(0.0, c.id) for c in counters if not c.current]
    heapq.heapify(heap)
    free_counters = len(heap)
    served_before, busy_at_start = 0, sum(1 for c in counters if c.current)
    while remaining and heap:
        free_at, counter_id = heapq.heappop(heap)
        when = now + timedelta(seconds=free_at)
        keyed = [(call_key(state.counters[counter_id], t, when, state.config), i) for i, t in enumerate(remaining)]
        keyed = [pair for pair in keyed if pair[0] is not None]
        if not keyed:
            continue
        best = remaining.pop(min(keyed)[1])
        stats = state.stats[best.category]
        # A counter is taken per call by the service and the overhead of a call (none in these states' priors).
        step = stats.steady_mean_s + stats.steady_overhead_s
        behind = max(0, served_before + busy_at_start - (len(counters) - 1))
        yield best, free_at, behind, _departures_cv2(stats.steady_cv2, free_counters, behind), served_before
        served_before += 1
        heapq.heappush(heap, (free_at + step, counter_id))


def random_state(rng: random.Random) -> BranchState:
    """Counters open, paused or closed, some busy; waiting tickets of every class, some transferred to a counter.

    Issue times often fall on whole minutes, so that equal waits (ties) are common.
    """
    state = BranchState(CONFIG)
    for i in range(rng.randint(0, 8)):
        profile = {code: rng.randint(1, 4) for code in rng.sample(CATEGORIES, rng.randint(1, 4))}
        status = rng.choice([CounterStatus.OPEN] * 3 + [CounterStatus.PAUSED, CounterStatus.CLOSED])
        state.counters[f"C{i}"] = Counter(f"C{i}", str(i), profile, status=status)
    targets = [None] * 6 + list(state.counters) + ["GONE"]
    for j in range(rng.randint(0, 60)):
        issued = NOW - timedelta(seconds=rng.choice([rng.uniform(0, 4000), rng.randint(0, 40) * 60]))
        queued = issued if rng.random() < 0.8 else issued + timedelta(seconds=rng.randint(0, 10) * 60)
        priority = rng.choice(list(PriorityClass))
        booked = None
        if priority is PriorityClass.APPOINTMENT and rng.random() < 0.8:
            booked = issued + timedelta(seconds=rng.randint(-10, 10) * 60)
        category = rng.choice(CATEGORIES)
        ticket = Ticket(
            id=f"t{j}",
            number=f"{CONFIG.categories[category].prefix}{j:03d}",
            category=category,
            priority=priority,
            business_date=NOW.date(),
            issued_at=issued,
            queued_at=queued,
            issued_by="S1",
            appointment_at=booked,
            target_counter=rng.choice(targets),
        )
        state.tickets[ticket.id] = ticket
        state.waiting[ticket.id] = ticket
    make_busy(rng, state, NOW, 0.5, CATEGORIES, [TicketStatus.CALLED, TicketStatus.SERVING])
    return state


def _placed(play_forward, state):
    placed = play_forward(state, NOW)
    return [(t.id, free_at, behind, cv2, position) for t, free_at, behind, cv2, position, *_ in placed]


@pytest.mark.parametrize("seed", range(10))
def test_play_forward_makes_the_policys_choices(seed):
    rng = random.Random(seed)
    for _ in range(150):
        state = random_state(rng)
        assert _placed(_play_forward, state) == _placed(reference_play_forward, state)


def random_outlook(rng: random.Random, state: BranchState) -> Outlook:
    """Customers of every category and class still to come, breaks due, counters back later or closing."""
    plans = random_plans(rng, state, 0.5)
    rates = {(code, klass): rng.uniform(0, 1 / 150) for code in CATEGORIES for klass in PriorityClass}
    return Outlook(plans, rates, rng.uniform(0, 1500))


@pytest.mark.parametrize("seed", range(4))
def test_the_play_stopped_at_a_ticket_gives_what_the_whole_play_gives_it(seed):
    """With a stop ticket the play yields that ticket alone and leaves out the customers still to come who could only
    be called after it: its figures are still those of the whole play, late tickets, transfers and plans included."""
    rng = random.Random(seed)
    for _ in range(30):
        state = random_state(rng)
        outlook = random_outlook(rng, state)
        whole = {placed[0].id: placed[1:] for placed in _play_forward(state, NOW, outlook)}
        for ticket in state.waiting.values():
            stopped = [placed for placed in _play_forward(state, NOW, outlook, stop=ticket)]
            assert [(t.id, *rest) for t, *rest in stopped] == (
                [(ticket.id, *whole[ticket.id])] if ticket.id in whole else []
            )
