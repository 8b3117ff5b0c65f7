"""A queue that is one line is played by counting (play._one_line): its figures are the whole play's, to the bit."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from estimate_states import make_busy, random_plans

from queueing.core.categories import load_branch_config
from queueing.core.counters import Counter, CounterStatus
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket, TicketStatus
from queueing.waits.estimate import _play_forward
from queueing.waits.outlook import Outlook
from queueing.waits.play import _NOT_ONE_LINE, _one_line, steady_times

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
CONFIG = load_branch_config()
CATEGORIES = list(CONFIG.categories)


def one_line_state(rng: random.Random) -> BranchState:
    """Regular tickets of one category, some waiting long enough for the overdue rule to act, counters that serve it
    or not, open, paused or closed, some busy; now and then a ticket that breaks the line (another category or
    class, sent to a counter)."""
    code = rng.choice(CATEGORIES)
    state = BranchState(CONFIG)
    for i in range(rng.randint(1, 8)):
        others = rng.sample(CATEGORIES, rng.randint(0, 2))
        profile = {c: rng.randint(1, 4) for c in others}
        if rng.random() < 0.8:
            profile[code] = rng.randint(1, 4)
        status = rng.choice([CounterStatus.OPEN] * 4 + [CounterStatus.PAUSED, CounterStatus.CLOSED])
        state.counters[f"C{i}"] = Counter(f"C{i}", str(i), profile, status=status)
    for j in range(rng.randint(0, 30)):
        waited = rng.choice([rng.uniform(0, 1200), rng.uniform(0, 7200), rng.randint(0, 20) * 60])
        issued = NOW - timedelta(seconds=waited)
        queued = issued if rng.random() < 0.8 else issued + timedelta(seconds=rng.randint(0, 10) * 60)
        odd = rng.random() < 0.01
        ticket = Ticket(
            id=f"t{j}",
            number=f"{CONFIG.categories[code].prefix}{j:03d}",
            category=rng.choice(CATEGORIES) if odd else code,
            priority=rng.choice(list(PriorityClass)) if odd else PriorityClass.REGULAR,
            business_date=NOW.date(),
            issued_at=issued,
            queued_at=min(queued, NOW),
            issued_by="S1",
            target_counter=rng.choice([None, *state.counters]) if odd else None,
        )
        state.tickets[ticket.id] = ticket
        state.waiting[ticket.id] = ticket
    make_busy(
        rng, state, NOW, 0.7, [code, *CATEGORIES], [TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.SERVING]
    )
    for stats in state.stats.values():  # services of every spread, so that residuals count (cv2 < 1) or not
        stats.steady_var_s2 = stats.steady_mean_s**2 * rng.choice([0.1, 0.5, 0.9, 1.0, 1.5])
    return state


def one_line_outlook(rng: random.Random, state: BranchState) -> Outlook | None:
    """None, nothing foreseen, or breaks, returns, closings and customers still to come (of any class)."""
    if rng.random() < 0.3:
        return None
    plans = random_plans(rng, state, 0.4)
    rates = {}
    if rng.random() < 0.6:
        rates = {(c, k): rng.uniform(0, 1 / 150) for c in CATEGORIES for k in PriorityClass if rng.random() < 0.3}
    return Outlook(plans, rates, rng.uniform(0, 3000))


@pytest.mark.parametrize("seed", range(6))
def test_a_line_counted_gives_what_the_whole_play_gives(seed):
    rng = random.Random(seed)
    counted = 0
    for _ in range(150):
        state = one_line_state(rng)
        outlook = one_line_outlook(rng, state)
        whole = {placed[0].id: placed[1:] for placed in _play_forward(state, NOW, outlook)}
        for ticket in state.waiting.values():
            stopped = list(_play_forward(state, NOW, outlook, stop=ticket))
            assert [(t.id, *rest) for t, *rest in stopped] == (
                [(ticket.id, *whole[ticket.id])] if ticket.id in whole else []
            )
            heap = [(0.0, c.id) for c in state.counters.values() if c.status is CounterStatus.OPEN and not c.current]
            if _one_line(state, NOW, outlook, ticket, steady_times(state), heap, 0, 0) is not _NOT_ONE_LINE:
                counted += 1
    # The counting must have answered often for the comparison to mean anything.
    assert counted >= 20


def test_a_ticket_queued_with_another_at_the_same_moment_is_played_whole():
    """Two tickets queued at one moment are ordered by their numbers, which the count does not read."""
    state = BranchState(CONFIG)
    code = CATEGORIES[0]
    state.counters["C1"] = Counter("C1", "1", {code: 1}, status=CounterStatus.OPEN)
    for j in range(2):
        ticket = Ticket(
            id=f"t{j}",
            number=f"{CONFIG.categories[code].prefix}{j:03d}",
            category=code,
            priority=PriorityClass.REGULAR,
            business_date=NOW.date(),
            issued_at=NOW,
            queued_at=NOW,
            issued_by="S1",
        )
        state.tickets[ticket.id] = state.waiting[ticket.id] = ticket
    last = state.waiting["t1"]
    assert _one_line(state, NOW, None, last, steady_times(state), [(0.0, "C1")], 1, 0) is _NOT_ONE_LINE
    (placed,) = _play_forward(state, NOW, stop=last)
    assert placed[0] is last and placed[4] == 1  # called after t0, by number
