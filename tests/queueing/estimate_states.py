"""Random parts of the branch states the wait-estimate tests play: busy counters, counter plans."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from queueing.core.counters import CounterStatus
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket, TicketStatus
from queueing.waits.outlook import CounterPlan


def random_plans(rng: random.Random, state: BranchState, share: float) -> dict[str, CounterPlan]:
    """A plan for about ``share`` of the counters: back within half an hour, a break due, a closing, or none."""
    plans = {}
    for counter_id in state.counters:
        if rng.random() < share:
            plans[counter_id] = CounterPlan(
                counter_id,
                back_in_s=rng.choice([None, rng.uniform(0, 1800)]),
                break_from_s=rng.choice([None, rng.uniform(0, 1800)]),
                break_s=rng.uniform(300, 1800),
                closes_in_s=rng.choice([None, rng.uniform(600, 7200)]),
            )
    return plans


def make_busy(
    rng: random.Random,
    state: BranchState,
    now: datetime,
    share: float,
    categories: Sequence[str],
    statuses: Sequence[TicketStatus],
) -> None:
    """About ``share`` of the open counters serve (or have called) a ticket of one of ``categories``, started up to
    15 minutes before ``now``."""
    for counter in state.counters.values():
        if counter.status is CounterStatus.OPEN and rng.random() < share:
            busy = Ticket(
                id=f"busy-{counter.id}",
                number=f"Z{counter.id}",
                category=rng.choice(categories),
                priority=PriorityClass.REGULAR,
                business_date=now.date(),
                issued_at=now - timedelta(minutes=15),
                queued_at=now - timedelta(minutes=15),
                issued_by="S1",
                status=rng.choice(statuses),
                started_at=now - timedelta(seconds=rng.uniform(0, 900)),
            )
            state.tickets[busy.id] = busy
            counter.current = busy.id
