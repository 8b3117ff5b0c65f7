"""Random counter plans for the wait-estimate tests: breaks due, counters back later or closing."""

from __future__ import annotations

import random

from queueing.core.state import BranchState
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
